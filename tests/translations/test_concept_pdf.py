"""The integration concept in the region's languages: public pages and a PDF per language.

Translated parts appear in the reader's language (Arabic right to left); the rest stays
German, tagged lang="de" and said to be German. Each language has its own public download."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from django.urls import reverse
from pypdf import PdfReader

from networks import selectors, services
from networks.models import ConceptExport, IntegrationConcept
from networks.pdf import render_concept_html
from portal.lib.pdf import html_to_pdf
from portal.translations.services import translation_save
from tests.networks.factories import ChapterFactory, ConceptFactory, GuidelineFactory

pytestmark = pytest.mark.django_db

GUIDELINE_AR = "التنوع يثري مجتمعنا"
CHAPTER_NAME_AR = "العمل"


@pytest.fixture
def concept(goslar):
    """Goslar translates into Arabic (tests/translations/conftest.py)."""
    concept = ConceptFactory(
        region=goslar,
        title="Integrationskonzept",
        version=2019,
        status=IntegrationConcept.Status.ADOPTED,
        adopted_on=date(2019, 7, 8),
        foreword="Die Leitlinien wurden vom Kreistag beschlossen.",
    )
    guideline = GuidelineFactory(concept=concept, title="Vielfalt bereichert", text="")
    arbeit = goslar.fields_of_action.get(slug="arbeit")
    ChapterFactory(
        concept=concept, field_of_action=arbeit, order=1, situation="Viele suchen Arbeit."
    )
    translation_save(region=goslar, obj=guideline, field="title", language="ar", text=GUIDELINE_AR)
    translation_save(region=goslar, obj=arbeit, field="name", language="ar", text=CHAPTER_NAME_AR)
    return concept


def test_the_arabic_pdf_has_the_translated_parts_in_arabic_and_the_rest_marked_german(concept):
    html = render_concept_html(concept, "ar")
    assert '<html lang="ar" dir="rtl">' in html
    assert GUIDELINE_AR in html and CHAPTER_NAME_AR in html
    # Headings of the document itself in Arabic ("Guidelines", "Contents").
    assert "المبادئ التوجيهية" in html
    # Not translated: German, tagged as German, left to right, with a note.
    assert '<span lang="de" dir="ltr">Integrationskonzept</span>' in html
    assert re.search(r'<div lang="de" dir="ltr"><p>Viele suchen Arbeit\.</p>', html)
    assert re.search(r'<div lang="de" dir="ltr"><p>Die Leitlinien wurden', html)
    assert "translation-note" in html
    # The PDF declares Arabic as its language and keeps the Arabic text extractable.
    pdf = html_to_pdf(html, variant="pdf/ua-1")
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.trailer["/Root"]["/Lang"] == "ar"
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Viele suchen Arbeit." in text


def test_the_german_pdf_stays_german_and_unmarked(concept):
    html = render_concept_html(concept)
    assert '<html lang="de" dir="ltr">' in html
    assert GUIDELINE_AR not in html
    assert 'lang="de" dir="ltr"><p>' not in html


def test_a_new_translation_makes_a_new_arabic_pdf_but_keeps_the_german_one(concept, goslar):
    german = selectors.concept_fingerprint(concept)
    arabic = selectors.concept_fingerprint(concept, "ar")
    assert german != arabic
    chapter = concept.chapters.get()
    translation_save(
        region=goslar, obj=chapter, field="situation", language="ar", text="كثيرون يبحثون."
    )
    assert selectors.concept_fingerprint(concept) == german
    assert selectors.concept_fingerprint(concept, "ar") != arabic


def test_each_language_has_its_own_public_download(
    client, concept, jobs, django_capture_on_commit_callbacks
):
    url = reverse("networks:concept_pdf_language", args=["goslar", 2019, "ar"])
    page = client.get(concept.get_absolute_url()).content.decode()
    assert f'href="{url}"' in page and 'hreflang="ar" lang="ar"' in page
    with django_capture_on_commit_callbacks(execute=True):
        pending = client.get(url)
    assert pending.status_code == 503
    assert f'href="{url}"' in pending.content.decode()  # "try again" stays in Arabic
    assert jobs.run() == 1
    export = ConceptExport.objects.get()
    assert (export.language, export.status) == ("ar", "done")
    assert export.file.name.endswith("-ar.pdf")
    served = client.get(url)
    assert served.status_code == 200 and served["Content-Type"] == "application/pdf"
    body = b"".join(served.streaming_content) if served.streaming else served.content
    assert PdfReader(io.BytesIO(body)).trailer["/Root"]["/Lang"] == "ar"
    # The German file is another export; a language the region does not publish is no page.
    german = services.concept_request_export(concept=concept, variant="pdf/ua-1")
    assert german.pk != export.pk and german.language == "de"
    missing = reverse("networks:concept_pdf_language", args=["goslar", 2019, "uk"])
    assert client.get(missing).status_code == 404


def test_staff_choose_the_language_of_an_export(
    client_of, coordinator_goslar, concept, django_capture_on_commit_callbacks
):
    client = client_of(coordinator_goslar)
    page = client.get(reverse("networks_staff:concept_detail", args=["goslar", concept.pk]))
    assert 'name="language"' in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("networks_staff:export_request", args=["goslar", concept.pk]),
            {"variant": "pdf/ua-1", "language": "ar"},
        )
    assert ConceptExport.objects.get().language == "ar"
    refused = client.post(
        reverse("networks_staff:export_request", args=["goslar", concept.pk]),
        {"variant": "pdf/ua-1", "language": "uk"},
    )
    assert refused.status_code == 302 and ConceptExport.objects.count() == 1


def test_the_public_concept_pages_show_the_translations(client, concept):
    client.cookies["django_language"] = "ar"
    html = client.get(concept.get_absolute_url()).content.decode()
    assert GUIDELINE_AR in html and CHAPTER_NAME_AR in html
    assert '<div lang="de" dir="ltr"><p>Die Leitlinien wurden' in html
    chapter = client.get(
        reverse("networks:concept_chapter", args=["goslar", 2019, "arbeit"])
    ).content.decode()
    assert CHAPTER_NAME_AR in chapter
    assert '<div lang="de" dir="ltr"><p>Viele suchen Arbeit.</p>' in chapter


def test_farsi_runs_right_to_left_too(concept):
    assert '<html lang="fa" dir="rtl">' in render_concept_html(concept, "fa")


def test_the_german_pdfs_language_address_leads_to_that_languages_file(client, concept):
    german = reverse("networks:concept_pdf", args=["goslar", 2019])
    response = client.get(german + "?language=ar")
    assert response.status_code == 302
    assert response.url == reverse("networks:concept_pdf_language", args=["goslar", 2019, "ar"])
    # A language the county does not publish: the German file (here: being prepared).
    assert client.get(german + "?language=uk").status_code == 503
