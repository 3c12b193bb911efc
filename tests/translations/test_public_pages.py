"""Public pages in the reader's language: translations shown, German marked, notes honest."""

from __future__ import annotations

import json
import re

import pytest
from django.conf import settings

from offers.models import Offer
from portal.models import Translation
from portal.translations.services import translation_save
from tests.conferences.factories import EventDateFactory, EventFactory
from tests.offers.factories import make_offer

pytestmark = pytest.mark.django_db


@pytest.fixture
def offer(harz):
    offer = make_offer(
        harz,
        title="Deutschkurs für Frauen",
        summary="Deutsch lernen mit Kinderbetreuung.",
        description="Der Kurs findet **montags** statt.",
        schedule="montags 9–12 Uhr",
    )
    translation_save(
        region=harz, obj=offer, field="title", language="ar", text="دورة ألمانية للنساء"
    )
    translation_save(
        region=harz,
        obj=offer,
        field="description",
        language="ar",
        text="تُعقد الدورة **أيام الاثنين**.",
    )
    return offer


def arabic(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
    return client


def test_an_arabic_reader_reads_the_translated_texts_and_sees_which_are_german(client, offer):
    html = arabic(client).get(offer.get_absolute_url()).content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert '<h1 id="offer-title" dir="auto">دورة ألمانية للنساء</h1>' in html
    assert "<strong>أيام الاثنين</strong>" in html
    # Not translated: German, marked as German and left-to-right, with a note in Arabic.
    assert '<span lang="de" dir="ltr">Deutsch lernen mit Kinderbetreuung.</span>' in html
    assert '<span lang="de" dir="ltr">montags 9–12 Uhr</span>' in html
    assert "لم يُترجم بعد" in html
    assert "translation-notice" in html  # the page says some texts are still German


def test_a_german_reader_sees_no_marking_and_no_note(client, offer):
    html = client.get(offer.get_absolute_url()).content.decode()
    assert '<h1 id="offer-title" dir="auto">Deutschkurs für Frauen</h1>' in html
    assert 'lang="de" dir="ltr">Deutsch lernen' not in html
    assert "translation-note" not in html and "translation-notice" not in html


def test_an_outdated_translation_is_shown_with_a_note_or_hidden_as_the_region_decides(
    client, harz, offer
):
    Offer.objects.filter(pk=offer.pk).update(title="Deutschkurs für Frauen und Mädchen")
    html = arabic(client).get(offer.get_absolute_url()).content.decode()
    assert '<h1 id="offer-title" dir="auto">دورة ألمانية للنساء</h1>' in html
    assert "قد تكون بعض الترجمات قديمة" in html  # "some translations may be out of date"

    harz.outdated_translations = "hide"
    harz.save(update_fields=["outdated_translations"])
    html = arabic(client).get(offer.get_absolute_url()).content.decode()
    german = '<span lang="de" dir="ltr">Deutschkurs für Frauen und Mädchen</span>'
    assert f'<h1 id="offer-title" dir="auto">{german}</h1>' in html


def test_the_offer_search_lists_translated_titles(client, offer):
    html = arabic(client).get(f"/{offer.region.slug}/offers/").content.decode()
    assert "دورة ألمانية للنساء" in html


def test_json_ld_is_in_the_readers_language_and_tags_german_texts(client, offer):
    html = arabic(client).get(offer.get_absolute_url()).content.decode()
    data = json.loads(re.search(r'application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["inLanguage"] == "ar"
    assert data["name"] == "دورة ألمانية للنساء"
    assert data["description"] == {
        "@value": "Deutsch lernen mit Kinderbetreuung.",
        "@language": "de",
    }
    assert data["url"].endswith(f"{offer.get_absolute_url()}?language=ar")


def test_open_data_carries_the_language_and_the_published_translations(client, harz, offer):
    translation_save(
        region=harz, obj=offer, field="summary", language="uk", text="чернетка", is_draft=True
    )
    data = client.get(f"/{harz.slug}/offers/data/offers.json").json()
    record = next(r for r in data["offers"] if r["id"] == offer.pk)
    assert record["language"] == "de"
    assert record["translations"] == {
        "ar": {"title": "دورة ألمانية للنساء", "description": "تُعقد الدورة **أيام الاثنين**."}
    }
    csv = client.get(f"/{harz.slug}/offers/data/offers.csv").content.decode("utf-8-sig")
    assert "دورة ألمانية للنساء" in csv


def test_the_plain_language_version_is_offered_on_request(client, harz, offer):
    translation_save(
        region=harz,
        obj=offer,
        field="description",
        language="de-x-simple",
        text="Sie lernen Deutsch. Der Kurs ist am Montag.",
    )
    html = client.get(offer.get_absolute_url()).content.decode()
    assert '<details class="plain-language' in html
    assert "Sie lernen Deutsch. Der Kurs ist am Montag." in html
    assert not Translation.objects.filter(language="de-x-simple", is_draft=True).exists()


def test_an_event_page_shows_its_translated_title_programme_and_ics(client, goslar):
    event = EventFactory(
        region=goslar, title="Integrationskonferenz", summary="Alle sind willkommen."
    )
    EventDateFactory(event=event)
    translation_save(region=goslar, obj=event, field="title", language="ar", text="مؤتمر الاندماج")
    html = arabic(client).get(event.get_absolute_url()).content.decode()
    assert '<h1 dir="auto">مؤتمر الاندماج</h1>' in html
    assert '<span lang="de" dir="ltr">Alle sind willkommen.</span>' in html
    ics = arabic(client).get(event.get_absolute_url() + "event.ics").content.decode()
    assert "SUMMARY;LANGUAGE=ar:مؤتمر الاندماج" in ics.replace("\r\n ", "")


def test_the_portal_home_names_each_county_office_in_the_readers_language(client, harz, goslar):
    translation_save(region=harz, obj=harz, field="office_name", language="ar", text="مكتب التنسيق")
    goslar.office_name = "Koordinierungsstelle Goslar"
    goslar.save(update_fields=["office_name"])
    html = arabic(client).get("/").content.decode()
    assert "مكتب التنسيق" in html
    # Goslar has no Arabic office name: German, marked as such.
    assert '<span lang="de" dir="ltr">Koordinierungsstelle Goslar</span>' in html
