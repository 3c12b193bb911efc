"""The staff mail log: each role sees the mails it needs; coordinators open a mail as it was
sent and send it again; the status is the mail's true state."""

from __future__ import annotations

from django.db import connection

from portal.lib.mail import queue_mail
from portal.models import OutgoingMail

Topic = OutgoingMail.Topic


def _mail(region, subject, topic=Topic.REGISTRATION, **fields):
    return queue_mail(
        to="teilnehmerin@example.org",
        subject=subject,
        body_text=fields.pop("body_text", "Ihr Link: https://example.org/x/abc"),
        region=region,
        topic=topic,
        **fields,
    )


def test_it_shows_the_regions_mails_with_status(client_of, coordinator_goslar, goslar):
    mail = _mail(goslar, "Anmeldebestätigung")
    OutgoingMail.objects.filter(pk=mail.pk).update(status="failed", last_error="SMTP down")
    html = client_of(coordinator_goslar).get("/staff/goslar/mail/").content.decode()
    assert "teilnehmerin@example.org" in html
    assert "Anmeldebestätigung" in html
    assert "SMTP down" in html


def test_it_hides_other_regions_mails(client_of, editor_harz, goslar, harz):
    _mail(goslar, "Goslar only")
    html = client_of(editor_harz).get("/staff/harz/mail/").content.decode()
    assert "Goslar only" not in html


def test_event_staff_see_participants_mails_but_not_invitations_or_update_rounds(
    client_of, event_staff_goslar, goslar
):
    _mail(goslar, "Anmeldebestätigung")
    _mail(goslar, "Einladung ins Team", topic=Topic.ACCOUNT)
    _mail(goslar, "Jährliche Aktualisierung", topic=Topic.DIRECTORY)
    _mail(goslar, "Beitrittsanfrage", topic=Topic.NETWORK)
    response = client_of(event_staff_goslar).get("/staff/goslar/mail/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Anmeldebestätigung" in html
    for hidden in ("Einladung ins Team", "Jährliche Aktualisierung", "Beitrittsanfrage"):
        assert hidden not in html


def test_editors_see_all_but_the_staff_account_mails(client_of, editor_goslar, goslar):
    _mail(goslar, "Einladung ins Team", topic=Topic.ACCOUNT)
    _mail(goslar, "Jährliche Aktualisierung", topic=Topic.DIRECTORY)
    html = client_of(editor_goslar).get("/staff/goslar/mail/").content.decode()
    assert "Jährliche Aktualisierung" in html
    assert "Einladung ins Team" not in html


def test_the_list_does_not_load_mail_bodies(client_of, coordinator_goslar, goslar):
    _mail(goslar, "S", body_text="SECRET-BODY")
    html = client_of(coordinator_goslar).get("/staff/goslar/mail/").content.decode()
    assert "SECRET-BODY" not in html


def test_a_coordinator_opens_a_mail_as_it_was_sent(client_of, coordinator_goslar, goslar):
    mail = _mail(goslar, "Anmeldebestätigung", body_text="Hallo <b>Anna</b>,\nIhr Link: x")
    html = client_of(coordinator_goslar).get(f"/staff/goslar/mail/{mail.pk}/").content.decode()
    assert "Hallo &lt;b&gt;Anna&lt;/b&gt;," in html  # the text as sent, never as markup
    assert "teilnehmerin@example.org" in html


def test_other_roles_cannot_open_a_mail(client_of, editor_goslar, event_staff_goslar, goslar):
    mail = _mail(goslar, "Anmeldebestätigung")
    for user in (editor_goslar, event_staff_goslar):
        assert client_of(user).get(f"/staff/goslar/mail/{mail.pk}/").status_code == 403


def test_a_failed_mail_is_queued_again_as_it_is(client_of, coordinator_goslar, goslar, jobs):
    mail = _mail(goslar, "Anmeldebestätigung")
    OutgoingMail.objects.filter(pk=mail.pk).update(status="failed", last_error="SMTP down")
    before = len(jobs.pending("portal.send_mail"))
    response = client_of(coordinator_goslar).post(
        f"/staff/goslar/mail/{mail.pk}/resend/", {"copies": "0"}
    )
    assert response.status_code == 302
    mail.refresh_from_db()
    assert mail.status == "queued" and mail.last_error == ""
    assert len(jobs.pending("portal.send_mail")) == before + 1
    assert OutgoingMail.objects.count() == 1


def test_resending_a_sent_mail_makes_one_copy_even_when_the_form_is_sent_twice(
    client_of, coordinator_goslar, goslar, mailoutbox_run
):
    mail = _mail(goslar, "Anmeldebestätigung")
    mailoutbox_run()
    mail.refresh_from_db()
    assert mail.status == "sent"
    client = client_of(coordinator_goslar)
    for _ in range(2):
        client.post(f"/staff/goslar/mail/{mail.pk}/resend/", {"copies": "0"})
    [copy] = OutgoingMail.objects.exclude(pk=mail.pk)
    assert copy.resent_from == mail
    assert copy.body_text == mail.body_text
    assert len(mailoutbox_run()) == 2  # the first and its one copy
    mail.refresh_from_db()
    assert mail.status == "sent"


def test_the_status_tells_when_the_next_attempt_is(client_of, coordinator_goslar, goslar):
    mail = _mail(goslar, "Anmeldebestätigung")
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE procrastinate_jobs SET scheduled_at = now() + interval '3 minutes' "
            "WHERE id = %s",
            [mail.job_id],
        )
    html = client_of(coordinator_goslar).get("/staff/goslar/mail/").content.decode()
    assert "Nächster Versuch um" in html


def test_the_status_shows_a_mail_whose_worker_died(client_of, coordinator_goslar, goslar):
    mail = _mail(goslar, "Anmeldebestätigung")
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE procrastinate_jobs SET status = 'doing' WHERE id = %s", [mail.job_id]
        )
    html = client_of(coordinator_goslar).get("/staff/goslar/mail/").content.decode()
    assert "Hängt" in html
