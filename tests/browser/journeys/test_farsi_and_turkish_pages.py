"""Newcomers who read Farsi or Turkish: they choose فارسی or Türkçe in the language switcher on
a phone, and the portal's home page, a county's home page and an offer stay in their language
(Farsi right to left), fit the 390 px screen and pass axe-core (``Journey.check``).
Screenshots in ``test-results/journeys/test_a_newcomer_reads_the_portal_in_...``.
"""

from __future__ import annotations

import pytest

from offers.models import Offer

OFFER = "Integrationskurs mit Kinderbetreuung"
NAMES = {"fa": ("فارسی", "rtl"), "tr": ("Türkçe", "ltr")}


def assert_language(page, lang: str) -> None:
    html = page.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == (lang, NAMES[lang][1]), (
        page.url
    )


@pytest.mark.parametrize("lang", ["fa", "tr"])
def test_a_newcomer_reads_the_portal_in_her_language(visitor, lang):
    page, _ = visitor.page, visitor._
    visitor.start()  # chooses فارسی / Türkçe in the language switcher
    assert_language(page, lang)
    switcher = page.get_by_role("navigation", name=_("Change language"))
    assert switcher.locator("a[aria-current=true]").inner_text() == NAMES[lang][0]
    assert _("Change language") != "Sprache wechseln"
    visitor.check("portal home")

    page.get_by_role("link", name="Landkreis Harz").first.click()
    page.wait_for_url("**/harz/")
    assert_language(page, lang)
    visitor.check("county home")

    page.get_by_label(_("Search for offers")).fill("Integrationskurs")
    page.get_by_label(_("Search for offers")).press("Enter")
    page.wait_for_url("**/harz/offers/?q=*")
    page.locator("#offer-count").wait_for()
    assert_language(page, lang)
    visitor.check("offers found")

    page.get_by_role("link", name=visitor.shown(Offer, "harz", OFFER)).first.click()
    page.wait_for_url("**/harz/offers/*/")
    assert_language(page, lang)
    visitor.check("offer")
