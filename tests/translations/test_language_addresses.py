"""Each public page has an address per language (?language=) and declares them (hreflang)."""

from __future__ import annotations

import re

import pytest
from django.conf import settings

from tests.offers.factories import make_offer

pytestmark = pytest.mark.django_db

ALTERNATE = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">')


def alternates(html: str) -> dict[str, str]:
    return {lang: href.replace("&amp;", "&") for lang, href in ALTERNATE.findall(html)}


def test_the_address_names_the_language_whatever_the_cookie_says(client, harz):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "uk"
    response = client.get("/harz/?language=ar")
    assert '<html lang="ar" dir="rtl">' in response.content.decode()
    assert response["Content-Language"] == "ar"


def test_following_a_language_address_keeps_the_next_pages_in_that_language(client, harz):
    response = client.get("/harz/?language=ar")
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ar"
    assert '<html lang="ar"' in client.get("/harz/imprint/").content.decode()


def test_an_unknown_language_in_the_address_is_ignored(client, harz):
    response = client.get("/harz/?language=xx")
    assert response.status_code == 200
    assert '<html lang="de"' in response.content.decode()
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_the_offer_search_filter_lang_is_not_the_page_language(client, harz):
    html = client.get("/harz/offers/?lang=ar").content.decode()
    assert '<html lang="de"' in html


def test_a_region_page_declares_german_and_the_regions_languages(client, harz):
    offer = make_offer(harz, title="Sprachcafé")
    found = alternates(client.get(offer.get_absolute_url()).content.decode())
    base = settings.SITE_URL + offer.get_absolute_url()
    assert found == {
        "de": f"{base}?language=de",
        "ar": f"{base}?language=ar",
        "uk": f"{base}?language=uk",
        "en": f"{base}?language=en",
        "x-default": base,
    }


def test_alternates_keep_the_pages_other_parameters(client, harz):
    found = alternates(client.get("/harz/offers/?q=Deutsch&language=uk").content.decode())
    assert found["ar"] == f"{settings.SITE_URL}/harz/offers/?q=Deutsch&language=ar"
    assert found["x-default"] == f"{settings.SITE_URL}/harz/offers/?q=Deutsch"


def test_a_region_without_translations_declares_german_only(client, goslar):
    goslar.translation_languages = []
    goslar.save(update_fields=["translation_languages"])
    found = alternates(client.get("/goslar/").content.decode())
    assert set(found) == {"de", "x-default"}


def test_pages_outside_a_region_declare_every_ui_language(client, harz):
    found = alternates(client.get("/").content.decode())
    assert set(found) == {code for code, _name in settings.LANGUAGES} | {"x-default"}


def test_back_office_and_error_pages_declare_no_alternates(client, harz, client_of, editor_harz):
    assert "hreflang" not in client.get("/harz/offers/999999/").content.decode()
    html = client_of(editor_harz).get("/staff/harz/").content.decode()
    assert "hreflang" not in html


def test_the_language_switch_does_not_return_to_an_address_that_overrides_it(client, harz):
    html = client.get("/harz/offers/?q=Kurs&language=uk").content.decode()
    # Each link names its language, replacing the address's own.
    assert 'href="/harz/offers/?q=Kurs&amp;language=de" lang="de"' in html
    assert "language=uk&amp;language" not in html
