"""XLIFF with translation agencies: export what needs work, import with preview, all or nothing."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
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
    return staff_user(harz, Role.EDITOR)


@pytest.fixture
def offer(harz):
    return make_offer(harz, title="Deutschkurs", summary="Deutsch lernen.")


def url(name, region, language="ar"):
    return reverse(f"portal_staff:{name}", kwargs={"region": region.slug, "language": language})


def fill_targets(xliff: str, translations: dict[str, str]) -> str:
    """What the agency does: put a <target> after each <source>."""
    for source, target in translations.items():
        xliff = xliff.replace(
            f"<source>{source}</source>", f"<source>{source}</source><target>{target}</target>"
        )
    return xliff


def upload(client, region, content: str, **extra):
    file = SimpleUploadedFile("back.xlf", content.encode(), content_type="application/xml")
    return client.post(url("translations_import", region), {"file": file, **extra})


@pytest.mark.parametrize("version", ["1.2", "2.0"])
def test_an_xliff_round_trip_makes_the_texts_up_to_date(client_of, editor, harz, offer, version):
    client = client_of(editor)
    exported = client.get(url("translations_export", harz), {"version": version})
    assert exported["Content-Disposition"].endswith('.xlf"')
    xliff = exported.content.decode()
    assert f'version="{version}"' in xliff
    assert f"offers.offer.{offer.pk}.title" in xliff
    back = fill_targets(
        xliff, {"Deutschkurs": "دورة ألمانية", "Deutsch lernen.": "تعلم الألمانية."}
    )

    preview = upload(client, harz, back)
    assert preview.status_code == 200
    assert preview.context["counts"]["new"] == 2
    assert not Translation.objects.exists()  # the preview stores nothing

    applied = client.post(url("translations_import", harz), {"token": preview.context["token"]})
    assert applied.status_code == 302
    offer = Offer.objects.get(pk=offer.pk)
    title = translated(offer, "title", "ar")
    assert (title.text, title.status) == ("دورة ألمانية", Status.UP_TO_DATE)
    assert Translation.objects.get(field="title").origin == "imported"


def test_texts_whose_german_changed_since_the_export_are_imported_as_outdated(
    client_of, editor, harz, offer
):
    client = client_of(editor)
    xliff = client.get(url("translations_export", harz)).content.decode()
    Offer.objects.filter(pk=offer.pk).update(title="Deutschkurs am Abend")
    back = fill_targets(xliff, {"Deutschkurs": "دورة ألمانية"})
    preview = upload(client, harz, back)
    assert "seit dem Export geändert" in preview.content.decode()
    client.post(url("translations_import", harz), {"token": preview.context["token"]})
    offer = Offer.objects.get(pk=offer.pk)
    assert translated(offer, "title", "ar").status == Status.OUTDATED


def test_a_file_with_one_bad_unit_imports_nothing(client_of, editor, harz, goslar, offer):
    other = make_offer(goslar, title="Goslarer Kurs")
    client = client_of(editor)
    xliff = client.get(url("translations_export", harz)).content.decode()
    back = fill_targets(xliff, {"Deutschkurs": "دورة ألمانية"})
    # A unit naming another county's offer: refused, and with it the whole file.
    back = back.replace(f"offers.offer.{offer.pk}.summary", f"offers.offer.{other.pk}.title")
    back = fill_targets(back, {"Deutsch lernen.": "x"})
    response = upload(client, harz, back)
    assert response.status_code == 400
    assert "token" not in response.context
    assert "Kein Text dieses Landkreises" in response.content.decode()
    assert not Translation.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not xml at all", "kein gültiges XML"),
        ("<html><body>Hallo</body></html>", "keine XLIFF-Datei"),
        (
            '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file '
            'source-language="de" target-language="uk" datatype="plaintext" original="x">'
            "<body></body></file></xliff>",
            "Übersetzung in „uk“",
        ),
    ],
)
def test_a_broken_or_wrong_file_gets_a_clear_message_and_changes_nothing(
    client_of, editor, harz, offer, content, message
):
    response = upload(client_of(editor), harz, content)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Translation.objects.exists()


def test_an_entity_expansion_attack_is_not_expanded(client_of, editor, harz, offer):
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        '<xliff version="1.2"><file source-language="de" target-language="ar" original="x" '
        'datatype="plaintext"><body><trans-unit id="x"><source>&b;</source>'
        "<target>&b;</target></trans-unit></body></file></xliff>"
    )
    response = upload(client_of(editor), harz, bomb)
    assert response.status_code == 400
    assert not Translation.objects.exists()


def test_applying_twice_does_not_duplicate(client_of, editor, harz, offer):
    client = client_of(editor)
    xliff = client.get(url("translations_export", harz)).content.decode()
    preview = upload(client, harz, fill_targets(xliff, {"Deutschkurs": "دورة"}))
    token = preview.context["token"]
    client.post(url("translations_import", harz), {"token": token})
    again = client.post(url("translations_import", harz), {"token": token})
    assert again.status_code == 302  # expired token: told to upload again
    assert Translation.objects.count() == 1


def test_the_export_holds_only_what_needs_work_unless_everything_is_asked_for(
    client_of, editor, harz, offer
):
    translation_save(region=harz, obj=offer, field="title", language="ar", text="دورة")
    client = client_of(editor)
    needed = client.get(url("translations_export", harz)).content.decode()
    everything = client.get(url("translations_export", harz), {"scope": "all"}).content.decode()
    units = re.compile(rf'id="offers\.offer\.{offer.pk}\.')
    assert len(units.findall(needed)) == 1  # the summary; the title is translated
    assert len(units.findall(everything)) == 2


def test_an_outdated_translation_returned_unchanged_and_still_marked_for_review_stays_outdated(
    client_of, editor, harz, offer
):
    """We send an outdated translation along for review (state needs-*); an agency that
    leaves it as it was has not checked it, so the import must not call it up to date. The
    same text confirmed (state translated) is up to date."""
    from translate.storage import xliff as xliff1

    translation_save(region=harz, obj=offer, field="title", language="ar", text="دورة قديمة")
    Offer.objects.filter(pk=offer.pk).update(title="Deutschkurs am Abend")
    client = client_of(editor)
    exported = client.get(url("translations_export", harz)).content
    store = xliff1.xlifffile.parsestring(exported)
    unit = next(u for u in store.units if u.getid().endswith(f"{offer.pk}.title"))
    assert unit.isfuzzy() and unit.target == "دورة قديمة"

    preview = upload(client, harz, exported.decode())
    assert preview.context["counts"]["change"] == 0
    assert "token" not in preview.context  # nothing to import
    assert translated(Offer.objects.get(pk=offer.pk), "title", "ar").status == Status.OUTDATED

    unit.markfuzzy(False)  # the agency confirms the translation still fits
    preview = upload(client, harz, bytes(store).decode())
    assert preview.context["counts"]["change"] == 1
    client.post(url("translations_import", harz), {"token": preview.context["token"]})
    assert translated(Offer.objects.get(pk=offer.pk), "title", "ar").status == Status.UP_TO_DATE


def test_the_export_is_written_and_the_import_read_by_translate_toolkit(monkeypatch, harz):
    """The XLIFF code is translate-toolkit's: stubbing its classes breaks export and import."""
    from translate.storage import xliff2

    from portal.translations import xliff

    assert xliff._File12.__mro__[1].__module__ == "translate.storage.xliff"
    calls = []
    original = xliff2.Xliff2File.parsestring

    def spy(data):
        calls.append(len(data))
        return original(data)

    monkeypatch.setattr(xliff2.Xliff2File, "parsestring", staticmethod(spy))
    data = xliff.export_xliff(region=harz, language="ar", units=[], version="2.0")
    xliff.read_xliff(region=harz, language="ar", data=data)
    assert calls == [len(data)]
