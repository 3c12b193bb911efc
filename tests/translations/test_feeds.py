"""Atom feeds in the reader's language: translated titles, German ones tagged xml:lang="de"."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from portal.translations.services import translation_save
from tests.conferences.factories import EventFactory
from tests.offers.factories import make_offer

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def entries(xml: bytes) -> tuple[str | None, dict[str, ET.Element]]:
    root = ET.fromstring(xml)
    by_title = {
        "".join(entry.find(f"{ATOM}title").itertext()): entry for entry in root.iter(f"{ATOM}entry")
    }
    return root.get(XML_LANG), by_title


def test_the_event_feed_is_in_arabic_and_marks_german_titles(client, harz):
    translated = EventFactory(region=harz, title="Netzwerktreffen", summary="Für alle.")
    EventFactory(region=harz, title="Fachtag Wohnen", summary="Wohnen im Landkreis.")
    translation_save(region=harz, obj=translated, field="title", language="ar", text="لقاء الشبكة")
    language, found = entries(client.get("/harz/events/feed/?language=ar").content)
    assert language == "ar"
    arabic = found["لقاء الشبكة"]
    assert arabic.find(f"{ATOM}title").get(XML_LANG) is None
    assert arabic.find(f"{ATOM}summary").get(XML_LANG) == "de"  # "Für alle." is German
    german = found["Fachtag Wohnen"]
    assert german.find(f"{ATOM}title").get(XML_LANG) == "de"


def test_the_offer_feed_is_in_the_readers_language(client, harz):
    offer = make_offer(harz, title="Sprachcafé", summary="Deutsch üben.")
    translation_save(region=harz, obj=offer, field="title", language="uk", text="Мовне кафе")
    translation_save(
        region=harz, obj=offer, field="summary", language="uk", text="Практика німецької."
    )
    language, found = entries(client.get("/harz/offers/feed/?language=uk").content)
    assert language == "uk"
    entry = found["Мовне кафе"]
    assert entry.find(f"{ATOM}title").get(XML_LANG) is None
    assert "Практика німецької." in entry.find(f"{ATOM}summary").text


def test_the_german_feed_is_german_and_unmarked(client, harz):
    EventFactory(region=harz, title="Netzwerktreffen")
    language, found = entries(client.get("/harz/events/feed/").content)
    assert language == "de"
    assert found["Netzwerktreffen"].find(f"{ATOM}title").get(XML_LANG) is None
