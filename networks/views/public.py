"""Public pages of the network: directory, organisations, working groups, the concept.

Public views take the region's slug from the URL and resolve it with ``public_region``.
Only consented people (``Person.objects.listed_publicly()``) ever reach these templates.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from networks import ical, selectors, services
from networks.forms import (
    DirectoryFilterForm,
    JoinRequestForm,
    MeasureFilterForm,
    WorkingGroupFilterForm,
)
from networks.models import (
    ConceptExport,
    IntegrationConcept,
    MeetingDocument,
    Organisation,
    Person,
    WorkingGroup,
    WorkingGroupMeeting,
)
from portal.access import public_view, set_page_region
from portal.languages import region_languages, requested_language
from portal.lib import ratelimit
from portal.lib.responses import stored_file_response
from portal.models import Region
from portal.translations import SOURCE_LANGUAGE as PDF_LANGUAGE
from portal.translations import prefetch_texts

PUBLIC_VARIANT = ConceptExport.Variant.PDF_UA


# --- directory ------------------------------------------------------------------------------


@public_view
@require_GET
def organisation_list(request: HttpRequest, region: Region) -> HttpResponse:
    form = DirectoryFilterForm(request.GET or None, region=region)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    organisations = selectors.search_organisations(
        region,
        text=filters.get("q", ""),
        field_of_action=filters.get("field"),
        kind=filters.get("kind", ""),
        municipality=filters.get("municipality"),
    )
    page = Paginator(organisations, 30).get_page(request.GET.get("page"))
    context = {
        "region": region,
        "form": form,
        "page": page,
        "filtered": bool(filters and any(filters.values())),
    }
    return render(request, "networks/organisation_list.html", context)


@public_view
@require_GET
def organisation_detail(request: HttpRequest, region: Region, slug: str) -> HttpResponse:
    organisation = get_object_or_404(
        Organisation.objects.in_region(region)
        .public()
        .select_related("municipality")
        .prefetch_related("fields_of_action"),
        slug=slug,
    )
    groups = (
        WorkingGroup.objects.in_region(region)
        .public()
        .filter(Q(member_organisations=organisation) | Q(lead_organisation=organisation))
        .distinct()
    )
    context = {
        "region": region,
        "organisation": organisation,
        "people": selectors.public_people_of(organisation).prefetch_related("fields_of_action"),
        "working_groups": groups,
    }
    return render(request, "networks/organisation_detail.html", context)


# --- working groups -------------------------------------------------------------------------


@public_view
@require_GET
def working_group_list(request: HttpRequest, region: Region) -> HttpResponse:
    form = WorkingGroupFilterForm(request.GET or None, region=region)
    field = form.cleaned_data.get("field") if form.is_bound and form.is_valid() else None
    groups = (
        WorkingGroup.objects.in_region(region)
        .public()
        .select_related("lead_organisation")
        .prefetch_related(
            "fields_of_action",
            Prefetch(
                "meetings",
                queryset=WorkingGroupMeeting.objects.upcoming(),
                to_attr="upcoming_meetings",
            ),
        )
        .order_by("status", "name")
    )
    if field is not None:
        groups = groups.with_field_of_action(field)
    groups = list(groups)
    prefetch_texts(
        [*groups, *(f for g in groups for f in g.fields_of_action.all())],
        get_language(),
        region=region,
    )
    context = {"region": region, "form": form, "groups": groups, "field": field}
    return render(request, "networks/working_group_list.html", context)


@public_view
@require_http_methods(["GET", "POST"])
def working_group_detail(request: HttpRequest, region: Region, slug: str) -> HttpResponse:
    group = get_object_or_404(
        WorkingGroup.objects.in_region(region)
        .public()
        .select_related("lead_organisation__region", "lead_person"),
        slug=slug,
    )
    form = JoinRequestForm(request.POST or None)
    limited = False
    if request.method == "POST":
        if not group.accepts_members:
            form.add_error(None, _("This working group is closed and takes no new members."))
        elif limited := not ratelimit.hit("join_request", request):
            form.add_error(None, ratelimit.MESSAGE)
        elif form.is_valid():
            data = form.cleaned_data
            services.join_request_submit(
                working_group=group,
                **{
                    k: data[k]
                    for k in (
                        "name",
                        "email",
                        "organisation_name",
                        "phone",
                        "message",
                        "public_consent",
                    )
                },
            )
            messages.success(
                request,
                _("Thank you. Your request has reached the coordination office; we will reply."),
            )
            return redirect(group.get_absolute_url())
    fields_of_action = list(group.fields_of_action.all())
    prefetch_texts([group, *fields_of_action], get_language(), region=region)
    public_people = Person.objects.in_region(region).listed_publicly()
    lead_person = public_people.filter(pk=group.lead_person_id).first()
    now = timezone.now()
    context = {
        "region": region,
        "group": group,
        "form": form,
        "lead_person": lead_person,
        "lead_organisation": group.lead_organisation
        if group.lead_organisation and group.lead_organisation.is_public
        else None,
        # in_region hands every organisation the region: their links need no query each.
        "member_organisations": Organisation.objects.in_region(region)
        .public()
        .filter(working_groups=group),
        "member_persons": public_people.filter(working_groups=group).select_related("organisation"),
        "fields_of_action": fields_of_action,
        "next_meeting": group.meetings.upcoming(now).first(),
        "upcoming_count": group.meetings.upcoming(now).count(),
        "public_minutes": group.meetings.past(now)
        .filter(minutes_public=True)
        .prefetch_related("documents"),
    }
    response = render(
        request,
        "networks/working_group_detail.html",
        context,
        status=400 if form.errors else 200,
    )
    return ratelimit.too_many(response) if limited else response


@public_view
@require_GET
def working_group_ics(request: HttpRequest, region: Region, slug: str) -> HttpResponse:
    group = get_object_or_404(WorkingGroup.objects.in_region(region).public(), slug=slug)
    body = ical.meetings_ics(group, group.meetings.upcoming(), get_language() or PDF_LANGUAGE)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{group.slug}.ics"'
    return response


@public_view
@require_GET
def meeting_document(request: HttpRequest, region: Region, slug: str, pk: int) -> HttpResponse:
    document = get_object_or_404(
        MeetingDocument.objects.in_region(region)
        .public()
        .filter(meeting__working_group__slug=slug),
        pk=pk,
    )
    return stored_file_response(request, document.file, content_type=document.content_type)


# --- the integration concept ----------------------------------------------------------------


def _public_concept(region_obj, version: int) -> IntegrationConcept:
    return get_object_or_404(
        IntegrationConcept.objects.in_region(region_obj).public().select_related("region"),
        version=version,
    )


def _concept_nav(concept: IntegrationConcept, guidelines: list | None = None) -> list:
    """The chapters, with the concept's translated texts in the reader's language loaded."""
    chapters = list(concept.chapters.select_related("field_of_action"))
    prefetch_texts(
        [concept, *(guidelines or []), *chapters, *(c.field_of_action for c in chapters)],
        get_language() or PDF_LANGUAGE,
        region=concept.region,
    )
    return chapters


@public_view
@require_GET
def concept_current(request: HttpRequest, region: Region) -> HttpResponse:
    concept = selectors.current_public_concept(region)
    if concept is None:
        return render(request, "networks/concept_none.html", {"region": region})
    return redirect(concept.get_absolute_url())


@public_view
@require_GET
def concept_detail(request: HttpRequest, region: Region, version: int) -> HttpResponse:
    concept = _public_concept(region, version)
    measures = list(concept.measures.all())
    guidelines = list(concept.guidelines.all())
    context = {
        "region": region,
        "concept": concept,
        "chapters": _concept_nav(concept, guidelines),
        "guidelines": guidelines,
        "summary": selectors.measure_summary(measures),
        "adopted": IntegrationConcept.objects.in_region(region).adopted().first(),
        "pdf_links": concept_pdf_links(concept),
    }
    return render(request, "networks/concept_detail.html", context)


@public_view
@require_GET
def concept_chapter(request: HttpRequest, region: Region, version: int, field: str) -> HttpResponse:
    concept = _public_concept(region, version)
    chapters = _concept_nav(concept)
    index = next((i for i, c in enumerate(chapters) if c.field_of_action.slug == field), None)
    if index is None:
        raise Http404
    chapter = chapters[index]
    context = {
        "region": region,
        "concept": concept,
        "chapters": chapters,
        "chapter": chapter,
        "number": index + 1,
        "previous": chapters[index - 1] if index > 0 else None,
        "next": chapters[index + 1] if index + 1 < len(chapters) else None,
        "measures": selectors.filter_measures(concept, field_of_action=chapter.field_of_action),
    }
    return render(request, "networks/concept_chapter.html", context)


@public_view
@require_GET
def measure_tracker(request: HttpRequest, region: Region, version: int) -> HttpResponse:
    concept = _public_concept(region, version)
    form = MeasureFilterForm(request.GET or None, region=region)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    measures = list(
        selectors.filter_measures(
            concept,
            field_of_action=filters.get("field"),
            status=filters.get("status", ""),
        ).prefetch_related("progress_notes")
    )
    context = {
        "region": region,
        "concept": concept,
        "form": form,
        "measures": measures,
        "summary": selectors.measure_summary(measures),
    }
    return render(request, "networks/measure_tracker.html", context)


def _pdf_urls(concept: IntegrationConcept, language: str) -> tuple[str, str]:
    """The addresses of the concept's PDF in ``language`` and of its previous file."""
    kwargs = {"region": concept.region.slug, "version": concept.version}
    if language == PDF_LANGUAGE:
        return (
            reverse("networks:concept_pdf", kwargs=kwargs),
            reverse("networks:concept_previous_pdf", kwargs=kwargs),
        )
    kwargs["language"] = language
    return (
        reverse("networks:concept_pdf_language", kwargs=kwargs),
        reverse("networks:concept_previous_pdf_language", kwargs=kwargs),
    )


def concept_pdf_links(concept: IntegrationConcept) -> list[dict[str, str]]:
    """One download per language the region publishes: German first."""
    return [
        {
            "code": code,
            "name": get_language_info(code)["name_local"],
            "url": _pdf_urls(concept, code)[0],
        }
        for code in region_languages(concept.region)
    ]


@require_GET
def concept_pdf(
    request: HttpRequest, region: str, version: int, language: str = PDF_LANGUAGE
) -> HttpResponseBase:
    """Serve the cached PDF at once; if the concept changed, start a job and say so.
    ``language``: German, or one of the region's languages."""
    # One query for region and concept: this view is hit for every download.
    concept = get_object_or_404(
        IntegrationConcept.objects.public().select_related("region"),
        region__slug=region,
        version=version,
    )
    region_obj = concept.region
    if language not in region_languages(region_obj):
        raise Http404
    asked = requested_language(request)
    if language == PDF_LANGUAGE and asked and asked != language:
        # The German file's ?language= address (hreflang, sitemap) leads to that language's
        # file where the region publishes one.
        if asked in region_languages(region_obj):
            return redirect(_pdf_urls(concept, asked)[0])
    set_page_region(request, region_obj)
    export = selectors.current_export(concept, PUBLIC_VARIANT, language)
    if export is not None and export.status == ConceptExport.Status.DONE and export.file:
        if request.headers.get("HX-Request"):
            # The waiting page polls with htmx: send the browser to the file itself.
            return HttpResponse(status=204, headers={"HX-Redirect": request.path})
        if export.file.storage.exists(export.file.name):
            response = stored_file_response(
                request, export.file, content_type="application/pdf", as_attachment=False
            )
            response["Cache-Control"] = "public, max-age=300"
            return response
        export.delete()  # the file is gone (e.g. media restored from backup): make it again
    if export is None:
        export = services.concept_request_export(
            concept=concept, variant=PUBLIC_VARIANT, language=language
        )
    pdf_url, previous_url = _pdf_urls(concept, language)
    context = {
        "region": region_obj,
        "concept": concept,
        "export": export,
        "previous": selectors.latest_ready_export(concept, PUBLIC_VARIANT, language),
        "pdf_url": pdf_url,
        "previous_url": previous_url,
    }
    # 503 + Retry-After tells clients and crawlers to come back; people see a friendly page.
    response = render(request, "networks/concept_pdf_pending.html", context, status=503)
    failed = export.status == ConceptExport.Status.FAILED
    response["Retry-After"] = "3600" if failed else "10"
    return response


@public_view
@require_GET
def concept_previous_pdf(
    request: HttpRequest, region: Region, version: int, language: str = PDF_LANGUAGE
) -> HttpResponse:
    """The last finished file, while a newer one is being prepared."""
    concept = _public_concept(region, version)
    if language not in region_languages(region):
        raise Http404
    export = selectors.latest_ready_export(concept, PUBLIC_VARIANT, language)
    if export is None or not export.file:
        raise Http404
    return stored_file_response(
        request, export.file, content_type="application/pdf", as_attachment=False
    )


@public_view
@require_GET
def concept_versions(request: HttpRequest, region: Region) -> HttpResponse:
    versions = list(IntegrationConcept.objects.in_region(region).public())
    if not versions:
        return render(request, "networks/concept_none.html", {"region": region})
    return render(
        request, "networks/concept_versions.html", {"region": region, "versions": versions}
    )


@public_view
@require_GET
def concept_compare(request: HttpRequest, region: Region) -> HttpResponse:
    versions = list(IntegrationConcept.objects.in_region(region).public())
    by_version = {str(v.version): v for v in versions}
    old, new = (
        by_version.get(request.GET.get("old", "")),
        by_version.get(request.GET.get("new", "")),
    )
    error = ""
    diff = None
    if request.GET and (old is None or new is None):
        error = _("Please choose two published versions.")
    elif old is not None and new is not None:
        if old.pk == new.pk:
            error = _("Please choose two different versions.")
        else:
            diff = selectors.concept_diff(old, new)
    context = {
        "region": region,
        "versions": versions,
        "diff": diff,
        "error": error,
        "old": old,
        "new": new,
    }
    return render(request, "networks/concept_compare.html", context, status=400 if error else 200)
