"""The translation back-office: what needs work, the editor, the region's choices."""

from __future__ import annotations

import pytest
from django.urls import reverse

from offers.models import Offer
from portal.models import Role, Translation
from portal.translations import Status, translated
from portal.translations.services import translation_save
from tests.factories import staff_user
from tests.offers.factories import make_offer

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(harz):
    return staff_user(harz, Role.EDITOR, email="editor@harz.example.org")


@pytest.fixture
def course(harz):
    offer = make_offer(harz, title="Deutschkurs", summary="Deutsch lernen am Vormittag.")
    translation_save(region=harz, obj=offer, field="title", language="ar", text="دورة ألمانية")
    translation_save(
        region=harz, obj=offer, field="summary", language="ar", text="تعلم الألمانية صباحاً."
    )
    Offer.objects.filter(pk=offer.pk).update(summary="Deutsch lernen am Nachmittag.")
    return Offer.objects.get(pk=offer.pk)


def url(name, region, **kwargs):
    return reverse(f"portal_staff:{name}", kwargs={"region": region.slug, **kwargs})


def edit_url(region, offer, language="ar"):
    return url("translations_edit", region, language=language, kind="offer", pk=offer.pk)


def test_the_overview_counts_missing_and_outdated_texts_per_language(
    client_of, editor, harz, course
):
    html = client_of(editor).get(url("translations", harz)).content.decode()
    assert "Arabisch" in html and "Ukrainisch" in html
    summary = client_of(editor).get(url("translations", harz)).context["summaries"]
    arabic = next(s for s, _name in summary if s.language == "ar")
    assert arabic.counts[Status.OUTDATED] == 1
    assert arabic.counts[Status.UP_TO_DATE] >= 1


def test_the_work_list_shows_what_is_outdated(client_of, editor, harz, course):
    response = client_of(editor).get(
        url("translations_work", harz, language="ar"), {"status": "outdated"}
    )
    works = response.context["documents"]
    assert [w.document for w in works] == [course]
    assert "Deutschkurs" in response.content.decode()


def test_the_editor_shows_the_changed_german_as_a_diff(client_of, editor, harz, course):
    html = client_of(editor).get(edit_url(harz, course)).content.decode()
    assert "<del>" in html and "Vormittag." in html
    assert "<ins>" in html and "Nachmittag." in html


def test_a_translation_saved_in_the_editor_is_up_to_date_and_public(
    client_of, editor, harz, course
):
    client = client_of(editor)
    form = client.get(edit_url(harz, course)).context["form"]
    data = {name: field.initial for name, field in form.fields.items() if field.initial is not None}
    data[f"text-offers.offer.{course.pk}.summary"] = "تعلم الألمانية بعد الظهر."
    data["publish"] = ""
    response = client.post(edit_url(harz, course), data)
    assert response.status_code == 302
    course = Offer.objects.get(pk=course.pk)
    text = translated(course, "summary", "ar")
    assert (text.text, text.status) == ("تعلم الألمانية بعد الظهر.", Status.UP_TO_DATE)


def test_an_outdated_translation_can_be_confirmed_as_still_fitting(client_of, editor, harz, course):
    client = client_of(editor)
    form = client.get(edit_url(harz, course)).context["form"]
    data = {name: field.initial for name, field in form.fields.items() if field.initial is not None}
    data[f"confirm-offers.offer.{course.pk}.summary"] = "on"
    client.post(edit_url(harz, course), data)
    course = Offer.objects.get(pk=course.pk)
    assert translated(course, "summary", "ar").status == Status.UP_TO_DATE


def test_a_draft_is_saved_but_not_public(client_of, editor, harz):
    offer = make_offer(harz, title="Sprachcafé")
    client = client_of(editor)
    data = {f"text-offers.offer.{offer.pk}.title": "مقهى اللغة", "draft": ""}
    client.post(edit_url(harz, offer), data)
    assert translated(offer, "title", "ar").status == Status.DRAFT
    assert Translation.objects.get().is_draft


def test_a_german_text_changed_while_translating_is_not_overwritten(client_of, editor, harz):
    offer = make_offer(harz, title="Sprachcafé")
    client = client_of(editor)
    form = client.get(edit_url(harz, offer)).context["form"]
    shown_version = form.fields[f"version-offers.offer.{offer.pk}.title"].initial
    Offer.objects.filter(pk=offer.pk).update(title="Sprachcafé am Markt")
    response = client.post(
        edit_url(harz, offer),
        {
            f"text-offers.offer.{offer.pk}.title": "مقهى اللغة",
            f"version-offers.offer.{offer.pk}.title": shown_version,
        },
    )
    assert response.status_code == 400
    assert "Der deutsche Text wurde geändert" in response.content.decode()
    assert not Translation.objects.exists()


def test_a_language_the_region_does_not_publish_is_not_found(client_of, editor, harz):
    offer = make_offer(harz, title="Sprachcafé")
    assert client_of(editor).get(edit_url(harz, offer, language="fr")).status_code == 404


def test_another_regions_offer_is_not_found(client_of, editor, harz, goslar):
    offer = make_offer(goslar, title="Goslarer Kurs")
    assert client_of(editor).get(edit_url(harz, offer)).status_code == 404


def test_a_plain_language_version_is_written_in_the_same_editor(client_of, editor, harz):
    offer = make_offer(harz, title="Sprachcafé", description="Ein Angebot für alle Menschen.")
    client = client_of(editor)
    response = client.get(edit_url(harz, offer, language="de-x-simple"))
    assert [u.field for u in response.context["work"].units] == ["description"]
    client.post(
        edit_url(harz, offer, language="de-x-simple"),
        {f"text-offers.offer.{offer.pk}.description": "Das Angebot ist für alle."},
    )
    assert translated(offer, "description", "de-x-simple").text == "Das Angebot ist für alle."


def test_coordinators_choose_the_languages_and_the_rule_for_outdated_texts(client_of, harz):
    coordinator = staff_user(harz, Role.COORDINATOR)
    response = client_of(coordinator).post(
        url("translations_settings", harz),
        {"translation_languages": ["uk", "ar"], "outdated_translations": "hide"},
    )
    assert response.status_code == 302
    harz.refresh_from_db()
    assert harz.translation_languages == ["ar", "uk"]
    assert harz.outdated_translations == "hide"


def test_an_unknown_language_in_the_settings_is_refused(client_of, harz):
    coordinator = staff_user(harz, Role.COORDINATOR)
    response = client_of(coordinator).post(
        url("translations_settings", harz),
        {"translation_languages": ["xx"], "outdated_translations": "note"},
    )
    assert response.status_code == 400
    harz.refresh_from_db()
    assert harz.translation_languages == ["ar", "uk", "en"]


def test_editors_may_translate_but_not_change_the_regions_languages(client_of, editor, harz):
    response = client_of(editor).post(
        url("translations_settings", harz),
        {"translation_languages": [], "outdated_translations": "note"},
    )
    assert response.status_code == 403
