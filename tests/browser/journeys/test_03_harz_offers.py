"""Journey 3 - Harz, the offer directory (seed 002).

A visitor finds the coordination office from the county's home page, searches offers the way
people type, narrows the results by field of action, language, place and cost, opens an offer
and suggests a correction.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from offers.models import ChangeRequest, Offer

LANGUAGE_COURSES = (
    "Integrationskurs mit Kinderbetreuung",
    "Berufssprachkurs Deutsch B2 für Pflegeberufe",
)
WOMEN_COUNSELLING = "Beratung für Frauen – vertraulich und mehrsprachig"


@contextmanager
def new_results(page) -> Iterator[None]:
    """Wait until htmx has put the new results in place of the old ones.

    The response arriving (or the address changing: htmx pushes it before it swaps) is not
    enough: read right then, the page still shows the previous results.
    """
    previous = page.locator("#offer-count").element_handle()
    yield
    previous.wait_for_element_state("hidden")  # a removed element counts as hidden
    page.locator("#offer-count").wait_for()


def search(visitor, words: str) -> None:
    """Type into the search field of the offer page and send it, as a person does."""
    page = visitor.page
    field = page.get_by_label(visitor._("Search for offers"))
    field.fill(words)
    with new_results(page):
        field.press("Enter")


def result_titles(page) -> list[str]:
    return page.locator(".offer-list h3").all_inner_texts()


def test_a_visitor_finds_the_office_searches_filters_and_suggests_a_correction(visitor):
    page, _ = visitor.page, visitor._
    visitor.start()
    page.get_by_role("link", name="Landkreis Harz").first.click()
    page.wait_for_url("**/harz/")
    visitor.check("county home")
    office = page.locator("#office-heading").locator("xpath=..").inner_text()
    for detail in (
        "Koordinierungsstelle für Migration",
        "Friedrich-Ebert-Straße 42",  # postal address
        "Postfach 1542",  # PO box
        "Schillerstraße 3-4",  # visiting address
        "03946 97 74 26",
        "03946 97 74 55",
    ):
        assert detail in office, detail
    team = page.locator("#team-heading").locator("xpath=..").inner_text()
    assert "Herma Alpermann" in team and "Mustafa Yacoub" in team

    # The home page's search box leads to the offer directory.
    page.get_by_label(_("Search for offers")).fill("Sprachkurse")
    page.get_by_label(_("Search for offers")).press("Enter")
    page.wait_for_url("**/harz/offers/?q=Sprachkurse")
    visitor.check("search for Sprachkurse")
    # Titles read in the visitor's language where the county has translated them.
    courses = {visitor.shown(Offer, "harz", title) for title in LANGUAGE_COURSES}
    assert courses & set(result_titles(page))

    search(visitor, "Deutschkurs")
    assert courses & set(result_titles(page)[:3])
    search(visitor, "Beratung fuer Frauen")  # no umlaut on the keyboard
    assert result_titles(page)[0] == visitor.shown(Offer, "harz", WOMEN_COUNSELLING)
    search(visitor, "Sprachkurz")  # a typo
    assert visitor.shown(Offer, "harz", LANGUAGE_COURSES[0]) in result_titles(page)[:3]
    visitor.check("search with a typo")

    # Narrow the whole directory down: field of action, language, place and cost.
    page.get_by_role("link", name=_("Start a new search")).click()
    page.wait_for_url("**/harz/offers/")
    page.locator(".offer-filters summary").click()
    for parameter in ("field=sprache", "lang=ar", "municipality=", "cost="):
        with new_results(page):
            page.locator(f".offer-filters a[href*='{parameter}']").first.click()
        assert parameter in page.url
    visitor.check("filtered results")
    filtered = result_titles(page)
    assert filtered, "something remains after four filters"
    assert page.locator(".active-filters a.btn").count() == 4

    # Open an offer and tell the office what is out of date.
    page.locator(".offer-list h3 a").first.click()
    page.wait_for_url("**/harz/offers/*/")
    visitor.check("offer")
    offer = Offer.objects.get(pk=re.search(r"/offers/(\d+)/", page.url)[1])
    page.get_by_role("link", name=_("Suggest a change")).click()
    visitor.check("suggest a change")
    page.get_by_label(_("What is wrong or out of date?")).fill(
        "Der Kurs findet nicht mehr montags statt."
    )
    page.get_by_label(_("What is right? (optional)")).fill("Jetzt immer mittwochs 17–19 Uhr.")
    page.get_by_text(_("Correct the details yourself (optional)")).click()
    page.get_by_label(_("When it takes place")).fill("mittwochs 17–19 Uhr")
    page.get_by_role("button", name=_("Send suggestion")).click()
    page.wait_for_url("**/harz/offers/*/")
    visitor.check("suggestion sent")
    assert page.get_by_role("status").is_visible()
    suggestion = ChangeRequest.objects.get(
        offer=offer, message__contains="nicht mehr montags statt"
    )
    assert suggestion.data == {"schedule": "mittwochs 17–19 Uhr"}
    assert "nicht mehr montags" in suggestion.message
