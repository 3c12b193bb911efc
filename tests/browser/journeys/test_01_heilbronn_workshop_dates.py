"""Journey 1 - Heilbronn, one workshop on four dates (seed 004).

A visitor finds the participation workshop that runs at four places, compares dates, venues,
step-free access and remaining seats, registers for the third date without an account, reads
the confirmation page and the mail with its calendar file, later moves to another date and
then cancels through the link in the mail (confirming first); the seat is free again. Then she
downloads the county's current integration concept as a PDF.
"""

from __future__ import annotations

import re

from django.conf import settings

from conferences.models import Event, Registration
from networks import services as network_services
from networks.models import ConceptExport, IntegrationConcept
from portal.models import OutgoingMail

TITLE = "Beteiligungs-Workshops: Ihre Ideen für das Integrationskonzept"


def mail_to(address: str, jobs) -> OutgoingMail:
    """The latest mail to ``address``, once the worker has rendered what is owed."""
    jobs.run()
    return OutgoingMail.objects.filter(to=address).latest("pk")


def self_service_path(mail: OutgoingMail) -> str:
    link = re.search(rf"{re.escape(settings.SITE_URL)}(/events/registration/\S+/)", mail.body_text)
    assert link, mail.body_text
    return link.group(1)


def test_a_visitor_registers_for_the_third_date_moves_and_cancels(visitor, jobs):
    page, _ = visitor.page, visitor._
    event = Event.objects.get(region__slug="heilbronn", title=TITLE)
    dates = list(event.dates.order_by("start"))
    assert len(dates) == 4
    third, fourth = dates[2], dates[3]
    # The county's concept PDF is the one the office last generated (a first request after a
    # change gets a "being prepared" page instead: journey 7).
    concept = IntegrationConcept.objects.get(region__slug="heilbronn", status="adopted")
    network_services.concept_request_export(concept=concept, variant=ConceptExport.Variant.PDF_UA)
    jobs.run()

    visitor.start()
    visitor.check("portal home")
    page.get_by_role("link", name="Landkreis Heilbronn").first.click()
    page.wait_for_url("**/heilbronn/")
    visitor.check("county home")
    page.get_by_role("link", name=_("Events")).first.click()
    page.wait_for_url("**/heilbronn/events/")
    visitor.check("events")
    # The title as the visitor reads it: in Arabic the office's translation.
    page.locator(f"main a[href$='/heilbronn/events/{event.slug}/']").first.click()
    page.wait_for_url(f"**/heilbronn/events/{event.slug}/")
    visitor.check("the workshop on four dates")

    # Four dates to compare: day and time, venue, step-free access, remaining seats.
    cards = page.locator("article.event-date")
    assert cards.count() == 4
    for card, event_date in zip(cards.all(), dates, strict=True):
        text = card.inner_text()
        assert event_date.label in text and event_date.venue.name in text
        assert _("Step-free access") in text
        assert "25" in text  # 25 places left of 25
    # Register for the third date.
    cards.nth(2).get_by_role("link").last.click()
    page.wait_for_url("**/register/?date=*")
    visitor.check("registration form")
    assert page.get_by_role("radio", name=re.compile(re.escape(third.label))).is_checked()
    page.get_by_label(_("Your name")).fill("Selin Aydın")
    page.get_by_label(_("E-mail")).first.fill("selin.aydin@example.org")
    page.locator("input[name=consent]").check()
    page.get_by_role("button", name=_("Register"), exact=True).click()
    page.wait_for_url("**/events/registration/*/*/confirmation/")
    visitor.check("registration confirmed")
    assert _("Your seat is confirmed.") in page.locator("main").inner_text()
    registration = Registration.objects.get(email="selin.aydin@example.org")
    assert registration.event_date == third
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.language == visitor.lang

    # The mail, with a calendar file, and the personal link.
    mail = mail_to("selin.aydin@example.org", jobs)
    assert third.label in mail.body_text
    assert any(a["filename"].endswith(".ics") for a in mail.attachments), mail.attachments
    link = self_service_path(mail)

    # Later: the link from the mail, and another date.
    visitor.goto(link)
    visitor.check("my registration")
    page.get_by_role("radio", name=re.compile(re.escape(fourth.label))).check()
    page.get_by_role("button", name=_("Move to this date")).click()
    page.wait_for_url("**?done=moved")
    visitor.check("moved to the fourth date")
    registration.refresh_from_db()
    assert registration.event_date == fourth
    assert registration.status == Registration.Status.CONFIRMED

    # Then cancel, through the link in the (new) mail, confirming first.
    visitor.goto(self_service_path(mail_to("selin.aydin@example.org", jobs)))
    page.get_by_role("link", name=_("Cancel my registration")).click()
    page.wait_for_url("**/cancel/")
    visitor.check("cancel: are you sure?")
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED  # asking changes nothing
    page.get_by_role("button", name=_("Yes, cancel my registration")).click()
    page.wait_for_url("**?done=cancelled")
    visitor.check("cancelled")
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED

    # The seat is free again on the event page.
    page.get_by_role("link", name=_("To the event page")).click()
    page.wait_for_url(f"**/heilbronn/events/{event.slug}/")
    visitor.check("the event page again")
    for card in page.locator("article.event-date").all():
        assert "25" in card.locator(".seats").inner_text()  # every seat is free again

    # The county's current integration concept, as a PDF.
    page.get_by_role("link", name="Landkreis Heilbronn").first.click()
    page.get_by_role("link", name=_("Integration concept")).first.click()
    visitor.check("integration concept")
    pdf_link = page.locator("main a[type='application/pdf']").first
    response = page.request.get(visitor.base_url + pdf_link.get_attribute("href"))
    assert response.ok and response.body()[:5] == b"%PDF-"
