"""Back-office workflows: change requests, update rounds, imports, coverage analysis."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from offers.forms import DecisionForm, ImportForm, UpdateRoundForm
from offers.models import ChangeRequest, ImportBatch, UpdateRequest, UpdateRound
from offers.selectors.coverage import coverage, coverage_table
from offers.services import changes, imports, rounds
from portal.access import MANAGE_CONTENT, StaffRequest, staff_view
from portal.lib.exports import csv_response
from portal.models import Region

# --- change requests ------------------------------------------------------------------------


@staff_view(MANAGE_CONTENT)
def change_request_list(request: HttpRequest, region: Region) -> HttpResponse:
    status = request.GET.get("status", ChangeRequest.Status.PENDING)
    if status not in ChangeRequest.Status.values:
        status = ChangeRequest.Status.PENDING
    items = (
        ChangeRequest.objects.in_region(region)
        .filter(status=status)
        .select_related("offer", "organisation")
    )
    context = {
        "region": region,
        "items": items[:200],
        "status": status,
        "statuses": ChangeRequest.Status.choices,
    }
    return render(request, "offers/staff/change_request_list.html", context)


@staff_view(MANAGE_CONTENT)
def change_request_detail(request: StaffRequest, region: Region, pk: int) -> HttpResponse:
    change_request = get_object_or_404(
        ChangeRequest.objects.in_region(region).select_related("offer", "organisation"), pk=pk
    )
    form = DecisionForm(
        request.POST or None,
        initial={"notify": True},
        can_notify=bool(change_request.submitter_email),
    )
    if request.method == "POST" and change_request.status != ChangeRequest.Status.PENDING:
        messages.info(request, _("This change request has already been decided."))
        return redirect("offers_staff:change_request_detail", region=region.slug, pk=pk)
    if request.method == "POST" and form.is_valid():
        return _decide(request, region, change_request, form.cleaned_data)
    context = {
        "region": region,
        "item": change_request,
        "diff": changes.change_request_diff(change_request),
        "form": form,
    }
    status = 400 if form.errors else 200
    return render(request, "offers/staff/change_request_detail.html", context, status=status)


def _decide(
    request: StaffRequest, region: Region, change_request: ChangeRequest, decision: dict[str, Any]
) -> HttpResponse:
    note: str = decision["note"]
    notify: bool = decision.get("notify", False)
    done: object  # what was decided: the changed record or the closed request; None if nothing
    if decision["decision"] == "accept":
        try:
            done = changes.change_request_accept(
                change_request=change_request, user=request.user, note=note, notify=notify
            )
        except changes.ChangeNotApplicable as exc:
            errors = "; ".join(f"{k}: {' '.join(str(m) for m in v)}" for k, v in exc.errors.items())
            messages.error(
                request, _("The change cannot be applied: %(errors)s") % {"errors": errors}
            )
            return redirect(
                "offers_staff:change_request_detail", region=region.slug, pk=change_request.pk
            )
        success = _("Accepted and applied.")
    else:
        done = changes.change_request_reject(
            change_request=change_request, user=request.user, note=note, notify=notify
        )
        success = _("Rejected.")
    if done is None:  # a second submit, or a colleague was faster
        messages.info(request, _("This change request has already been decided."))
    else:
        messages.success(request, success)
    return redirect("offers_staff:change_request_list", region=region.slug)


# --- update rounds --------------------------------------------------------------------------


@staff_view(MANAGE_CONTENT)
def round_list(request: StaffRequest, region: Region) -> HttpResponse:
    form = UpdateRoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        update_round, started = rounds.round_start(
            region=region, user=request.user, **form.cleaned_data
        )
        if started:
            messages.success(
                request,
                _("The round has started: %(n)d e-mails are on their way.")
                % {"n": update_round.requests.count()},
            )
        else:
            messages.info(
                request,
                _("“%(name)s” is still running; no second round was started.")
                % {"name": update_round.name},
            )
        return redirect("offers_staff:round_detail", region=region.slug, pk=update_round.pk)
    context = {
        "region": region,
        "rounds": UpdateRound.objects.in_region(region),
        "running": rounds.open_round(region),
        "form": form,
    }
    return render(
        request, "offers/staff/round_list.html", context, status=400 if form.errors else 200
    )


@staff_view(MANAGE_CONTENT)
def round_detail(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    update_round = get_object_or_404(UpdateRound.objects.in_region(region), pk=pk)
    context = {
        "region": region,
        "round": update_round,
        "progress": rounds.round_progress(update_round),
    }
    return render(request, "offers/staff/round_detail.html", context)


@staff_view(MANAGE_CONTENT)
@require_POST
def round_resend(request: HttpRequest, region: Region, pk: int, request_pk: int) -> HttpResponse:
    update_request = get_object_or_404(
        UpdateRequest.objects.in_region(region).select_related(
            "round__region", "organisation", "contact__user"
        ),
        pk=request_pk,
        round_id=pk,
    )
    if not update_request.is_usable:
        messages.error(request, _("This contact no longer has access; the link was not sent."))
    elif update_request.round.closed_at is None:
        rounds.send_request(update_request=update_request, reminder=True)
        messages.success(request, _("Sent again to %(email)s.") % {"email": update_request.email})
    else:
        messages.error(request, _("This round is closed."))
    return redirect("offers_staff:round_detail", region=region.slug, pk=pk)


# --- import ---------------------------------------------------------------------------------


@staff_view(MANAGE_CONTENT)
def import_upload(request: StaffRequest, region: Region) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        batch = ImportBatch.objects.create(
            region=region,
            what=form.cleaned_data["what"],
            filename=upload.name[:200],
            content=upload.read(),
            uploaded_by=request.user,
        )
        return redirect("offers_staff:import_preview", region=region.slug, pk=batch.pk)
    status = 400 if form.errors else 200
    return render(
        request, "offers/staff/import_upload.html", {"region": region, "form": form}, status=status
    )


@staff_view(MANAGE_CONTENT)
def import_preview(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    batch = get_object_or_404(ImportBatch.objects.in_region(region), pk=pk)
    if request.method == "POST" and batch.committed_at is None:
        try:
            created = imports.commit(batch=batch)
        except imports.ImportFileError as exc:
            messages.error(request, str(exc))
        except imports.ImportHasErrors:
            messages.error(request, _("The file has errors; nothing was imported."))
        else:
            messages.success(request, _("%(n)d records imported.") % {"n": created})
            return redirect("offers_staff:import_preview", region=region.slug, pk=batch.pk)
    try:
        result = imports.preview(batch)
        file_error = ""
    except imports.ImportFileError as exc:
        result, file_error = None, str(exc)
    context = {"region": region, "batch": batch, "result": result, "file_error": file_error}
    return render(request, "offers/staff/import_preview.html", context)


# --- coverage -------------------------------------------------------------------------------


@staff_view(MANAGE_CONTENT)
def coverage_view(request: HttpRequest, region: Region) -> HttpResponse:
    return render(
        request, "offers/staff/coverage.html", {"region": region, "coverage": coverage(region)}
    )


@staff_view(MANAGE_CONTENT)
def coverage_csv(request: HttpRequest, region: Region) -> HttpResponse:
    header, rows = coverage_table(coverage(region))
    return csv_response(f"{region.slug}-abdeckung", header, rows)
