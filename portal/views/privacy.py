"""Back-office: how long the county keeps personal data, and data subject requests
(find, export and erase everything stored about an e-mail address). Coordinators only."""

from __future__ import annotations

import datetime
import json

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from portal import retention, services
from portal.access import MANAGE_REGION, StaffRequest, staff_view
from portal.forms import RetentionForm, SubjectEraseForm, SubjectSearchForm
from portal.lib import l10n
from portal.models import Region, SubjectRequestLog


@staff_view(MANAGE_REGION)
def privacy(request: StaffRequest, region: Region) -> HttpResponse:
    rules = retention.region_rules(region)
    form = RetentionForm(request.POST or None, rules=rules)
    if request.method == "POST":
        if form.is_valid():
            retention.set_region_periods(region=region, days=form.cleaned_data)
            messages.success(request, _("Saved."))
            return redirect("portal_staff:privacy", region=region.slug)
        messages.error(request, _("Please correct the marked fields."))
    context = {
        "region": region,
        "rules": rules,
        "form": form,
        "log": _log_entries(region),
    }
    return render(
        request,
        "portal/staff/privacy.html",
        context,
        status=400 if form.errors else 200,
    )


def _log_entries(region: Region) -> list[tuple[SubjectRequestLog, list[tuple[str, int]]]]:
    labels = {source.key: str(source.label) for source in retention.subject_sources()}
    entries = SubjectRequestLog.objects.in_region(region).select_related("user")[:20]
    return [
        (entry, [(labels.get(key, key), n) for key, n in entry.counts.items() if n])
        for entry in entries
    ]


@staff_view(MANAGE_REGION)
def subject_request(request: StaffRequest, region: Region) -> HttpResponse:
    """POST only for the address (it stays out of URLs and access logs): ``action`` is
    search, export (a JSON download) or erase (with the confirmation box ticked)."""
    action = request.POST.get("action", "search") if request.method == "POST" else ""
    search = SubjectSearchForm(request.POST if action else None)
    erase = SubjectEraseForm(request.POST if action == "erase" else None)
    found = None
    if action and search.is_valid():
        email = search.cleaned_data["email"]
        if action == "erase":
            if erase.is_valid():
                erased = services.subject_erase(region=region, email=email, user=request.user)
                messages.success(
                    request,
                    _("Records erased: %(count)s") % {"count": sum(erased.values())},
                )
                return redirect("portal_staff:subject_request", region=region.slug)
            messages.error(request, _("Please confirm the erasure."))
        found = services.subject_find(region=region, email=email)
        counts = {source.key: len(records) for source, records in found}
        if action == "export":
            services.subject_log(
                region=region,
                user=request.user,
                action=SubjectRequestLog.Action.EXPORT,
                found=counts,
            )
            return _export(region, email, found)
        if action == "search":
            services.subject_log(
                region=region,
                user=request.user,
                action=SubjectRequestLog.Action.SEARCH,
                found=counts,
            )
            erase = SubjectEraseForm(initial={"email": email})
    context = {
        "region": region,
        "found": _readable(found) if found is not None else None,
        "form": search,
        "erase_form": erase,
        "total": sum(len(records) for _source, records in found or []),
    }
    status = 400 if action and (search.errors or erase.errors) else 200
    return render(request, "portal/staff/subject_request.html", context, status=status)


def _readable(found: list) -> list:
    """Dates and times as the reader's language writes them (the export keeps ISO 8601)."""

    def show(value: object) -> object:
        if isinstance(value, datetime.datetime):
            return l10n.format_datetime(value, "medium")
        if isinstance(value, datetime.date):
            return l10n.format_date(value, "medium")
        return value

    return [
        (source, [{label: show(value) for label, value in item.items()} for item in records])
        for source, records in found
    ]


def _json_value(value: object) -> str:
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _export(region: Region, email: str, found: list) -> HttpResponse:
    payload = {
        "region": region.name,
        "email": email,
        "exported_at": timezone.now().isoformat(),
        "records": {
            source.key: {"label": str(source.label), "records": records}
            for source, records in found
        },
    }
    response = HttpResponse(
        json.dumps(payload, ensure_ascii=False, indent=2, default=_json_value),
        content_type="application/json; charset=utf-8",
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="data-subject-{stamp}.json"'
    response["Cache-Control"] = "no-store"
    return response
