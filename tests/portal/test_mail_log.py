"""The staff mail log: each role sees the mails it needs; the status is the mail's true state.
(Opening a mail: test_mail_detail.py; sending it again: test_mail_resend.py.)"""

from __future__ import annotations

from django.db import connection

from portal.models import OutgoingMail
from tests.portal.mail_rows import Topic, _mail


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
