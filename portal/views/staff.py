"""Back-office of the portal app. Every view starts with ``staff_view``: see portal/access.py."""

from __future__ import annotations

from itertools import islice

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import RestrictedError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal import services
from portal.access import (
    MANAGE_CONTENT,
    MANAGE_REGION,
    MANAGE_REGISTRATIONS,
    StaffRequest,
    staff_view,
)
from portal.forms import (
    BarrierStatusForm,
    FieldOfActionForm,
    InvitationForm,
    RegionOfficeForm,
    RoleForm,
    formset_rows,
    model_data,
    office_formsets,
)
from portal.lib import mail as lib_mail
from portal.models import (
    BarrierReport,
    FieldOfAction,
    Invitation,
    Membership,
    OutgoingMail,
    Region,
)
from portal.selectors import region_history


@login_required
def home(request: HttpRequest) -> HttpResponse:
    regions = list(Region.objects.for_user(request.user))
    if len(regions) == 1:
        return redirect("portal_staff:dashboard", region=regions[0].slug)
    return render(request, "portal/staff/home.html", {"regions": regions})


@staff_view(MANAGE_REGISTRATIONS)
def dashboard(request: StaffRequest, region: Region) -> HttpResponse:
    context = {
        "region": region,
        "new_barrier_reports": BarrierReport.objects.in_region(region)
        .filter(status=BarrierReport.Status.NEW)
        .count(),
        "failed_mails": OutgoingMail.objects.in_region(region)
        .visible_to(request.membership)
        .filter(status=OutgoingMail.Status.FAILED)
        .count(),
        "team_count": Membership.objects.in_region(region).count(),
        "fields_count": FieldOfAction.objects.in_region(region).count(),
    }
    return render(request, "portal/staff/dashboard.html", context)


@staff_view(MANAGE_REGION)
def office_edit(request: HttpRequest, region: Region) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    form = RegionOfficeForm(data, request.FILES or None, instance=region)
    formsets = office_formsets(region, data)
    if data is not None:
        valid = form.is_valid()
        valid = all([fs.is_valid() for fs, _title in formsets.values()]) and valid
        if valid:
            services.region_office_save(
                region=region,
                data=model_data(form),
                rows=[row for fs, _title in formsets.values() for row in formset_rows(fs)],
            )
            messages.success(request, _("Saved."))
            return redirect("portal_staff:office_edit", region=region.slug)
        messages.error(request, _("Please correct the marked fields."))
    context = {"region": region, "form": form, "formsets": formsets}
    status = 400 if data is not None else 200
    return render(request, "portal/staff/office_edit.html", context, status=status)


# --- team and invitations ------------------------------------------------------------------


@staff_view(MANAGE_REGION)
def team(request: HttpRequest, region: Region) -> HttpResponse:
    context = {
        "region": region,
        "memberships": Membership.objects.in_region(region).select_related("user"),
        "invitations": Invitation.objects.in_region(region).pending(),
        "form": InvitationForm(),
        "role_form": RoleForm(),
    }
    return render(request, "portal/staff/team.html", context)


@staff_view(MANAGE_REGION)
@require_POST
def invite(request: StaffRequest, region: Region) -> HttpResponse:
    form = InvitationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please enter a valid e-mail address and role."))
        return redirect("portal_staff:team", region=region.slug)
    services.invitation_create(
        region=region,
        email=form.cleaned_data["email"],
        role=form.cleaned_data["role"],
        invited_by=request.user,
    )
    messages.success(request, _("The invitation is on its way."))
    return redirect("portal_staff:team", region=region.slug)


@staff_view(MANAGE_REGION)
@require_POST
def invitation_withdraw(request: StaffRequest, region: Region, pk: int) -> HttpResponse:
    invitation = get_object_or_404(Invitation.objects.in_region(region).pending(), pk=pk)
    services.invitation_withdraw(invitation=invitation)
    messages.success(request, _("The invitation was withdrawn; its link no longer works."))
    return redirect("portal_staff:team", region=region.slug)


@staff_view(MANAGE_REGION)
@require_POST
def membership_update(request: StaffRequest, region: Region, pk: int) -> HttpResponse:
    membership = get_object_or_404(Membership.objects.in_region(region), pk=pk)
    try:
        if request.POST.get("action") == "remove":
            services.membership_remove(membership=membership, removed_by=request.user)
            messages.success(request, _("Removed."))
        else:
            form = RoleForm(request.POST)
            if form.is_valid():
                services.membership_change_role(
                    membership=membership, role=form.cleaned_data["role"]
                )
                messages.success(request, _("Saved."))
            else:
                messages.error(request, _("Please choose one of the roles."))
    except services.MembershipError as exc:
        messages.error(request, str(exc))
    return redirect("portal_staff:team", region=region.slug)


# --- fields of action -----------------------------------------------------------------------


@staff_view(MANAGE_CONTENT)
def fields_of_action(request: HttpRequest, region: Region) -> HttpResponse:
    form = FieldOfActionForm(request.POST or None, region=region)
    if request.method == "POST" and form.is_valid():
        services.field_of_action_save(
            field_of_action=FieldOfAction(region=region), data=model_data(form)
        )
        messages.success(request, _("Saved."))
        return redirect("portal_staff:fields_of_action", region=region.slug)
    fields = FieldOfAction.objects.in_region(region)
    return render(
        request,
        "portal/staff/fields_of_action.html",
        {"region": region, "fields": fields, "form": form},
    )


@staff_view(MANAGE_CONTENT)
def field_of_action_edit(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    field = get_object_or_404(FieldOfAction.objects.in_region(region), pk=pk)
    form = FieldOfActionForm(request.POST or None, instance=field, region=region)
    if request.method == "POST" and form.is_valid():
        services.field_of_action_save(field_of_action=field, data=model_data(form))
        messages.success(request, _("Saved."))
        return redirect("portal_staff:fields_of_action", region=region.slug)
    return render(
        request,
        "portal/staff/field_of_action_edit.html",
        {"region": region, "form": form, "field": field},
    )


@staff_view(MANAGE_CONTENT)
@require_POST
def field_of_action_delete(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    field = get_object_or_404(FieldOfAction.objects.in_region(region), pk=pk)
    try:
        services.field_of_action_delete(field_of_action=field)
    except RestrictedError:
        messages.error(
            request,
            _(
                "Chapters or measures of an integration concept belong to this field of action; "
                "assign them to another field first. It stays."
            ),
        )
        return redirect("portal_staff:field_of_action_edit", region=region.slug, pk=pk)
    messages.success(request, _("Deleted."))
    return redirect("portal_staff:fields_of_action", region=region.slug)


# --- barrier reports, mail log, history -----------------------------------------------------


@staff_view(MANAGE_CONTENT)
def barrier_reports(request: HttpRequest, region: Region) -> HttpResponse:
    reports = BarrierReport.objects.in_region(region)
    return render(
        request,
        "portal/staff/barrier_reports.html",
        {"region": region, "reports": reports, "form": BarrierStatusForm()},
    )


@staff_view(MANAGE_CONTENT)
@require_POST
def barrier_report_update(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    report = get_object_or_404(BarrierReport.objects.in_region(region), pk=pk)
    form = BarrierStatusForm(request.POST)
    if form.is_valid():
        report.status = form.cleaned_data["status"]
        report.save(update_fields=["status"])
        messages.success(request, _("Saved."))
    return redirect("portal_staff:barrier_reports", region=region.slug)


@staff_view(MANAGE_REGISTRATIONS)
def mail_log(request: StaffRequest, region: Region) -> HttpResponse:
    """The region's mails that the role needs (event staff: participants' mails only)."""
    mails = (
        OutgoingMail.objects.in_region(region)
        .visible_to(request.membership)
        .with_job_state()
        .defer("body_text", "body_html", "attachments")
    )
    return render(request, "portal/staff/mail_log.html", {"region": region, "mails": mails[:200]})


@staff_view(MANAGE_REGION)
def mail_detail(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    """One mail as it was sent (text body, attachments' names), for coordinators only: the
    text holds personal links (self-service, invitations)."""
    mail = get_object_or_404(OutgoingMail.objects.in_region(region).with_job_state(), pk=pk)
    return render(
        request,
        "portal/staff/mail_detail.html",
        {
            "region": region,
            "mail": mail,
            "copies": mail.resends.count(),
            "resends": mail.resends.order_by("created_at"),
        },
    )


@staff_view(MANAGE_REGION)
@require_POST
def mail_resend(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    mail = get_object_or_404(OutgoingMail.objects.in_region(region), pk=pk)
    try:
        copy_number = int(request.POST.get("copies", ""))
    except ValueError:
        copy_number = mail.resends.count()
    queued = lib_mail.resend_mail(mail=mail, copy_number=copy_number)
    if queued is None:
        messages.info(request, _("Nothing to do: the e-mail is already queued again."))
    else:
        messages.success(request, _("The e-mail is queued and will be sent again shortly."))
    return redirect("portal_staff:mail_detail", region=region.slug, pk=(queued or mail).pk)


@staff_view(MANAGE_REGION)
def history(request: HttpRequest, region: Region) -> HttpResponse:
    entries = list(islice(region_history(region), 200))
    return render(request, "portal/staff/history.html", {"region": region, "entries": entries})
