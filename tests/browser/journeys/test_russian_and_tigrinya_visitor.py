"""A newcomer who reads Russian or Tigrinya: she chooses her language in the switcher on the
first page, and the county's home page, its offers and an event page stay in it, with dates
named in her language (Tigrinya in Ge'ez script, which needs an Ethiopic font to be seen).
"""

from __future__ import annotations

import pytest

from conferences.models import Event
from portal.lib import l10n


@pytest.mark.parametrize("lang", ["ru", "ti"])
def test_a_newcomer_reads_the_county_in_her_language(visitor, lang):
    page, _ = visitor.page, visitor._
    visitor.start()  # chooses Русский / ትግርኛ in the language switcher
    assert page.locator("html").get_attribute("dir") == "ltr"
    visitor.check("portal home")

    page.get_by_role("link", name="Landkreis Harz").first.click()
    page.wait_for_url("**/harz/")
    visitor.check("county home")
    assert _("Skip to main content") in page.content()

    page.get_by_label(_("Search for offers")).fill("Deutsch")
    page.get_by_label(_("Search for offers")).press("Enter")
    page.wait_for_url("**/harz/offers/?q=*")
    page.locator("#offer-count").wait_for()
    visitor.check("offers")
    page.locator(".offer-list h3 a").first.click()
    page.wait_for_url("**/harz/offers/*/")
    visitor.check("offer")

    page.get_by_role("link", name=_("Events")).first.click()
    page.wait_for_url("**/harz/events/")
    visitor.check("events")
    page.get_by_role(
        "link", name=visitor.shown(Event, "harz", "Netzwerktreffen Integration")
    ).first.click()
    page.wait_for_url("**/harz/events/netzwerktreffen/")
    visitor.check("event")
    text = page.locator("main").inner_text()
    assert _("Register now") in text
    # The month as CLDR names it in the reader's language (Tigrinya: Eritrean names, Ge'ez).
    months = l10n.babel_locale(lang).months["format"]["wide"].values()
    assert any(month in text for month in months), text[:500]
