"""Offers are found by their translated texts, in the visitor's language as well as German: each
translation stemmed with its language's configuration (Arabic, English, Russian, Turkish), or
indexed as written and matched by prefixes and trigrams where PostgreSQL has no stemmer
(Ukrainian, Farsi, Tigrinya). The index follows the translations as they are saved."""

from __future__ import annotations

import pytest

from offers.models import SearchEntry
from offers.selectors.search import SearchParams, search_offers
from portal.translations.services import translation_save
from tests.offers.factories import make_offer

COURSE = "Integrationskurs mit Kinderbetreuung"
TRANSLATIONS = {
    "ar": {
        "title": "دورة الاندماج مع رعاية الأطفال",
        "summary": "اللغة الألمانية من المستوى A1 إلى B1 ودورة التوجيه",
    },
    "uk": {
        "title": "Інтеграційний курс із доглядом за дітьми",
        "summary": "Німецька мова від A1 до B1 та орієнтаційний курс",
    },
    "en": {
        "title": "Integration course with childcare",
        "summary": "German from A1 to B1 and orientation course",
    },
}


@pytest.fixture
def translated(goslar, django_capture_on_commit_callbacks):
    goslar.translation_languages = ["ar", "uk", "en", "fa"]
    goslar.save(update_fields=["translation_languages"])
    course = make_offer(goslar, title=COURSE, summary="Deutsch von A1 bis B1", kind="course")
    make_offer(goslar, title="Fußball für alle", summary="Offenes Training", kind="other")
    # The search hears of saved translations after the commit, as in production.
    with django_capture_on_commit_callbacks(execute=True):
        for language, fields in TRANSLATIONS.items():
            for field, text in fields.items():
                translation_save(
                    region=goslar, obj=course, field=field, language=language, text=text
                )
    return course


def titles(region, q, language):
    result = search_offers(region, SearchParams(q=q), visitor_language=language)
    return [offer.title for offer in result.offers]


@pytest.mark.parametrize(
    "query, language",
    [
        ("الاندماج", "ar"),  # a word of the Arabic title
        ("دورات الاندماج", "ar"),  # plural "courses": the Arabic stemmer
        ("رعاية الأطفال", "ar"),
        ("Інтеграційний курс", "uk"),  # Ukrainian, indexed as written
        ("інтеграційного курсу", "uk"),  # inflected: the Russian stem as a prefix
        ("догляд за дітьми", "uk"),
        ("integration courses", "en"),  # English stemming
        ("childcare", "en"),
        ("orientation", "en"),
        ("Інтеграційний", "de"),  # a German page: the script decides how to read the word
        ("الاندماج", "de"),
    ],
)
def test_translated_texts_find_the_german_offer(translated, goslar, query, language):
    assert titles(goslar, query, language) == [COURSE]


def test_a_translated_title_counts_as_a_title_match(translated, goslar):
    make_offer(goslar, title="Elterncafé", summary="Integration course information evening")
    found = titles(goslar, "integration course", "en")
    assert found[0] == COURSE


def test_saving_a_translation_updates_the_index_at_once(
    translated, goslar, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        translation_save(
            region=goslar, obj=translated, field="title", language="fa", text="دوره ادغام"
        )
    assert titles(goslar, "ادغام", "fa") == [COURSE]
    with django_capture_on_commit_callbacks(execute=True):
        translation_save(region=goslar, obj=translated, field="title", language="fa", text="")
    assert titles(goslar, "ادغام", "fa") == []


def test_drafts_are_not_searchable(goslar, django_capture_on_commit_callbacks):
    goslar.translation_languages = ["en"]
    goslar.save(update_fields=["translation_languages"])
    offer = make_offer(goslar, title="Nähwerkstatt")
    with django_capture_on_commit_callbacks(execute=True):
        translation_save(
            region=goslar,
            obj=offer,
            field="title",
            language="en",
            text="Sewing workshop",
            is_draft=True,
        )
    assert titles(goslar, "sewing", "en") == []


def test_an_outdated_translation_is_searchable_only_where_the_region_shows_it(translated, goslar):
    from offers.services.directory import reindex_offers

    translated.title = "Integrationskurs am Vormittag"  # the German text changed
    translated.save(update_fields=["title"])
    reindex_offers([translated.pk])
    assert titles(goslar, "الاندماج", "ar") == ["Integrationskurs am Vormittag"]  # shown, noted
    goslar.outdated_translations = "hide"
    goslar.save(update_fields=["outdated_translations"])
    reindex_offers([translated.pk])
    assert titles(goslar, "الاندماج", "ar") == []


def test_each_language_is_stemmed_with_its_own_configuration(translated):
    vector = SearchEntry.objects.get(offer=translated).vector
    assert "'دور'" in vector  # Arabic stem of دورة
    assert "'childcar'" in vector  # English stem
    assert "'інтеграційний'" in vector  # Ukrainian as written
    assert "'integrationskur'" in vector  # German stem
