"""Journey 3, the search part in other languages (seed 002, issue 12).

A newcomer on a phone switches the portal to Arabic, Ukrainian or English, goes to the Harz
county's page and types into its offer search what the search box suggests in their language ("دورة
ألمانية", "курс німецької", "German course"): the German language courses of the Harz demo
come first, shown in the visitor's language where the county has translated them; the football
club does not come at all; the course opens from the results.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from offers.models import Offer
from tests.browser.journeys.conftest import PHONE, Journey, _journey

INTEGRATION_COURSE = "Integrationskurs mit Kinderbetreuung"
CARE_GERMAN = "Berufssprachkurs Deutsch B2 für Pflegeberufe"
FOOTBALL = "Fußball für alle – offenes Training"
QUERIES = {"ar": "دورة ألمانية", "uk": "курс німецької", "en": "German course"}


@pytest.fixture(params=sorted(QUERIES))
def newcomer(browser, request, live_server, demo) -> Iterator[Journey]:
    """A member of the public on a phone (390 px), reading Arabic, Ukrainian or English."""
    context, journey = _journey(browser, request, live_server, request.param, PHONE, demo)
    yield journey
    context.close()
    assert not journey.external, f"requests to other hosts: {journey.external}"


def test_a_query_in_the_visitors_language_finds_the_german_course(newcomer):
    page, _ = newcomer.page, newcomer._
    newcomer.start()
    page.get_by_role("link", name="Landkreis Harz").first.click()
    page.wait_for_url("**/harz/")
    newcomer.check("county home")
    # the county's home page has the directory's search box
    section = page.locator("section[aria-labelledby=offers-heading]")
    section.get_by_label(_("Search for offers")).fill(QUERIES[newcomer.lang])
    section.get_by_role("button", name=_("Search")).click()
    page.wait_for_url(re.compile(r".*/harz/offers/\?q=.*"))
    page.wait_for_function("document.querySelector('#offer-count') !== null")
    newcomer.check("results")
    titles = page.locator(".offer-list h3").all_inner_texts()
    course = newcomer.shown(Offer, "harz", INTEGRATION_COURSE)
    assert set(titles[:2]) == {course, newcomer.shown(Offer, "harz", CARE_GERMAN)}, titles
    assert not any(newcomer.shown(Offer, "harz", FOOTBALL) in title for title in titles), titles

    page.get_by_role("link", name=course).click()
    page.wait_for_url("**/harz/offers/*/")
    newcomer.check("the course")
    assert course in page.locator("h1").inner_text()
