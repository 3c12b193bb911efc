"""A coordinator finds a mail that could not be delivered, reads it as it was sent and sends it
again, by clicking from the dashboard (issue 8: the mail log shows more than headers)."""

from __future__ import annotations

from portal.lib.mail import queue_mail
from portal.models import OutgoingMail, Region

BODY = "Guten Tag Frau Yilmaz,\nIhre Anmeldung zur Integrationskonferenz ist bestätigt."


def test_a_coordinator_reads_a_failed_mail_and_sends_it_again(staff_journey):
    goslar = Region.objects.get(slug="goslar")
    sent = queue_mail(
        to="teilnehmerin@example.org",
        subject="Anmeldung bestätigt: 5. Integrationskonferenz",
        body_text=BODY,
        region=goslar,
        topic=OutgoingMail.Topic.REGISTRATION,
    )
    failed = queue_mail(
        to="yilmaz@example.org",
        subject="Ihre Anmeldung: 5. Integrationskonferenz",
        body_text=BODY,
        region=goslar,
        topic=OutgoingMail.Topic.REGISTRATION,
    )
    OutgoingMail.objects.filter(pk=sent.pk).update(status="sent", attempts=1)
    OutgoingMail.objects.filter(pk=failed.pk).update(
        status="failed", attempts=12, last_error="SMTPServerDisconnected: relay went away"
    )
    journey = staff_journey
    _ = journey._
    page = journey.page

    journey.start()
    journey.login("koordination@goslar.example.org")
    page.get_by_role("link", name=_("Failed e-mails")).click()
    journey.check("mail log")
    row = page.locator("tr", has_text="yilmaz@example.org")
    assert "relay went away" in row.inner_text()

    row.get_by_role("link").click()
    journey.check("the failed mail as it was sent")
    assert page.locator("pre.mail-body").inner_text().strip() == BODY
    assert _("Failed after %(attempts)s attempts") % {"attempts": 12} in page.inner_text("main")

    page.get_by_role("button", name=_("Send again")).click()
    journey.check("queued again")
    assert _("The e-mail is queued and will be sent again shortly.") in page.inner_text("main")
    assert page.locator("#mail-state").inner_text().strip() == _("Waiting to be sent")
    failed.refresh_from_db()
    assert failed.status == "queued" and failed.job_id
