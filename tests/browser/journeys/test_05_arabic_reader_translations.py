"""Journey 5, the translations: an Arabic reader on a phone reads a Harz offer and a Heilbronn
event in Arabic and sees which texts are not translated yet.

The demo (portal/demo_translations.py and the apps' demo_translations) translates Harz's and
Heilbronn's offers and events into Arabic, but not all of it: the parents' meeting's
description and the Heilbronn network meeting's description are still German only, the
integration course's description was translated before the German changed. Whatever is
German on an Arabic page must say so: marked lang="de" dir="ltr" (so screen readers switch
voice and the text runs left to right) with a note in Arabic.

Runs in Arabic only (the German pages have nothing to mark; journey 3 covers them).
"""

from __future__ import annotations

import pytest

from conferences.models import Event
from offers.models import Offer
from portal.translations import translated

ELTERNTREFF = "Ukrainisch-deutscher Elterntreff"
INTEGRATIONSKURS = "Integrationskurs mit Kinderbetreuung"
NETZWERKTREFFEN = "Netzwerktreffen Integration"


def assert_arabic(page) -> None:
    html = page.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("ar", "rtl"), page.url


def german_part(page, text: str):
    """The element holding German ``text`` on an Arabic page, which must be marked German."""
    found = page.locator(f'main [lang="de"]:has-text("{text}")').last
    found.wait_for()
    assert found.get_attribute("dir") == "ltr"
    return found


@pytest.mark.parametrize("lang", ["ar"])
def test_an_arabic_reader_sees_what_is_translated_and_what_is_still_german(visitor):
    page, _ = visitor.page, visitor._
    visitor.start()
    page.get_by_role("link", name="Landkreis Harz").first.click()
    page.wait_for_url("**/harz/")
    assert_arabic(page)

    # The offer directory lists the Harz offers under their Arabic titles.
    page.get_by_role("button", name=_("Search")).first.click()
    page.wait_for_url("**/harz/offers/**")
    visitor.check("offer directory in Arabic")
    elterntreff = Offer.objects.get(region__slug="harz", title=ELTERNTREFF)
    arabic_title = visitor.shown(Offer, "harz", ELTERNTREFF)
    assert arabic_title != ELTERNTREFF
    page.get_by_role("link", name=arabic_title).first.click()
    page.wait_for_url(f"**{elterntreff.get_absolute_url()}")
    assert_arabic(page)
    visitor.check("offer partly translated")
    assert page.locator("h1").inner_text() == arabic_title
    # Summary and schedule are Arabic; the description is German, marked, with a note.
    assert page.get_by_text(translated(elterntreff, "summary", "ar").text).count()
    german_part(page, elterntreff.description.split("\n")[0][:40])
    assert page.get_by_text(_("Not yet translated: shown in German.")).first.is_visible()
    assert page.locator(".translation-notice").is_visible()

    # Another offer: its description was translated from an older German text. Harz shows
    # such translations with a note (a region may hide them instead).
    page.go_back()
    page.wait_for_url("**/harz/offers/**")
    course = Offer.objects.get(region__slug="harz", title=INTEGRATIONSKURS)
    page.get_by_role("link", name=visitor.shown(Offer, "harz", INTEGRATIONSKURS)).first.click()
    page.wait_for_url(f"**{course.get_absolute_url()}")
    visitor.check("offer with an outdated translation")
    assert course.region.outdated_translations == "note"
    assert page.get_by_text(
        _("The German text has changed since this translation was made.")
    ).first.is_visible()
    # The plain-German version is there on request.
    plain = page.locator("details.plain-language")
    assert not plain.locator("div[lang=de]").is_visible()
    plain.locator("summary").click()
    assert plain.locator("div[lang=de]").is_visible()
    visitor.check("plain German opened")

    # Heilbronn: its network meeting, title and summary in Arabic, the description German.
    page.locator("footer").get_by_role("link", name=_("All counties")).click()
    page.get_by_role("link", name="Landkreis Heilbronn").first.click()
    page.wait_for_url("**/heilbronn/")
    assert_arabic(page)
    page.get_by_role("link", name=_("Events")).first.click()
    page.wait_for_url("**/heilbronn/events/")
    visitor.check("Heilbronn events in Arabic")
    meeting = Event.objects.get(region__slug="heilbronn", title=NETZWERKTREFFEN)
    arabic_meeting = translated(meeting, "title", "ar", region=meeting.region).text
    assert arabic_meeting != NETZWERKTREFFEN
    page.get_by_role("link", name=arabic_meeting).first.click()
    page.wait_for_url(f"**{meeting.get_absolute_url()}")
    assert_arabic(page)
    visitor.check("event partly translated")
    assert page.locator("h1").inner_text() == arabic_meeting
    assert page.get_by_text(translated(meeting, "summary", "ar").text).count()
    german_part(page, meeting.description.split("\n")[0][:40])
    assert page.get_by_text(_("Not yet translated: shown in German.")).first.is_visible()
