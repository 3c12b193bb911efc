"""The integration concept as a printable, tagged PDF (WeasyPrint via portal.lib.pdf)."""

from __future__ import annotations

import io
from collections.abc import Callable

from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from networks.annexes import get_annex
from networks.models import ConceptExport, IntegrationConcept
from portal.lib.pdf import html_to_pdf, render_html

# Concepts are published in German, the county's official language, and in each of the
# region's target languages: the translated parts in that language, the rest in German and
# marked as such (lang="de" and a note). Arabic and Farsi run right to left (DejaVu Sans with
# Noto Sans Arabic as fallback).
PDF_LANGUAGE = "de"


def concept_pdf_context(concept: IntegrationConcept, language: str = PDF_LANGUAGE) -> dict:
    from portal.translations import prefetch_texts

    chapters = list(concept.chapters.select_related("field_of_action"))
    measures = list(concept.measures.with_relations())
    guidelines = list(concept.guidelines.all())
    # The translated texts in one query (the template's {% tr %} reads them).
    prefetch_texts(
        [concept, *guidelines, *chapters, *(c.field_of_action for c in chapters)],
        language,
        region=concept.region,
    )
    by_field: dict[int, list] = {}
    for measure in measures:
        by_field.setdefault(measure.field_of_action_id, []).append(measure)
    chapter_rows = [
        {
            "chapter": chapter,
            "measures": by_field.pop(chapter.field_of_action_id, []),
        }
        for chapter in chapters
    ]
    # Measures whose field of action has no chapter still belong in the document.
    loose = [m for group in by_field.values() for m in group]
    annexes = []
    for number, choice in enumerate(concept.annexes.all(), start=1):
        annex = get_annex(choice.key)
        if annex is None:  # an app that registered it is gone; skip rather than fail
            continue
        # Annexes list the network's German records: they stay German (and are marked so).
        with translation.override(PDF_LANGUAGE):
            html = render_to_string(annex.template, annex.context(concept))
        annexes.append({"number": number, "annex": annex, "html": mark_safe(html)})  # noqa: S308
    return {
        "concept": concept,
        "region": concept.region,
        "pdf_language": language,
        "pdf_bidi": translation.get_language_info(language)["bidi"],
        "guidelines": guidelines,
        "chapters": chapter_rows,
        "loose_measures": loose,
        "annexes": annexes,
        "generated_at": timezone.now(),
    }


def render_concept_html(concept: IntegrationConcept, language: str = PDF_LANGUAGE) -> str:
    return render_html(
        "networks/pdf/concept.html", concept_pdf_context(concept, language), language=language
    )


def count_pages(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def generate_export(
    export: ConceptExport, *, on_html: Callable[[str], None] | None = None
) -> ConceptExport:
    """Render, store and describe one export; progress is saved so staff can watch it."""

    def step(progress: int, **fields) -> None:
        for name, value in fields.items():
            setattr(export, name, value)
        export.progress = progress
        export.save(update_fields=["progress", *fields])

    from networks.selectors import concept_fingerprint

    concept = IntegrationConcept.objects.select_related("region").get(pk=export.concept_id)
    # The file shows the content of this moment, which may be newer than the request's.
    fingerprint = concept_fingerprint(concept, export.language)
    step(10, status=ConceptExport.Status.RUNNING, fingerprint=fingerprint)
    try:
        html = render_concept_html(concept, export.language)
        if on_html:
            on_html(html)
        step(30)
        pdf = html_to_pdf(html, variant=export.variant)
        step(90)
        suffix = "" if export.language == PDF_LANGUAGE else f"-{export.language}"
        filename = f"integrationskonzept-{concept.region.slug}-{concept.version}{suffix}.pdf"
        export.file.save(filename, ContentFile(pdf), save=False)
        step(
            100,
            file=export.file,
            pages=count_pages(pdf),
            size=len(pdf),
            status=ConceptExport.Status.DONE,
            finished_at=timezone.now(),
        )
    except Exception as exc:
        step(
            export.progress,
            status=ConceptExport.Status.FAILED,
            error=f"{type(exc).__name__}: {exc}"[:2000],
            finished_at=timezone.now(),
        )
        raise
    return export
