"""Journey 2 - Goslar, conference with ten parallel workshops (seeds 000, 001).

A visitor finds the conference, reads the programme and the seats per workshop and registers
with a first and a second workshop choice: the first is full, so she gets the second. A
colleague registers with the same two choices: both are full now, so he lands on the waiting
list and is told so; when someone cancels he moves up automatically and is told so by mail.
"""

from __future__ import annotations

import re

from django.conf import settings

from conferences.models import Event, Registration
from conferences.services.registrations import ParticipantData, registration_create
from portal.models import OutgoingMail

FIRST, SECOND = "Sprache", "Schule"


def mails_to(address: str, jobs) -> list[OutgoingMail]:
    jobs.run()
    return list(OutgoingMail.objects.filter(to=address).order_by("pk"))


def register(journey, first, second, *, name: str, email: str) -> None:
    """From the conference page: the form, two workshop choices, the confirmation."""
    page, _ = journey.page, journey._
    page.get_by_role("link", name=_("Register now")).first.click()
    page.wait_for_url("**/goslar/events/integrationskonferenz/register/**")
    journey.check("registration form")
    choice = page.get_by_label(_("Workshop (first choice)"))
    assert FIRST in choice.locator(f"option[value='{first.pk}']").inner_text()
    choice.select_option(str(first.pk))
    page.get_by_label(_("Workshop (second choice)")).select_option(str(second.pk))
    page.get_by_label(_("Your name")).fill(name)
    page.get_by_label(_("E-mail")).first.fill(email)
    page.locator("input[name=consent]").check()
    page.get_by_role("button", name=_("Register"), exact=True).click()
    page.wait_for_url("**/events/registration/*/*/confirmation/")


def test_a_visitor_gets_her_second_choice_and_a_colleague_moves_up(visitor, jobs):
    page, _ = visitor.page, visitor._
    event = Event.objects.get(region__slug="goslar", slug="integrationskonferenz")
    event_date = event.dates.get()
    first = event_date.workshops.get(title=FIRST)
    second = event_date.workshops.get(title=SECOND)
    # Two small workshops: one seat each; the first one is taken already.
    event_date.workshops.filter(pk__in=[first.pk, second.pk]).update(seats=1)
    early, _created = registration_create(
        event_date=event_date,
        participant=ParticipantData(name="Jonas Weber", email="jonas.weber@example.org"),
        first_choice=first,
    )
    assert early.workshop_id == first.pk and early.status == Registration.Status.CONFIRMED

    visitor.start()
    page.get_by_role("link", name="Landkreis Goslar").first.click()
    page.wait_for_url("**/goslar/")
    visitor.check("county home")
    page.get_by_role("link", name=_("Events")).first.click()
    page.wait_for_url("**/goslar/events/")
    visitor.check("events")
    page.get_by_role("link", name=event.title).first.click()
    page.wait_for_url("**/goslar/events/integrationskonferenz/")
    visitor.check("the conference")
    main = page.locator("main")
    # The programme, and the seats of each of the ten workshops.
    assert "Arbeitsphase in zehn Workshops" in main.locator("table").first.inner_text()
    workshops = main.locator("table.workshops tbody tr")
    assert workshops.count() == 10
    assert _("waiting list").lower() in workshops.nth(2).inner_text().lower()  # Sprache: full

    # First choice full: the second.
    register(visitor, first, second, name="Mariam Yousef", email="mariam.yousef@example.org")
    visitor.check("confirmed with the second choice")
    assert _("Your seat is confirmed.") in main.inner_text()
    assert SECOND in main.locator(".registration-summary").inner_text()
    mariam = Registration.objects.get(email="mariam.yousef@example.org")
    assert mariam.status == Registration.Status.CONFIRMED and mariam.workshop == second

    # Both full: the waiting list, and told so.
    page.get_by_role("link", name=event.title).first.click()
    register(visitor, first, second, name="Hassan Ali", email="hassan.ali@example.org")
    visitor.check("on the waiting list")
    assert _("You are on the waiting list.") in main.inner_text()
    hassan = Registration.objects.get(email="hassan.ali@example.org")
    assert hassan.status == Registration.Status.WAITING
    told = mails_to("hassan.ali@example.org", jobs)
    assert len(told) == 1

    # Jonas cancels with the link from his mail: Hassan moves up and is told so.
    (jonas_mail,) = mails_to("jonas.weber@example.org", jobs)
    link = re.search(
        rf"{re.escape(settings.SITE_URL)}(/events/registration/\S+/)", jonas_mail.body_text
    )
    visitor.goto(link.group(1))
    page.get_by_role("link", name=_("Cancel my registration")).click()
    page.wait_for_url("**/cancel/")
    page.get_by_role("button", name=_("Yes, cancel my registration")).click()
    page.wait_for_url("**?done=cancelled")
    visitor.check("a seat is given back")
    hassan.refresh_from_db()
    assert hassan.status == Registration.Status.CONFIRMED and hassan.workshop == first
    moved_up = mails_to("hassan.ali@example.org", jobs)
    assert len(moved_up) == 2 and moved_up[-1].subject != told[0].subject
    assert FIRST in moved_up[-1].body_text

    # Hassan's own link now says he has a seat.
    link = re.search(
        rf"{re.escape(settings.SITE_URL)}(/events/registration/\S+/)", moved_up[-1].body_text
    )
    visitor.goto(link.group(1))
    visitor.check("moved up")
    summary = page.locator(".registration-summary").inner_text()
    assert FIRST in summary and _("Waiting for workshop") not in summary
