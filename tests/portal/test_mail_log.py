"""The staff mail log shows recipient, subject and status of the region's mails only."""

from portal.lib.mail import queue_mail
from portal.models import OutgoingMail


def test_it_shows_the_regions_mails_with_status(client_of, coordinator_goslar, goslar):
    mail = queue_mail(
        to="teilnehmerin@example.org", subject="Anmeldebestätigung", body_text="x", region=goslar
    )
    OutgoingMail.objects.filter(pk=mail.pk).update(status="failed", last_error="SMTP down")
    html = client_of(coordinator_goslar).get("/staff/goslar/mail/").content.decode()
    assert "teilnehmerin@example.org" in html
    assert "Anmeldebestätigung" in html
    assert "SMTP down" in html


def test_it_hides_other_regions_mails(client_of, editor_harz, goslar, harz):
    queue_mail(to="goslar@example.org", subject="Goslar only", body_text="x", region=goslar)
    html = client_of(editor_harz).get("/staff/harz/mail/").content.decode()
    assert "Goslar only" not in html


def test_event_staff_see_the_log(client_of, event_staff_goslar, goslar):
    assert client_of(event_staff_goslar).get("/staff/goslar/mail/").status_code == 200


def test_it_does_not_load_mail_bodies(client_of, coordinator_goslar, goslar):
    queue_mail(to="a@example.org", subject="S", body_text="SECRET-BODY", region=goslar)
    html = client_of(coordinator_goslar).get("/staff/goslar/mail/").content.decode()
    assert "SECRET-BODY" not in html
