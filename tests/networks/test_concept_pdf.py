"""The concept as a PDF: structure, tagging, text extraction; the export job and its cache."""

import io
import re
import subprocess
from datetime import date

import pytest
from django.urls import reverse
from pypdf import PdfReader

from networks import services
from networks.models import ConceptExport, IntegrationConcept
from networks.pdf import render_concept_html
from portal.lib.pdf import html_to_pdf
from tests.networks.factories import (
    ChapterFactory,
    ConceptFactory,
    GuidelineFactory,
    MeasureFactory,
    OrganisationFactory,
    PersonFactory,
    WorkingGroupFactory,
)

# Lam-alef ligatures (لا) come back from extraction in a different order, so the test words
# avoid them; everything else must survive the round trip exactly.
ARABIC = "دورة اللغة العربية للنساء"
ARABIC_SHORT = "دورة اللغة"
BIDI_MARKS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u200e\u200f"))


@pytest.fixture
def concept(goslar):
    concept = ConceptFactory(
        region=goslar,
        title="Integrationskonzept",
        version=2019,
        status=IntegrationConcept.Status.ADOPTED,
        adopted_on=date(2019, 7, 8),
        foreword="Die Leitlinien wurden vom Kreistag beschlossen.",
    )
    GuidelineFactory(concept=concept, title="Vielfalt gestalten – Teilhabe ermöglichen")
    GuidelineFactory(concept=concept, title=f"Sprache öffnet Türen – {ARABIC}")
    arbeit, sprache = (
        goslar.fields_of_action.get(slug="arbeit"),
        goslar.fields_of_action.get(slug="sprache"),
    )
    ChapterFactory(concept=concept, field_of_action=arbeit, order=1)
    ChapterFactory(concept=concept, field_of_action=sprache, order=2)
    MeasureFactory(concept=concept, field_of_action=arbeit, title="Übergänge in Ausbildung fördern")
    MeasureFactory(concept=concept, field_of_action=sprache, title=f"Sprachkurs – {ARABIC_SHORT}")
    org = OrganisationFactory(region=goslar, name="Kreisvolkshochschule Goslar")
    lead = PersonFactory(region=goslar, organisation=org, name="Grete Größer")
    WorkingGroupFactory(region=goslar, name="AK Sprache", lead_organisation=org, lead_person=lead)
    services.concept_set_annexes(concept=concept, keys=["working_groups", "organisations"])
    return concept


def _pdftotext(pdf: bytes, *args: str) -> str:
    result = subprocess.run(
        ["pdftotext", "-layout", *args, "-", "-"], input=pdf, capture_output=True, check=True
    )
    return result.stdout.decode().translate(BIDI_MARKS)


def test_the_public_pdf_is_a_structured_tagged_document(concept):
    pdf = html_to_pdf(render_concept_html(concept), variant="pdf/ua-1")
    reader = PdfReader(io.BytesIO(pdf))
    pages = len(reader.pages)
    # title, contents, foreword, guidelines, two chapters, two annexes
    assert pages == 8

    # PDF/UA-1: the XMP marker, a structure tree, the document language and title
    xmp = reader.xmp_metadata.stream.get_data().decode()
    assert "pdfuaid:part" in xmp and re.search(r"pdfuaid:part[^0-9]*1", xmp)
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    assert reader.trailer["/Root"]["/Lang"] == "de"
    assert reader.metadata.title.startswith("Integrationskonzept 2019")

    # The table of contents names each part with the page it starts on.
    toc = _pdftotext(pdf, "-f", "2", "-l", "2")
    entries = dict(re.findall(r"^\s*(.+?)\s*\.{3,}\s*(\d+)\s*$", toc, flags=re.MULTILINE))
    assert entries["1. Arbeit"] == "5" and entries["2. Sprache"] == "6"
    assert len(entries) == 6
    assert "1. Arbeit" in _pdftotext(pdf, "-f", "5", "-l", "5")

    # Footer "page N of M" and the running header with the chapter
    page5 = _pdftotext(pdf, "-f", "5", "-l", "5")
    assert "Seite 5 von 8" in page5
    assert page5.count("1. Arbeit") >= 2  # header and heading

    # German and Arabic text survive extraction (pdftotext and pypdf)
    text = _pdftotext(pdf)
    for needle in (
        "Übergänge in Ausbildung fördern",
        "Kreisvolkshochschule Goslar",
        "Grete Größer",
    ):
        assert needle in text
    assert ARABIC in text
    assert ARABIC_SHORT in _pdftotext(pdf, "-f", "6", "-l", "6")
    assert ARABIC in reader.pages[3].extract_text().translate(BIDI_MARKS)
    assert "Vom Kreistag beschlossen am 8. Juli 2019" in _pdftotext(pdf, "-f", "1", "-l", "1")
    assert "Inhalt" in toc and "Anlage 1: Arbeitsgruppen und ihre Leitung" in toc


def test_the_archive_variant_is_pdf_a(concept):
    pdf = html_to_pdf(render_concept_html(concept), variant="pdf/a-3b")
    xmp = PdfReader(io.BytesIO(pdf)).xmp_metadata.stream.get_data().decode()
    assert "pdfaid:part" in xmp and "pdfaid:conformance" in xmp


def test_staff_generate_the_pdf_in_the_background_and_watch_its_progress(
    client_of, coordinator_goslar, concept, jobs, django_capture_on_commit_callbacks
):
    client = client_of(coordinator_goslar)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("networks_staff:export_request", args=["goslar", concept.pk]),
            {"variant": "pdf/a-3b"},
        )
    export = ConceptExport.objects.get()
    assert response.url == reverse("networks_staff:export_status", args=["goslar", export.pk])
    waiting = client.get(response.url).content.decode()
    assert 'http-equiv="refresh"' in waiting and "hx-trigger" in waiting

    assert jobs.run() == 1
    export.refresh_from_db()
    assert (export.status, export.progress, export.pages) == ("done", 100, 8)
    row = client.get(response.url, headers={"HX-Request": "true"}).content.decode()
    assert "hx-trigger" not in row and "download" in row.lower()
    download = client.get(reverse("networks_staff:export_download", args=["goslar", export.pk]))
    assert download["Content-Type"] == "application/pdf"
    body = b"".join(download.streaming_content) if download.streaming else download.content
    assert body.startswith(b"%PDF-")


def test_a_second_request_for_unchanged_content_reuses_the_export(concept):
    first = services.concept_request_export(concept=concept, variant="pdf/ua-1")
    second = services.concept_request_export(concept=concept, variant="pdf/ua-1")
    assert first.pk == second.pk


def test_the_public_download_is_served_from_the_cache_until_the_concept_changes(
    client, concept, jobs, django_capture_on_commit_callbacks
):
    url = reverse("networks:concept_pdf", args=["goslar", 2019])
    with django_capture_on_commit_callbacks(execute=True):
        pending = client.get(url)
    assert pending.status_code == 503 and pending["Retry-After"]
    assert len(jobs.pending("networks.generate_concept_pdf")) == 1
    jobs.run()

    served = client.get(url)
    assert served.status_code == 200 and served["Content-Type"] == "application/pdf"
    first_file = ConceptExport.objects.ready().get().file.name

    measure = concept.measures.first()
    measure.progress = 60
    measure.save()
    with django_capture_on_commit_callbacks(execute=True):
        stale = client.get(url)
    assert stale.status_code == 503
    assert "previous" in stale.content.decode()  # the older file stays available meanwhile
    jobs.run()
    assert client.get(url).status_code == 200
    assert ConceptExport.objects.ready().first().file.name != first_file


def test_the_waiting_page_does_not_reload_itself_but_polls_and_opens_the_file_when_ready(
    client, concept, jobs, django_capture_on_commit_callbacks
):
    url = reverse("networks:concept_pdf", args=["goslar", 2019])
    with django_capture_on_commit_callbacks(execute=True):
        waiting = client.get(url).content.decode()
    # A timed refresh is a time limit the reader cannot turn off (WCAG 2.2.1).
    assert 'http-equiv="refresh"' not in waiting
    assert f'hx-get="{url}"' in waiting and f'href="{url}"' in waiting
    assert client.get(url, headers={"HX-Request": "true"}).status_code == 503
    jobs.run()
    ready = client.get(url, headers={"HX-Request": "true"})
    assert (ready.status_code, ready["HX-Redirect"]) == (204, url)


def test_drafts_have_no_public_pdf(client, goslar):
    ConceptFactory(region=goslar, version=2030)
    assert client.get(reverse("networks:concept_pdf", args=["goslar", 2030])).status_code == 404
