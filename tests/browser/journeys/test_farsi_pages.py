"""A newcomer who reads Farsi: she chooses فارسی in the language switcher on a phone, and the
portal's home page, a county's home page and an offer stay Persian and right to left, fit the
390 px screen and pass axe-core (``Journey.check``). Screenshots in
``test-results/journeys/test_farsi_...``.
"""

from __future__ import annotations

import pytest

from offers.models import Offer

OFFER = "Integrationskurs mit Kinderbetreuung"


def assert_farsi(page) -> None:
    html = page.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("fa", "rtl"), page.url


@pytest.mark.parametrize("lang", ["fa"])
def test_a_newcomer_reads_the_portal_in_farsi(visitor):
    page, _ = visitor.page, visitor._
    visitor.start()  # chooses فارسی in the language switcher
    assert_farsi(page)
    assert page.locator("#language-select option:checked").inner_text() == "فارسی"
    assert page.get_by_role("button", name=_("Change language")).inner_text() == "تغییر زبان"
    visitor.check("portal home")

    page.get_by_role("link", name="Landkreis Harz").first.click()
    page.wait_for_url("**/harz/")
    assert_farsi(page)
    assert page.get_by_label(_("Search for offers")).is_visible()
    visitor.check("county home")

    page.get_by_label(_("Search for offers")).fill("Integrationskurs")
    page.get_by_label(_("Search for offers")).press("Enter")
    page.wait_for_url("**/harz/offers/?q=*")
    page.locator("#offer-count").wait_for()
    assert_farsi(page)
    visitor.check("offers found")

    page.get_by_role("link", name=visitor.shown(Offer, "harz", OFFER)).first.click()
    page.wait_for_url("**/harz/offers/*/")
    assert_farsi(page)
    visitor.check("offer")
