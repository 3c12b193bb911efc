"""What the public reads of a text in a language: the status rule and the public choice."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db.models import Value

from offers.models import Offer
from portal import translations
from portal.models import Translation
from portal.translations import Status
from portal.translations.services import translation_save
from tests.offers.factories import make_offer

pytestmark = pytest.mark.django_db


@pytest.fixture
def offer(harz):
    return make_offer(
        harz,
        title="Deutschkurs für Frauen",
        summary="Deutsch lernen mit Kinderbetreuung.",
        description="Der Kurs findet **montags** statt.",
        cost_note="",
    )


def test_a_german_reader_reads_the_german_source(offer):
    text = translations.translated(offer, "title", "de")
    assert (text.text, text.language, text.status) == ("Deutschkurs für Frauen", "de", "source")
    assert not text.is_fallback and text.note == ""


def test_without_a_translation_the_german_text_is_shown_and_marked_as_not_yet_translated(offer):
    text = translations.translated(offer, "title", "ar")
    assert text.text == "Deutschkurs für Frauen"
    assert text.language == "de" and text.requested == "ar"
    assert text.status == Status.MISSING
    assert text.is_fallback
    assert text.note  # "Not yet translated", in the reader's language


def test_an_up_to_date_translation_is_shown_in_the_readers_language(harz, offer):
    translation_save(
        region=harz, obj=offer, field="title", language="ar", text="دورة ألمانية للنساء"
    )
    text = translations.translated(offer, "title", "ar")
    assert (text.text, text.language, text.status) == ("دورة ألمانية للنساء", "ar", "up_to_date")
    assert not text.is_fallback and text.note == ""


def test_a_translation_becomes_outdated_when_the_german_text_changes_not_when_it_is_saved(
    harz, offer
):
    translation_save(region=harz, obj=offer, field="title", language="uk", text="Курс німецької")
    offer.title = "Deutschkurs für Frauen"  # saved again, unchanged: still up to date
    offer.save()
    offer = Offer.objects.get(pk=offer.pk)
    assert translations.translated(offer, "title", "uk").status == Status.UP_TO_DATE

    offer.title = "Deutschkurs für Frauen und Mädchen"
    offer.save()
    offer = Offer.objects.get(pk=offer.pk)
    text = translations.translated(offer, "title", "uk")
    assert text.status == Status.OUTDATED
    assert text.text == "Курс німецької" and text.note  # shown with a note (the default)


def test_a_region_can_hide_outdated_translations(harz, offer):
    translation_save(region=harz, obj=offer, field="title", language="uk", text="Курс німецької")
    Offer.objects.filter(pk=offer.pk).update(title="Neuer Titel")
    harz.outdated_translations = "hide"
    harz.save(update_fields=["outdated_translations"])
    offer = Offer.objects.get(pk=offer.pk)
    text = translations.translated(offer, "title", "uk")
    assert (text.text, text.language, text.status) == ("Neuer Titel", "de", "outdated")
    assert text.is_fallback


def test_line_ends_and_outer_white_space_do_not_make_a_translation_outdated(harz, offer):
    translation_save(
        region=harz, obj=offer, field="description", language="en", text="The course is on Monday."
    )
    Offer.objects.filter(pk=offer.pk).update(description="  Der Kurs findet **montags** statt.\r\n")
    offer = Offer.objects.get(pk=offer.pk)
    assert translations.translated(offer, "description", "en").status == Status.UP_TO_DATE


def test_drafts_are_not_shown_to_the_public(harz, offer):
    translation_save(
        region=harz, obj=offer, field="title", language="ar", text="مسودة", is_draft=True
    )
    text = translations.translated(offer, "title", "ar")
    assert text.status == Status.DRAFT and text.text == "Deutschkurs für Frauen"


def test_machine_translations_are_shown_with_a_note(harz, offer):
    translation_save(
        region=harz,
        obj=offer,
        field="summary",
        language="en",
        text="Learn German with childcare.",
        origin=Translation.Origin.MACHINE,
    )
    text = translations.translated(offer, "summary", "en")
    assert text.status == Status.MACHINE and text.language == "en" and text.note


def test_an_empty_german_text_needs_no_translation_and_shows_nothing(offer):
    text = translations.translated(offer, "cost_note", "ar")
    assert text.status == Status.NOT_NEEDED and text.text == "" and not text.is_fallback


def test_a_phone_number_to_register_is_not_a_text_to_translate(harz):
    offer = make_offer(harz, registration="phone", registration_detail="03941 123")
    text = translations.translated(offer, "registration_detail", "ar")
    assert text.status == Status.NOT_NEEDED and not text.is_fallback


def test_a_language_the_region_does_not_publish_falls_back_to_german(goslar):
    offer = make_offer(goslar, title="Sprachcafé")
    goslar.translation_languages = ["ar", "uk"]
    translation_save(region=goslar, obj=offer, field="title", language="uk", text="Мовне кафе")
    goslar.translation_languages = ["ar"]
    goslar.save(update_fields=["translation_languages"])
    offer = Offer.objects.get(pk=offer.pk)
    assert translations.translated(offer, "title", "uk").is_fallback


def test_staff_cannot_translate_into_a_language_the_region_does_not_publish(goslar):
    offer = make_offer(goslar, title="Sprachcafé")
    with pytest.raises(ValidationError):
        translation_save(region=goslar, obj=offer, field="title", language="uk", text="Кафе")
    with pytest.raises(ValidationError):
        translation_save(region=goslar, obj=offer, field="lessons_learned", language="ar", text="x")
    assert not Translation.objects.exists()


def test_saving_an_empty_translation_removes_it(harz, offer):
    translation_save(region=harz, obj=offer, field="title", language="ar", text="دورة")
    translation_save(region=harz, obj=offer, field="title", language="ar", text="  ")
    assert not Translation.objects.exists()


def test_deleting_an_object_deletes_its_translations(harz, offer):
    translation_save(region=harz, obj=offer, field="title", language="ar", text="دورة")
    offer.delete()
    assert not Translation.objects.exists()


def test_texts_of_many_objects_load_with_one_query(harz, django_assert_num_queries):
    offers = [make_offer(harz, title=f"Kurs {i}") for i in range(5)]
    for offer in offers[:3]:
        translation_save(region=harz, obj=offer, field="title", language="ar", text="دورة")
    offers = list(Offer.objects.in_region(harz))
    with django_assert_num_queries(1):
        translations.prefetch_texts(offers, "ar", region=harz)
        titles = [translations.translated(o, "title", "ar").text for o in offers]
    assert titles.count("دورة") == 3


def test_without_the_region_given_the_bulk_read_costs_one_more_query(
    harz, django_assert_num_queries
):
    offers = [make_offer(harz, title=f"Kurs {i}") for i in range(3)]
    translation_save(region=harz, obj=offers[0], field="title", language="ar", text="دورة")
    offers = list(Offer.objects.in_region(harz))
    with django_assert_num_queries(2):
        translations.prefetch_texts(offers, "ar")
        assert translations.translated(offers[0], "title", "ar").text == "دورة"


def test_public_texts_give_the_search_every_shown_translation_of_many_offers(
    harz, goslar, django_assert_num_queries
):
    course = make_offer(harz, title="Deutschkurs", summary="Deutsch lernen")
    cafe = make_offer(goslar, title="Sprachcafé")
    translation_save(region=harz, obj=course, field="title", language="ar", text="دورة ألمانية")
    translation_save(region=harz, obj=course, field="title", language="uk", text="Курс німецької")
    translation_save(
        region=harz, obj=course, field="summary", language="uk", text="чернетка", is_draft=True
    )
    translation_save(region=goslar, obj=cafe, field="title", language="ar", text="مقهى اللغة")
    with django_assert_num_queries(2):
        texts = translations.public_texts([course, cafe])
    assert texts == {
        course.pk: {"ar": {"title": "دورة ألمانية"}, "uk": {"title": "Курс німецької"}},
        cafe.pk: {"ar": {"title": "مقهى اللغة"}},
    }
    assert translations.public_texts([course, cafe], languages=["uk"]) == {
        course.pk: {"uk": {"title": "Курс німецької"}}
    }


@pytest.mark.parametrize(
    "text",
    ["", "Deutschkurs", "  Deutsch\r\nlernen  \n", "دورة ألمانية – ünïcödé", "\t\n", "a\r\n\r\nb"],
)
def test_the_source_version_is_the_same_in_python_and_in_postgresql(harz, text):
    offer = make_offer(harz, title="x")
    sql = (
        Offer.objects.filter(pk=offer.pk)
        .annotate(version=translations.SourceVersion(Value(text)))
        .values_list("version", flat=True)
    )
    assert sql.get() == translations.source_version(text)
