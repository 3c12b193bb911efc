"""Back-office: integration concepts, their parts, revisions, adoption and PDF exports."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from networks import selectors, services
from networks.forms import (
    AdoptForm,
    AnnexChoiceForm,
    ChapterForm,
    ConceptForm,
    ConceptStatusForm,
    ExportRequestForm,
    GuidelineForm,
    MeasureForm,
    ProgressNoteForm,
    RevisionForm,
)
from networks.models import (
    ConceptChapter,
    ConceptExport,
    Guideline,
    IntegrationConcept,
    Measure,
    MeasureProgressNote,
)
from portal.access import MANAGE_CONTENT, StaffRequest, staff_view
from portal.lib.responses import render_form, stored_file_response
from portal.models import Region


def _concept(region: Region, pk: int) -> IntegrationConcept:
    return get_object_or_404(
        IntegrationConcept.objects.in_region(region).select_related("region"), pk=pk
    )


def _to_concept(region: Region, concept_id: int, anchor: str = "") -> HttpResponse:
    url = reverse("networks_staff:concept_detail", args=[region.slug, concept_id])
    return redirect(f"{url}#{anchor}" if anchor else url)


def _guard_superseded(request, concept: IntegrationConcept) -> bool:
    """Superseded versions are the record of an earlier council decision: read-only."""
    if concept.status == IntegrationConcept.Status.SUPERSEDED:
        messages.error(request, _("A superseded version cannot be changed."))
        return True
    return False


@staff_view(MANAGE_CONTENT)
def concept_list(request: HttpRequest, region: Region) -> HttpResponse:
    concepts = IntegrationConcept.objects.in_region(region)
    return render(
        request, "networks/staff/concept_list.html", {"region": region, "concepts": concepts}
    )


@staff_view(MANAGE_CONTENT)
def concept_add(request: HttpRequest, region: Region) -> HttpResponse:
    form = ConceptForm(request.POST or None, region=region)
    if request.method == "POST" and form.is_valid():
        form.instance.region = region
        concept = form.save()
        messages.success(request, _("Saved."))
        return _to_concept(region, concept.pk)
    return render_form(
        request,
        "networks/staff/form.html",
        {
            "region": region,
            "form": form,
            "title": _("New integration concept"),
            "back_url": reverse("networks_staff:concept_list", args=[region.slug]),
        },
    )


@staff_view(MANAGE_CONTENT)
def concept_detail(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    concept = _concept(region, pk)
    measures = list(concept.measures.with_relations())
    context = {
        "region": region,
        "concept": concept,
        "guidelines": concept.guidelines.all(),
        "chapters": concept.chapters.select_related("field_of_action"),
        "measures": measures,
        "summary": selectors.measure_summary(measures),
        "status_form": ConceptStatusForm(initial={"status": concept.status}),
        "adopt_form": AdoptForm(),
        "revision_form": RevisionForm(),
        "annex_form": AnnexChoiceForm(
            initial={"annexes": list(concept.annexes.values_list("key", flat=True))}
        ),
        "export_form": ExportRequestForm(region=region),
        "exports": concept.exports.all()[:6],
        "other_versions": IntegrationConcept.objects.in_region(region).exclude(pk=concept.pk),
    }
    return render(request, "networks/staff/concept_detail.html", context)


@staff_view(MANAGE_CONTENT)
def concept_edit(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    concept = _concept(region, pk)
    if request.method == "POST" and _guard_superseded(request, concept):
        return _to_concept(region, concept.pk)
    form = ConceptForm(request.POST or None, instance=concept, region=region)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Saved."))
        return _to_concept(region, concept.pk)
    return render_form(
        request,
        "networks/staff/form.html",
        {
            "region": region,
            "form": form,
            "title": str(concept),
            "back_url": reverse("networks_staff:concept_detail", args=[region.slug, pk]),
            "delete_url": reverse("networks_staff:concept_delete", args=[region.slug, pk])
            if concept.status == IntegrationConcept.Status.DRAFT
            else "",
        },
    )


@staff_view(MANAGE_CONTENT)
@require_POST
def concept_delete(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    concept = _concept(region, pk)
    if concept.status != IntegrationConcept.Status.DRAFT:
        messages.error(request, _("Only drafts can be deleted."))
        return _to_concept(region, concept.pk)
    concept.delete()
    messages.success(request, _("Deleted."))
    return redirect("networks_staff:concept_list", region=region.slug)


@staff_view(MANAGE_CONTENT)
@require_POST
def concept_status(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    concept = _concept(region, pk)
    form = ConceptStatusForm(request.POST)
    if not concept.is_editable:
        messages.error(request, _("Adopted and superseded versions keep their status."))
    elif form.is_valid():
        concept.status = form.cleaned_data["status"]
        concept.save(update_fields=["status", "updated_at"])
        messages.success(request, _("Saved."))
    else:
        messages.error(request, _("Please choose a status."))
    return _to_concept(region, concept.pk)


@staff_view(MANAGE_CONTENT)
@require_POST
def concept_adopt(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    concept = _concept(region, pk)
    form = AdoptForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please enter the date of the council's decision."))
        return _to_concept(region, concept.pk)
    try:
        services.concept_adopt(concept=concept, adopted_on=form.cleaned_data["adopted_on"])
    except services.ConceptError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("The version is adopted; the previous one is superseded."))
    return _to_concept(region, concept.pk)


@staff_view(MANAGE_CONTENT)
@require_POST
def concept_revise(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    concept = _concept(region, pk)
    form = RevisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please enter a year between 1990 and 2100."))
        return _to_concept(region, concept.pk)
    try:
        draft = services.concept_start_revision(
            concept=concept, version=form.cleaned_data.get("version")
        )
    except services.ConceptError as exc:
        messages.error(request, str(exc))
        return _to_concept(region, concept.pk)
    messages.success(request, _("The revision has started as a draft copy."))
    return _to_concept(region, draft.pk)


@staff_view(MANAGE_CONTENT)
@require_POST
def concept_annexes(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    concept = _concept(region, pk)
    form = AnnexChoiceForm(request.POST)
    if form.is_valid():
        services.concept_set_annexes(concept=concept, keys=form.cleaned_data["annexes"])
        messages.success(request, _("Saved."))
    else:
        messages.error(request, _("Please choose from the listed annexes."))
    return _to_concept(region, concept.pk, "annexes")


@staff_view(MANAGE_CONTENT)
def concept_compare(request: HttpRequest, region: Region) -> HttpResponse:
    """Like the public comparison, but drafts can be compared too."""
    versions = list(IntegrationConcept.objects.in_region(region))
    by_pk = {str(v.pk): v for v in versions}
    old, new = by_pk.get(request.GET.get("old", "")), by_pk.get(request.GET.get("new", ""))
    diff = (
        selectors.concept_diff(old, new, public=False) if old and new and old.pk != new.pk else None
    )
    return render(
        request,
        "networks/staff/concept_compare.html",
        {"region": region, "versions": versions, "diff": diff, "old": old, "new": new},
    )


# --- PDF export -----------------------------------------------------------------------------


@staff_view(MANAGE_CONTENT)
@require_POST
def export_request(request: StaffRequest, region: Region, pk: int) -> HttpResponse:
    concept = _concept(region, pk)
    form = ExportRequestForm(request.POST, region=region)
    if not form.is_valid():
        messages.error(request, _("Please choose a PDF variant and a language."))
        return _to_concept(region, concept.pk, "exports")
    export = services.concept_request_export(
        concept=concept,
        variant=form.cleaned_data["variant"],
        language=form.cleaned_data["language"] or "de",
        user=request.user,
        retry_failed=True,
    )
    return redirect("networks_staff:export_status", region=region.slug, pk=export.pk)


@staff_view(MANAGE_CONTENT)
def export_status(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    """Progress of one export: htmx polls the status row; without JS a meta refresh reloads."""
    export = get_object_or_404(
        ConceptExport.objects.in_region(region).select_related("concept"), pk=pk
    )
    context = {"region": region, "export": export, "concept": export.concept}
    if request.headers.get("HX-Request"):
        return render(request, "networks/staff/export_status_row.html", context)
    return render(request, "networks/staff/export_status.html", context)


@staff_view(MANAGE_CONTENT)
def export_download(request: HttpRequest, region: Region, pk: int):
    export = get_object_or_404(ConceptExport.objects.in_region(region).ready(), pk=pk)
    return stored_file_response(request, export.file, content_type="application/pdf")


# --- guidelines, chapters, measures, progress notes -----------------------------------------


def _part_form(request, region, concept, form, instance, *, title, delete_name, anchor):
    if request.method == "POST" and _guard_superseded(request, concept):
        return _to_concept(region, concept.pk, anchor)
    if request.method == "POST" and form.is_valid():
        if instance is None:
            form.instance.concept = concept
        form.save()
        messages.success(request, _("Saved."))
        return _to_concept(region, concept.pk, anchor)
    return render_form(
        request,
        "networks/staff/form.html",
        {
            "region": region,
            "form": form,
            "title": title,
            "back_url": reverse("networks_staff:concept_detail", args=[region.slug, concept.pk]),
            "delete_url": reverse(delete_name, args=[region.slug, instance.pk]) if instance else "",
        },
    )


def _delete_part(request, region, model, pk, anchor):
    obj = get_object_or_404(model.objects.in_region(region).select_related("concept"), pk=pk)
    if not _guard_superseded(request, obj.concept):
        obj.delete()
        messages.success(request, _("Deleted."))
    return _to_concept(region, obj.concept_id, anchor)


@staff_view(MANAGE_CONTENT)
def guideline_add(request: HttpRequest, region: Region, concept_pk: int) -> HttpResponse:
    concept = _concept(region, concept_pk)
    initial = {"order": concept.guidelines.count() + 1}
    form = GuidelineForm(request.POST or None, region=region, initial=initial)
    return _part_form(
        request,
        region,
        concept,
        form,
        None,
        title=_("Add a guideline"),
        delete_name="",
        anchor="guidelines",
    )


@staff_view(MANAGE_CONTENT)
def guideline_edit(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    guideline = get_object_or_404(Guideline.objects.in_region(region), pk=pk)
    form = GuidelineForm(request.POST or None, instance=guideline, region=region)
    return _part_form(
        request,
        region,
        guideline.concept,
        form,
        guideline,
        title=guideline.title,
        delete_name="networks_staff:guideline_delete",
        anchor="guidelines",
    )


@staff_view(MANAGE_CONTENT)
@require_POST
def guideline_delete(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    return _delete_part(request, region, Guideline, pk, "guidelines")


@staff_view(MANAGE_CONTENT)
def chapter_add(request: HttpRequest, region: Region, concept_pk: int) -> HttpResponse:
    concept = _concept(region, concept_pk)
    form = ChapterForm(request.POST or None, region=region, concept=concept)
    return _part_form(
        request,
        region,
        concept,
        form,
        None,
        title=_("Add a chapter"),
        delete_name="",
        anchor="chapters",
    )


@staff_view(MANAGE_CONTENT)
def chapter_edit(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    chapter = get_object_or_404(
        ConceptChapter.objects.in_region(region).select_related("concept"), pk=pk
    )
    form = ChapterForm(
        request.POST or None, instance=chapter, region=region, concept=chapter.concept
    )
    return _part_form(
        request,
        region,
        chapter.concept,
        form,
        chapter,
        title=str(chapter),
        delete_name="networks_staff:chapter_delete",
        anchor="chapters",
    )


@staff_view(MANAGE_CONTENT)
@require_POST
def chapter_delete(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    return _delete_part(request, region, ConceptChapter, pk, "chapters")


@staff_view(MANAGE_CONTENT)
def measure_add(request: HttpRequest, region: Region, concept_pk: int) -> HttpResponse:
    concept = _concept(region, concept_pk)
    form = MeasureForm(request.POST or None, region=region)
    return _part_form(
        request,
        region,
        concept,
        form,
        None,
        title=_("Add a measure"),
        delete_name="",
        anchor="measures",
    )


@staff_view(MANAGE_CONTENT)
def measure_edit(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    measure = get_object_or_404(Measure.objects.in_region(region).select_related("concept"), pk=pk)
    concept = measure.concept
    form = MeasureForm(request.POST or None, instance=measure, region=region)
    if request.method == "POST":
        if _guard_superseded(request, concept):
            return _to_concept(region, concept.pk, "measures")
        if form.is_valid():
            form.save()
            messages.success(request, _("Saved."))
            return _to_concept(region, concept.pk, "measures")
    context = {
        "region": region,
        "measure": measure,
        "concept": concept,
        "form": form,
        "note_form": ProgressNoteForm(),
        "notes": measure.progress_notes.all(),
    }
    return render(
        request, "networks/staff/measure_edit.html", context, status=400 if form.errors else 200
    )


@staff_view(MANAGE_CONTENT)
@require_POST
def measure_delete(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    return _delete_part(request, region, Measure, pk, "measures")


@staff_view(MANAGE_CONTENT)
@require_POST
def note_add(request: HttpRequest, region: Region, measure_pk: int) -> HttpResponse:
    measure = get_object_or_404(
        Measure.objects.in_region(region).select_related("concept"), pk=measure_pk
    )
    form = ProgressNoteForm(request.POST)
    if _guard_superseded(request, measure.concept):
        pass
    elif form.is_valid():
        services.measure_add_progress_note(measure=measure, **form.cleaned_data)
        messages.success(request, _("The progress note was added."))
    else:
        messages.error(
            request,
            _("The note was not saved: %(errors)s")
            % {"errors": " ".join(str(e) for errs in form.errors.values() for e in errs)},
        )
    return redirect("networks_staff:measure_edit", region=region.slug, pk=measure.pk)


@staff_view(MANAGE_CONTENT)
@require_POST
def note_delete(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    note = get_object_or_404(
        MeasureProgressNote.objects.in_region(region).select_related("measure__concept"), pk=pk
    )
    measure_pk = note.measure_id
    if not _guard_superseded(request, note.measure.concept):
        note.delete()
        messages.success(request, _("Deleted."))
    return redirect("networks_staff:measure_edit", region=region.slug, pk=measure_pk)
