"""Journey 5 - a newcomer in Arabic.

She switches to العربية on the first page; every later page stays Arabic and right-to-left.
She searches offers in Arabic, registers for an event, reads the privacy notice and the
accessibility statement, and reports a barrier.

The journey is Arabic by nature, so it runs in Arabic only.
"""

from __future__ import annotations

import pytest

from conferences.models import Event, Registration
from offers.models import Offer
from portal.models import BarrierReport


def cap(label: str) -> str:
    """Form labels from model fields start with a capital (Django's capfirst)."""
    return label[:1].upper() + label[1:]


def assert_arabic(page) -> None:
    html = page.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("ar", "rtl"), page.url


@pytest.mark.parametrize("lang", ["ar"])
def test_a_newcomer_finds_her_way_in_arabic(visitor):
    page, _ = visitor.page, visitor._
    visitor.start()  # chooses العربية in the language switcher
    assert_arabic(page)
    visitor.check("portal home")

    page.get_by_role("link", name="Landkreis Harz").first.click()
    page.wait_for_url("**/harz/")
    assert_arabic(page)
    visitor.check("county home")

    # Offers, searched in her language from the home page's search box.
    page.get_by_label(_("Search for offers")).fill("دورة ألمانية")  # "German course"
    page.get_by_label(_("Search for offers")).press("Enter")
    page.wait_for_url("**/harz/offers/?q=*")
    assert_arabic(page)
    page.locator("#offer-count").wait_for()
    visitor.check("offers searched in Arabic")
    titles = page.locator(".offer-list h3").all_inner_texts()
    assert visitor.shown(Offer, "harz", "Integrationskurs mit Kinderbetreuung") in titles[:3], (
        titles
    )

    # An event: the network meeting, registered for without an account.
    page.get_by_role("link", name=_("Events")).first.click()
    page.wait_for_url("**/harz/events/")
    assert_arabic(page)
    visitor.check("events")
    page.get_by_role(
        "link", name=visitor.shown(Event, "harz", "Netzwerktreffen Integration")
    ).first.click()
    page.wait_for_url("**/harz/events/netzwerktreffen/")
    visitor.check("event")
    page.get_by_role("link", name=_("Register now")).first.click()
    page.wait_for_url("**/harz/events/netzwerktreffen/register/**")
    assert_arabic(page)
    visitor.check("registration form")
    only_date = page.locator("input[name=event_date]")
    if only_date.count() == 1 and not only_date.is_checked():
        only_date.check()  # until the single date is preselected (conferences work)
    page.get_by_label(_("Your name")).fill("ريم الخطيب")
    page.get_by_label(_("E-mail")).first.fill("reem@example.org")
    page.locator("input[name=consent]").check()
    page.get_by_role("button", name=_("Register")).click()
    page.wait_for_url("**/events/registration/*/*/confirmation/")
    assert_arabic(page)
    visitor.check("registration confirmed")
    registration = Registration.objects.get(email="reem@example.org")
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.name == "ريم الخطيب"

    # The privacy notice and the accessibility statement, from the footer.
    page.locator("footer").get_by_role("link", name=_("Privacy")).click()
    page.wait_for_url("**/harz/privacy/")
    assert_arabic(page)
    visitor.check("privacy notice")
    page.locator("footer").get_by_role("link", name=_("Accessibility")).click()
    page.wait_for_url("**/harz/accessibility/")
    assert_arabic(page)
    visitor.check("accessibility statement")

    # A barrier she came across, reported without giving her name.
    page.get_by_label(cap(_("description of the barrier"))).fill(
        "لا أستطيع تكبير الخريطة على هاتفي."
    )
    page.get_by_role("button", name=_("Send report")).click()
    page.wait_for_url("**/harz/accessibility/")
    assert_arabic(page)
    visitor.check("barrier reported")
    assert page.get_by_role("status").is_visible()
    report = BarrierReport.objects.get(region__slug="harz")
    assert report.description == "لا أستطيع تكبير الخريطة على هاتفي."
