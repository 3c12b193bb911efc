"""Back-office: events, their dates, programme and workshops, venues, results.

Editing needs MANAGE_CONTENT; looking at events (to reach participant lists) only
MANAGE_REGISTRATIONS, so event staff can do registrations and check-in.
"""

from __future__ import annotations

import mimetypes

from django.contrib import messages
from django.db import transaction
from django.db.models import Count, Min, ProtectedError, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from conferences import selectors
from conferences.forms import (
    DocumentationForm,
    EditorAction,
    EventEditor,
    VenueForm,
    WorkshopResultsFormSet,
)
from conferences.models import Event, Registration, Venue, Workshop
from conferences.services import events as services
from portal.access import MANAGE_CONTENT, MANAGE_REGISTRATIONS, staff_view
from portal.lib.responses import stored_file_response
from portal.models import Region


@staff_view(MANAGE_REGISTRATIONS)
def event_list(request: HttpRequest, region: Region) -> HttpResponse:
    events = (
        Event.objects.in_region(region)
        .annotate(
            first_start=Min("dates__start"),
            confirmed=Count(
                "dates__registrations",
                filter=Q(dates__registrations__status__in=Registration.SEAT_STATUSES),
            ),
            waiting=Count(
                "dates__registrations",
                filter=Q(dates__registrations__status=Registration.Status.WAITING),
            ),
        )
        .order_by("-first_start", "-pk")
    )
    return render(
        request, "conferences/staff/event_list.html", {"region": region, "events": events}
    )


@staff_view(MANAGE_REGISTRATIONS)
def event_overview(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    event = get_object_or_404(Event.objects.in_region(region), pk=pk)
    dates = selectors.event_with_details(event)
    waiting = dict(
        Registration.objects.filter(event_date__event=event, status=Registration.Status.WAITING)
        .values_list("event_date")
        .annotate(count=Count("pk"))
        .order_by()
    )
    for event_date in dates:
        event_date.waiting_count = waiting.get(event_date.pk, 0)
    return render(
        request,
        "conferences/staff/event_overview.html",
        {"region": region, "event": event, "dates": dates},
    )


@staff_view(MANAGE_REGISTRATIONS)
@require_GET
def event_image(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    """The event's image for staff, a draft's included (the public view serves only
    published events' images)."""
    event = get_object_or_404(Event.objects.in_region(region), pk=pk)
    content_type = mimetypes.guess_type(event.image.name or "")[0] or "application/octet-stream"
    response = stored_file_response(
        request, event.image, content_type=content_type, as_attachment=False
    )
    response["Cache-Control"] = "private, no-cache"
    return response


@staff_view(MANAGE_CONTENT)
def event_edit(request: HttpRequest, region: Region, pk: int | None = None) -> HttpResponse:
    """The event with one card per date (venue, seats, programme, workshops) on one page.

    "Add …" and "remove" send the form back and get it again with a row more or less, nothing
    saved (with htmx only the date cards are swapped); "Save" saves everything or nothing.
    """
    event = (
        get_object_or_404(Event.objects.in_region(region), pk=pk) if pk else Event(region=region)
    )
    status = 200
    if request.method != "POST":
        editor = EventEditor(event=event, region=region)
    elif action := EditorAction.parse(request.POST.get("editor", "")):
        editor = EventEditor.after(action, event=event, region=region, data=request.POST)
        if request.headers.get("HX-Request"):
            return render(
                request,
                "conferences/staff/includes/event_dates.html",
                {"region": region, "event": event, "editor": editor},
            )
    else:
        editor = EventEditor(event=event, region=region, data=request.POST, files=request.FILES)
        if editor.is_valid():
            event = editor.save()
            services.event_saved(event=event)
            messages.success(request, _("Saved."))
            return redirect("conferences_staff:event_edit", region=region.slug, pk=event.pk)
        status = 400
    context = {"region": region, "event": event, "editor": editor, "form": editor.form}
    return render(request, "conferences/staff/event_edit.html", context, status=status)


@staff_view(MANAGE_CONTENT)
@require_POST
def event_copy(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    event = get_object_or_404(Event.objects.in_region(region), pk=pk)
    copy = services.event_copy(event=event)
    messages.success(request, _("Copied for next year as a draft. Please check the dates."))
    return redirect("conferences_staff:event_edit", region=region.slug, pk=copy.pk)


@staff_view(MANAGE_CONTENT)
@require_POST
def event_status(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    event = get_object_or_404(Event.objects.in_region(region), pk=pk)
    action = request.POST.get("action")
    if event.is_cancelled:
        messages.error(request, _("This event is cancelled; copy it to plan it again."))
    elif action == "publish":
        services.event_publish(event=event)
        messages.success(request, _("The event is published."))
    elif action == "close":
        services.event_set_registration_closed(event=event, closed=True)
        messages.success(request, _("Registration is closed."))
    elif action == "reopen":
        services.event_set_registration_closed(event=event, closed=False)
        messages.success(request, _("Registration is open again."))
    elif action == "cancel" and request.POST.get("confirm") == "yes":
        count = services.event_cancel(event=event)
        messages.success(
            request,
            _("The event is cancelled. %(count)s registered people are being notified.")
            % {"count": count},
        )
    elif action == "cancel":
        messages.error(request, _("Please tick the box to confirm the cancellation."))
    else:
        messages.error(request, _("Unknown action."))
    return redirect("conferences_staff:event_overview", region=region.slug, pk=event.pk)


@staff_view(MANAGE_CONTENT)
@require_POST
def event_delete(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    event = get_object_or_404(Event.objects.in_region(region), pk=pk)
    if request.POST.get("confirm") != "yes":
        messages.error(request, _("Please tick the box to confirm the deletion."))
        return redirect("conferences_staff:event_overview", region=region.slug, pk=pk)
    try:
        services.event_delete(event=event)
    except services.EventNotDeletable:
        messages.error(
            request, _("Only a draft nobody has registered for can be deleted; cancel this event.")
        )
        return redirect("conferences_staff:event_overview", region=region.slug, pk=pk)
    messages.success(request, _("The draft is deleted."))
    return redirect("conferences_staff:event_list", region=region.slug)


@staff_view(MANAGE_CONTENT)
def event_results(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    """Workshop results (needs, recommendations) and the documentation of the event."""
    event = get_object_or_404(Event.objects.in_region(region), pk=pk)
    data = request.POST if request.method == "POST" else None
    form = DocumentationForm(data, instance=event, prefix="doc")
    results = WorkshopResultsFormSet(
        data,
        queryset=Workshop.objects.filter(event_date__event=event).select_related("event_date"),
        prefix="results",
    )
    if request.method == "POST" and form.is_valid() and results.is_valid():
        with transaction.atomic():
            form.save()
            results.save()
        messages.success(request, _("Saved."))
        return redirect("conferences_staff:event_results", region=region.slug, pk=event.pk)
    return render(
        request,
        "conferences/staff/event_results.html",
        {"region": region, "event": event, "form": form, "results": results},
        status=400 if request.method == "POST" else 200,
    )


@staff_view(MANAGE_CONTENT)
def venue_list(request: HttpRequest, region: Region) -> HttpResponse:
    form = VenueForm(request.POST or None, region=region)
    if request.method == "POST" and form.is_valid():
        form.instance.region = region
        form.save()
        messages.success(request, _("Saved."))
        return redirect("conferences_staff:venue_list", region=region.slug)
    venues = Venue.objects.in_region(region).select_related("municipality")
    return render(
        request,
        "conferences/staff/venue_list.html",
        {"region": region, "venues": venues, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@staff_view(MANAGE_CONTENT)
def venue_edit(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    venue = get_object_or_404(Venue.objects.in_region(region), pk=pk)
    form = VenueForm(request.POST or None, instance=venue, region=region)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Saved."))
        return redirect("conferences_staff:venue_list", region=region.slug)
    return render(
        request,
        "conferences/staff/venue_edit.html",
        {"region": region, "venue": venue, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@staff_view(MANAGE_CONTENT)
@require_POST
def venue_delete(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    venue = get_object_or_404(Venue.objects.in_region(region), pk=pk)
    try:
        venue.delete()
    except ProtectedError:
        messages.error(request, _("Event dates still take place at this venue; it stays."))
        return redirect("conferences_staff:venue_edit", region=region.slug, pk=pk)
    messages.success(request, _("Deleted."))
    return redirect("conferences_staff:venue_list", region=region.slug)
