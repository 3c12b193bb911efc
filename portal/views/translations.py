"""Back-office of content translations: what needs work, the editor, XLIFF, machine help.

Every view starts with ``staff_view`` (portal/access.py): the region comes from the URL, and
documents and texts are fetched through the region's querysets, so staff of one county never
read or change another county's texts.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from portal.access import MANAGE_CONTENT, MANAGE_REGION, StaffRequest, staff_view
from portal.models import Region
from portal.models.translations import PLAIN_LANGUAGE
from portal.tasks import machine_translate_job
from portal.translations import machine, xliff
from portal.translations.forms import DocumentTranslationForm, RegionTranslationSettingsForm
from portal.translations.registry import document_kind, document_kinds
from portal.translations.services import translations_save
from portal.translations.texts import Status
from portal.translations.worklist import document_work, region_summary, region_work

IMPORT_TTL = 3600  # seconds a checked XLIFF file waits for "apply"
STATUS_FILTERS = ("needs_work", "outdated", "missing", "draft", "machine", "all")


def language_name(code: str) -> str:
    if code == PLAIN_LANGUAGE:
        return _("Plain German (Einfache Sprache)")
    return str(get_language_info(code)["name_translated"])


def _language(region: Region, code: str) -> str:
    """A language the region translates into (or plain German), else 404."""
    if code == PLAIN_LANGUAGE or code in (region.translation_languages or ()):
        return code
    raise Http404


def _languages(region: Region) -> list[tuple[str, str]]:
    return [(code, language_name(code)) for code in region.translation_languages or ()]


@staff_view(MANAGE_CONTENT)
def overview(request: StaffRequest, region: Region) -> HttpResponse:
    languages = [*(region.translation_languages or ()), PLAIN_LANGUAGE]
    summaries = region_summary(region, languages)
    context = {
        "region": region,
        "summaries": [(s, language_name(s.language)) for s in summaries],
        "kinds": document_kinds(),
        "can_configure": request.membership.can(MANAGE_REGION),
        "settings_form": RegionTranslationSettingsForm(
            instance=region, machine_available=machine.configured_provider() is not None
        ),
    }
    return render(request, "portal/staff/translations/overview.html", context)


@require_POST
@staff_view(MANAGE_REGION)
def settings_update(request: StaffRequest, region: Region) -> HttpResponse:
    form = RegionTranslationSettingsForm(
        request.POST,
        instance=region,
        machine_available=machine.configured_provider() is not None,
    )
    if form.is_valid():
        form.save()
        messages.success(request, _("Saved."))
        return redirect("portal_staff:translations", region=region.slug)
    messages.error(request, _("Please correct the marked fields."))
    context = {
        "region": region,
        "summaries": [],
        "kinds": document_kinds(),
        "can_configure": True,
        "settings_form": form,
    }
    return render(request, "portal/staff/translations/overview.html", context, status=400)


def _matches(unit_status: Status, wanted: str) -> bool:
    if wanted == "all":
        return True
    if wanted == "needs_work":
        return unit_status.needs_work
    return unit_status.value == wanted


@staff_view(MANAGE_CONTENT)
def work_list(request: StaffRequest, region: Region, language: str) -> HttpResponse:
    language = _language(region, language)
    wanted = request.GET.get("status", "needs_work")
    if wanted not in STATUS_FILTERS:
        wanted = "needs_work"
    kind_key = request.GET.get("kind", "")
    kinds = [kind for kind in document_kinds() if not kind_key or kind.key == kind_key]
    documents = [
        work
        for work in region_work(region, language, kinds=kinds)
        if any(_matches(unit.status, wanted) for unit in work.units)
    ]
    context = {
        "region": region,
        "language": language,
        "language_name": language_name(language),
        "documents": documents,
        "status": wanted,
        "statuses": STATUS_FILTERS,
        "kind": kind_key,
        "kinds": document_kinds(),
        "machine_available": machine.available_for(region) and language != PLAIN_LANGUAGE,
    }
    return render(request, "portal/staff/translations/work_list.html", context)


@require_http_methods(["GET", "POST"])
@staff_view(MANAGE_CONTENT)
def document_edit(
    request: StaffRequest, region: Region, language: str, kind: str, pk: int
) -> HttpResponse:
    language = _language(region, language)
    try:
        kind_obj = document_kind(kind)
        work = document_work(region, language, kind_obj, pk)
    except LookupError:
        raise Http404 from None
    form = DocumentTranslationForm(work, request.POST or None)
    if request.method == "POST" and form.is_valid():
        draft = "draft" in request.POST
        updates = form.updates(draft=draft)
        try:
            stored = translations_save(region=region, language=language, updates=updates)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if stored or updates:
                messages.success(
                    request,
                    _("Saved as draft.") if draft else _("Saved. The public sees the translation."),
                )
            else:
                messages.info(request, _("Nothing was changed."))
            return redirect(request.get_full_path())
    context = {
        "region": region,
        "language": language,
        "language_name": language_name(language),
        "text_direction": "ltr"
        if language == PLAIN_LANGUAGE
        else ("rtl" if get_language_info(language)["bidi"] else "ltr"),
        "text_language": "de" if language == PLAIN_LANGUAGE else language,
        "work": work,
        "form": form,
        "public_url": kind_obj.public_url(work.document),
        "machine_available": machine.available_for(region) and language != PLAIN_LANGUAGE,
    }
    status = 400 if form.errors else 200
    return render(request, "portal/staff/translations/document_edit.html", context, status=status)


@staff_view(MANAGE_CONTENT)
def xliff_export(request: StaffRequest, region: Region, language: str) -> HttpResponse:
    language = _language(region, language)
    if language == PLAIN_LANGUAGE:
        raise Http404  # plain German is written by staff, not by agencies
    version = request.GET.get("version", "1.2")
    if version not in xliff.VERSIONS:
        version = "1.2"
    everything = request.GET.get("scope") == "all"
    units = [
        (unit, work.title)
        for work in region_work(region, language)
        for unit in work.units
        if everything or unit.status.needs_work
    ]
    data = xliff.export_xliff(region=region, language=language, units=units, version=version)
    response = HttpResponse(data, content_type="application/x-xliff+xml; charset=utf-8")
    filename = f"{region.slug}-{language}-xliff{version.replace('.', '')}.xlf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _counts(preview: xliff.ImportPreview) -> dict[str, int]:
    return {action: preview.count(action) for action in ("new", "change", "same", "skip", "error")}


def _import_key(request: StaffRequest, region: Region, token: str) -> str:
    return f"translations-import:{region.pk}:{request.user.pk}:{token}"


@require_http_methods(["GET", "POST"])
@staff_view(MANAGE_CONTENT)
def xliff_import(request: StaffRequest, region: Region, language: str) -> HttpResponse:
    """Upload shows a preview; "apply" stores the checked file, all of it or nothing."""
    language = _language(region, language)
    if language == PLAIN_LANGUAGE:
        raise Http404
    context: dict = {
        "region": region,
        "language": language,
        "language_name": language_name(language),
    }
    if request.method == "GET":
        return render(request, "portal/staff/translations/import.html", context)
    token = request.POST.get("token", "")
    if token:  # apply a file checked before
        data = cache.get(_import_key(request, region, token))
        if data is None:
            messages.error(request, _("The checked file has expired. Please upload it again."))
            return redirect(
                "portal_staff:translations_import", region=region.slug, language=language
            )
        try:
            stored = xliff.apply_import(region=region, language=language, data=data)
        except ValidationError as error:
            context["preview"] = xliff.read_xliff(region=region, language=language, data=data)
            context["counts"] = _counts(context["preview"])
            context["apply_errors"] = error.messages
            return render(request, "portal/staff/translations/import.html", context, status=400)
        cache.delete(_import_key(request, region, token))
        messages.success(request, _("%(count)s translations imported.") % {"count": stored})
        return redirect("portal_staff:translations_work", region=region.slug, language=language)
    upload = request.FILES.get("file")
    if upload is None:
        context["upload_error"] = _("Please choose an XLIFF file.")
        return render(request, "portal/staff/translations/import.html", context, status=400)
    if upload.size and upload.size > settings.FILE_UPLOAD_MAX_MEMORY_SIZE:
        context["upload_error"] = _("The file is too large.")
        return render(request, "portal/staff/translations/import.html", context, status=400)
    data = upload.read()
    preview = xliff.read_xliff(region=region, language=language, data=data)
    context["preview"] = preview
    context["counts"] = _counts(preview)
    if preview.can_apply:
        token = secrets.token_urlsafe(16)
        cache.set(_import_key(request, region, token), data, IMPORT_TTL)
        context["token"] = token
    status = 200 if preview.can_apply else 400
    return render(request, "portal/staff/translations/import.html", context, status=status)


@require_POST
@staff_view(MANAGE_CONTENT)
def machine_request(request: StaffRequest, region: Region, language: str) -> HttpResponse:
    """Queue a machine translation of the missing texts (of one document, or all)."""
    language = _language(region, language)
    if not machine.available_for(region) or language == PLAIN_LANGUAGE:
        messages.error(request, _("Machine translation is not switched on for this region."))
        return redirect("portal_staff:translations_work", region=region.slug, language=language)
    kind = request.POST.get("kind", "")
    pk = request.POST.get("pk", "")
    documents = None
    if kind and pk.isdigit():
        try:
            document_kind(kind)
        except KeyError:
            raise Http404 from None
        documents = {kind: [int(pk)]}
    machine_translate_job.defer(region_id=region.pk, language=language, documents=documents)
    messages.success(
        request,
        _("Machine translation requested. The texts appear here in a minute, marked as such."),
    )
    if documents:
        return redirect(
            "portal_staff:translations_edit",
            region=region.slug,
            language=language,
            kind=kind,
            pk=pk,
        )
    return redirect("portal_staff:translations_work", region=region.slug, language=language)
