"""E-mail is a row first: queued, sent by a job after commit, retried, logged per region."""

from types import SimpleNamespace

import pytest
from django.core import mail as django_mail
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from portal.lib.mail import Attachment, queue_mail, queue_templated_mail
from portal.models import OutgoingMail
from portal.tasks import MAIL_ATTEMPTS, send_mail

FAILING_BACKEND = "tests.portal.test_mail_queue.FailingBackend"


class FailingBackend:
    """An SMTP server that is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP server unreachable")


def _context(attempts: int):
    return SimpleNamespace(job=SimpleNamespace(attempts=attempts))


@pytest.mark.django_db
def test_a_mail_is_stored_before_it_is_sent(jobs):
    mail = queue_mail(to="a@example.org", subject="Hallo", body_text="Text")
    assert mail.status == OutgoingMail.Status.QUEUED
    assert django_mail.outbox == []


@pytest.mark.django_db
def test_the_sending_job_is_stored_in_the_same_transaction_as_the_mail(jobs):
    mail = queue_mail(to="a@example.org", subject="Hallo", body_text="Text")
    [job] = jobs.pending("portal.send_mail")
    assert job["args"] == {"mail_id": mail.pk}
    mail.refresh_from_db()
    assert mail.job_id == job["id"]


@pytest.mark.django_db
def test_a_purpose_queues_its_mail_once(jobs):
    first = queue_mail(to="a@example.org", subject="Hallo", body_text="Text", purpose="job:7")
    again = queue_mail(to="a@example.org", subject="Hallo", body_text="Text", purpose="job:7")
    assert again.pk == first.pk
    assert OutgoingMail.objects.count() == 1
    assert len(jobs.pending("portal.send_mail")) == 1


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_transaction_sends_nothing(jobs):
    # Committed jobs of other transactional tests may be in the table: count, do not assume 0.
    before = len(jobs.pending())
    with pytest.raises(RuntimeError), transaction.atomic():
        queue_mail(to="a@example.org", subject="Hallo", body_text="Text")
        raise RuntimeError
    assert len(jobs.pending()) == before
    assert not OutgoingMail.objects.exists()


@pytest.mark.django_db
def test_the_job_sends_it_and_marks_it_sent(
    goslar, mailoutbox_run, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        mail = queue_mail(
            to="a@example.org",
            subject="Hallo",
            body_text="Text",
            body_html="<p>Text</p>",
            region=goslar,
            reply_to="team@example.org",
            attachments=[Attachment("termin.ics", "text/calendar", b"BEGIN:VCALENDAR")],
        )
    outbox = mailoutbox_run()
    assert len(outbox) == 1
    message = outbox[0]
    assert message.to == ["a@example.org"]
    assert message.reply_to == ["team@example.org"]
    assert message.alternatives[0][1] == "text/html"
    assert message.attachments[0][0] == "termin.ics"
    assert message.attachments[0][1] == "BEGIN:VCALENDAR"
    mail.refresh_from_db()
    assert mail.status == OutgoingMail.Status.SENT
    assert mail.attempts == 1
    assert mail.sent_at is not None


@pytest.mark.django_db
def test_a_templated_mail_is_rendered_in_the_given_language(goslar):
    mail = queue_templated_mail(
        to="a@example.org",
        template_prefix="portal/email/barrier_report",
        context={
            "report": SimpleNamespace(page_url="/x/", description="Text", name="", email=""),
            "region": goslar,
        },
        language="en",
        region=goslar,
    )
    assert mail.subject
    assert "\n" not in mail.subject


@pytest.mark.django_db
def test_a_sent_mail_is_not_sent_twice(mailoutbox):
    mail = queue_mail(to="a@example.org", subject="Hallo", body_text="Text")
    send_mail.func(_context(0), mail_id=mail.pk)
    send_mail.func(_context(0), mail_id=mail.pk)
    assert len(mailoutbox) == 1


@pytest.mark.django_db
@override_settings(EMAIL_BACKEND=FAILING_BACKEND)
def test_a_failure_is_logged_and_raised_so_the_job_is_retried():
    mail = queue_mail(to="a@example.org", subject="Hallo", body_text="Text")
    with pytest.raises(ConnectionRefusedError):
        send_mail.func(_context(0), mail_id=mail.pk)
    mail.refresh_from_db()
    assert mail.status == OutgoingMail.Status.QUEUED
    assert mail.attempts == 1
    assert "SMTP server unreachable" in mail.last_error


def test_retries_back_off_to_at_most_five_minutes_and_give_up_after_about_forty():
    strategy = send_mail.retry_strategy
    waits = []
    for attempts in range(MAIL_ATTEMPTS):
        decision = strategy.get_retry_decision(
            exception=ConnectionRefusedError(), job=SimpleNamespace(attempts=attempts)
        )
        if decision is None:
            break
        waits.append(round((decision.retry_at - timezone.now()).total_seconds()))
    assert waits[:5] == [10, 20, 40, 80, 160]
    assert max(waits) == 300
    assert len(waits) == MAIL_ATTEMPTS - 1
    # A relay that refuses for a minute delays mail by about a minute, not by eighteen.
    assert sum(waits[:3]) < 90
    assert 30 * 60 < sum(waits) < 50 * 60


@pytest.mark.django_db
@override_settings(EMAIL_BACKEND=FAILING_BACKEND)
def test_it_is_marked_failed_after_the_last_attempt():
    mail = queue_mail(to="a@example.org", subject="Hallo", body_text="Text")
    for attempt in range(MAIL_ATTEMPTS):
        with pytest.raises(ConnectionRefusedError):
            send_mail.func(_context(attempt), mail_id=mail.pk)
        mail.refresh_from_db()
        expected = "failed" if attempt == MAIL_ATTEMPTS - 1 else "queued"
        assert mail.status == expected
    assert mail.attempts == MAIL_ATTEMPTS


@pytest.mark.django_db
def test_a_later_attempt_can_still_succeed(mailoutbox):
    mail = queue_mail(to="a@example.org", subject="Hallo", body_text="Text")
    with override_settings(EMAIL_BACKEND=FAILING_BACKEND), pytest.raises(ConnectionRefusedError):
        send_mail.func(_context(0), mail_id=mail.pk)
    send_mail.func(_context(1), mail_id=mail.pk)
    mail.refresh_from_db()
    assert mail.status == OutgoingMail.Status.SENT
    assert mail.last_error == ""
    assert len(mailoutbox) == 1


@pytest.mark.django_db
def test_a_relay_that_accepts_but_never_answers_costs_one_attempt_not_a_blocked_worker(settings):
    """EMAIL_TIMEOUT: without it the worker waited forever, and every queue with it."""
    import socket
    import time

    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen()  # accepts connections (the kernel does) and never says a word
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = silent.getsockname()
    settings.EMAIL_TIMEOUT = 1
    mail = queue_mail(to="a@example.org", subject="Hallo", body_text="Text")
    started = time.monotonic()
    with pytest.raises(OSError):  # socket.timeout / TimeoutError
        send_mail.func(_context(0), mail_id=mail.pk)
    silent.close()
    assert time.monotonic() - started < 5
    mail.refresh_from_db()
    assert mail.status == OutgoingMail.Status.QUEUED
    assert mail.attempts == 1 and "timed out" in mail.last_error


def test_the_relay_timeout_is_set_by_default():
    from django.conf import settings

    assert 0 < settings.EMAIL_TIMEOUT <= 60
