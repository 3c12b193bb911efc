"""A coordinator sends a mail of the log again: a failed one is queued again as it is, a sent
one gets exactly one copy."""

from __future__ import annotations

from portal.models import OutgoingMail
from tests.portal.mail_rows import _mail


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
