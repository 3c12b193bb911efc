"""The nightly housekeeping job keeps personal data and tables from piling up."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from portal.lib.mail import Attachment, queue_mail
from portal.models import Invitation, OutgoingMail, RateLimitCounter
from portal.tasks import MAIL_BODY_RETENTION_DAYS, MAIL_LOG_RETENTION_DAYS, housekeeping
from tests.factories import InvitationFactory, RateLimitCounterFactory

pytestmark = pytest.mark.django_db


def _mail(days_old: int, status="sent"):
    mail = queue_mail(
        to="a@example.org",
        subject="Anmeldung",
        body_text="Name: Erika",
        attachments=[Attachment("a.ics", "text/calendar", b"x")],
    )
    OutgoingMail.objects.filter(pk=mail.pk).update(
        created_at=timezone.now() - timedelta(days=days_old), status=status
    )
    return mail


def test_old_mail_texts_are_blanked_but_the_log_row_stays():
    old = _mail(MAIL_BODY_RETENTION_DAYS + 1)
    fresh = _mail(1)
    housekeeping()
    old.refresh_from_db()
    fresh.refresh_from_db()
    assert old.body_text == "" and old.attachments == []
    assert old.subject == "Anmeldung"
    assert fresh.body_text == "Name: Erika"


def test_queued_mails_keep_their_text():
    waiting = _mail(MAIL_BODY_RETENTION_DAYS + 1, status="queued")
    housekeeping()
    waiting.refresh_from_db()
    assert waiting.body_text


def test_very_old_log_rows_are_deleted():
    ancient = _mail(MAIL_LOG_RETENTION_DAYS + 1)
    housekeeping()
    assert not OutgoingMail.objects.filter(pk=ancient.pk).exists()


def test_long_expired_invitations_are_deleted(goslar):
    InvitationFactory(
        region=goslar,
        email="a@example.org",
        role="editor",
        expires_at=timezone.now() - timedelta(days=31),
    )
    pending = InvitationFactory(region=goslar, email="b@example.org", role="editor")
    housekeeping()
    assert list(Invitation.objects.all()) == [pending]


def test_old_rate_limit_windows_are_deleted():
    RateLimitCounterFactory(key="barrier:1.2.3.4", window=1, count=5)
    assert housekeeping()["rate_limit_windows"] == 1
    assert not RateLimitCounter.objects.exists()


def test_old_succeeded_jobs_are_deleted():
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO procrastinate_jobs (queue_name, task_name, args, status) "
            "VALUES ('mail', 'portal.send_mail', '{}', 'succeeded') RETURNING id"
        )
        (job_id,) = cursor.fetchone()
        cursor.execute(
            "INSERT INTO procrastinate_events (job_id, type, at) "
            "VALUES (%s, 'succeeded', now() - interval '30 days')",
            [job_id],
        )
    assert housekeeping()["jobs"] == 1
