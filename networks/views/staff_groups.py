"""Back-office: working groups, their meetings and files, join requests."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from networks import services
from networks.forms import (
    JoinRequestAnswerForm,
    MeetingDocumentForm,
    MeetingForm,
    WorkingGroupForm,
)
from networks.models import JoinRequest, MeetingDocument, WorkingGroup, WorkingGroupMeeting
from portal.access import MANAGE_CONTENT, StaffRequest, staff_view
from portal.lib.responses import render_form, stored_file_response
from portal.models import Region


@staff_view(MANAGE_CONTENT)
def group_list(request: HttpRequest, region: Region) -> HttpResponse:
    groups = (
        WorkingGroup.objects.in_region(region)
        .select_related("lead_organisation", "lead_person")
        .prefetch_related("fields_of_action")
    )
    open_requests = JoinRequest.objects.in_region(region).open().count()
    return render(
        request,
        "networks/staff/group_list.html",
        {"region": region, "groups": groups, "open_requests": open_requests},
    )


@staff_view(MANAGE_CONTENT)
def group_add(request: HttpRequest, region: Region) -> HttpResponse:
    form = WorkingGroupForm(request.POST or None, region=region)
    if request.method == "POST" and form.is_valid():
        form.instance.region = region
        group = form.save()
        messages.success(request, _("Saved."))
        return redirect("networks_staff:group_edit", region=region.slug, pk=group.pk)
    return render_form(
        request,
        "networks/staff/form.html",
        {
            "region": region,
            "form": form,
            "title": _("Add a working group"),
            "back_url": reverse("networks_staff:group_list", args=[region.slug]),
        },
    )


@staff_view(MANAGE_CONTENT)
def group_edit(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    group = get_object_or_404(WorkingGroup.objects.in_region(region), pk=pk)
    form = WorkingGroupForm(request.POST or None, instance=group, region=region)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Saved."))
        return redirect("networks_staff:group_edit", region=region.slug, pk=group.pk)
    context = {
        "region": region,
        "group": group,
        "form": form,
        "meetings": group.meetings.prefetch_related("documents"),
        "join_requests": group.join_requests.all()[:20],
    }
    return render(
        request, "networks/staff/group_edit.html", context, status=400 if form.errors else 200
    )


@staff_view(MANAGE_CONTENT)
@require_POST
def group_delete(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    group = get_object_or_404(WorkingGroup.objects.in_region(region), pk=pk)
    group.delete()
    messages.success(request, _("Deleted."))
    return redirect("networks_staff:group_list", region=region.slug)


# --- meetings -------------------------------------------------------------------------------


@staff_view(MANAGE_CONTENT)
def meeting_add(request: HttpRequest, region: Region, group_pk: int) -> HttpResponse:
    group = get_object_or_404(WorkingGroup.objects.in_region(region), pk=group_pk)
    form = MeetingForm(request.POST or None, region=region)
    if request.method == "POST" and form.is_valid():
        form.instance.working_group = group
        meeting = form.save()
        messages.success(request, _("Saved."))
        return redirect("networks_staff:meeting_edit", region=region.slug, pk=meeting.pk)
    return render_form(
        request,
        "networks/staff/form.html",
        {
            "region": region,
            "form": form,
            "title": _("New meeting of %(group)s") % {"group": group.name},
            "back_url": reverse("networks_staff:group_edit", args=[region.slug, group.pk]),
        },
    )


@staff_view(MANAGE_CONTENT)
def meeting_edit(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    meeting = get_object_or_404(
        WorkingGroupMeeting.objects.in_region(region).select_related("working_group"), pk=pk
    )
    form = MeetingForm(request.POST or None, instance=meeting, region=region)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Saved."))
        return redirect("networks_staff:meeting_edit", region=region.slug, pk=meeting.pk)
    return _meeting_page(request, region, meeting, form, MeetingDocumentForm())


def _meeting_page(request, region, meeting, form, document_form) -> HttpResponse:
    context = {
        "region": region,
        "meeting": meeting,
        "group": meeting.working_group,
        "form": form,
        "document_form": document_form,
        "documents": meeting.documents.all(),
    }
    failed = form.errors or document_form.errors
    return render(
        request, "networks/staff/meeting_edit.html", context, status=400 if failed else 200
    )


@staff_view(MANAGE_CONTENT)
@require_POST
def meeting_delete(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    meeting = get_object_or_404(WorkingGroupMeeting.objects.in_region(region), pk=pk)
    group_pk = meeting.working_group_id
    meeting.delete()
    messages.success(request, _("Deleted."))
    return redirect("networks_staff:group_edit", region=region.slug, pk=group_pk)


@staff_view(MANAGE_CONTENT)
@require_POST
def document_upload(request: HttpRequest, region: Region, meeting_pk: int) -> HttpResponse:
    meeting = get_object_or_404(
        WorkingGroupMeeting.objects.in_region(region).select_related("working_group"),
        pk=meeting_pk,
    )
    document_form = MeetingDocumentForm(request.POST, request.FILES)
    if document_form.is_valid():
        services.meeting_document_add(
            meeting=meeting,
            title=document_form.cleaned_data["title"],
            upload=document_form.cleaned_data["file"],
        )
        messages.success(request, _("The file was attached."))
        return redirect("networks_staff:meeting_edit", region=region.slug, pk=meeting.pk)
    return _meeting_page(
        request, region, meeting, MeetingForm(instance=meeting, region=region), document_form
    )


@staff_view(MANAGE_CONTENT)
def document_download(request: HttpRequest, region: Region, pk: int):
    document = get_object_or_404(MeetingDocument.objects.in_region(region), pk=pk)
    return stored_file_response(request, document.file, content_type=document.content_type)


@staff_view(MANAGE_CONTENT)
@require_POST
def document_delete(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    document = get_object_or_404(MeetingDocument.objects.in_region(region), pk=pk)
    meeting_pk = document.meeting_id
    document.file.delete(save=False)
    document.delete()
    messages.success(request, _("Deleted."))
    return redirect("networks_staff:meeting_edit", region=region.slug, pk=meeting_pk)


# --- join requests --------------------------------------------------------------------------


@staff_view(MANAGE_CONTENT)
def join_request_list(request: HttpRequest, region: Region) -> HttpResponse:
    requests_ = JoinRequest.objects.in_region(region).select_related("working_group")
    return render(
        request,
        "networks/staff/join_request_list.html",
        {"region": region, "join_requests": requests_},
    )


@staff_view(MANAGE_CONTENT)
def join_request_detail(request: StaffRequest, region: Region, pk: int) -> HttpResponse:
    join_request = get_object_or_404(
        JoinRequest.objects.in_region(region).select_related("working_group", "answered_by"),
        pk=pk,
    )
    form = JoinRequestAnswerForm(request.POST or None)
    if request.method == "POST":
        if join_request.status != JoinRequest.Status.NEW:
            messages.info(request, _("This request has already been answered."))
            return redirect("networks_staff:join_request_detail", region=region.slug, pk=pk)
        if form.is_valid():
            answered = services.join_request_answer(
                join_request=join_request,
                status=form.cleaned_data["status"],
                answer=form.cleaned_data["answer"],
                user=request.user,
            )
            if answered is None:  # a second submit, or a colleague was faster
                messages.info(request, _("This request has already been answered."))
            elif answered.status == JoinRequest.Status.ACCEPTED:
                messages.success(
                    request,
                    _("%(name)s is now a member of %(group)s. Your answer is on its way.")
                    % {"name": answered.name, "group": answered.working_group.name},
                )
            else:
                messages.success(request, _("Your answer is on its way."))
            return redirect("networks_staff:join_request_list", region=region.slug)
    return render(
        request,
        "networks/staff/join_request_detail.html",
        {"region": region, "join_request": join_request, "form": form},
        status=400 if form.errors else 200,
    )
