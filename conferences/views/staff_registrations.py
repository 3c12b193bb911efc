"""Back-office: participants of a date, check-in, moves, messages, exports and PDFs.

All of it needs only MANAGE_REGISTRATIONS, so event staff can run the day.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from conferences import selectors
from conferences.forms import MessageForm, MoveForm, StaffRegistrationForm
from conferences.models import EventDate, Registration
from conferences.services import events as event_services
from conferences.services import registrations as services
from portal.access import MANAGE_REGISTRATIONS, staff_view
from portal.lib import exports, pdf
from portal.lib.responses import pdf_response
from portal.models import Region

if TYPE_CHECKING:
    from django.db.models import Field
    from django.utils.functional import _StrOrPromise as StrOrPromise


def _date(region: Region, pk: int) -> EventDate:
    return get_object_or_404(
        EventDate.objects.in_region(region).select_related("event", "venue"), pk=pk
    )


def _registration(region: Region, pk: int) -> Registration:
    return get_object_or_404(
        Registration.objects.in_region(region).select_related("event_date__event", "workshop"),
        pk=pk,
    )


@staff_view(MANAGE_REGISTRATIONS)
def participants(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    event_date = _date(region, pk)
    selectors.annotate_seats([event_date])
    context = {
        "region": region,
        "event_date": event_date,
        "event": event_date.event,
        **selectors.participants(event_date),
    }
    return render(request, "conferences/staff/participants.html", context)


@staff_view(MANAGE_REGISTRATIONS)
def registration_add(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    """A registration taken by phone: same rules (seats, waiting list) as online."""
    event_date = _date(region, pk)
    form = StaffRegistrationForm(request.POST or None, event_date=event_date)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            registration, _created = services.registration_create(
                event_date=event_date,
                participant=services.ParticipantData(
                    name=data["name"],
                    email=data["email"],
                    organisation=data["organisation"],
                    phone=data["phone"],
                    accessibility_needs=data["accessibility_needs"],
                    dietary_needs=data["dietary_needs"],
                    language=data["language"],
                    consent=data["consent"],
                ),
                first_choice=data.get("first_choice"),
                second_choice=data.get("second_choice"),
                source=Registration.Source.STAFF,
                check_open=False,
            )
        except services.RegistrationError as error:
            form.add_error(None, error.message)
        else:
            if registration.status == Registration.Status.WAITING:
                messages.warning(
                    request,
                    _("No seat free: %(name)s is on the waiting list.")
                    % {"name": registration.name},
                )
            else:
                messages.success(
                    request, _("%(name)s is registered.") % {"name": registration.name}
                )
            return redirect("conferences_staff:participants", region=region.slug, pk=event_date.pk)
    return render(
        request,
        "conferences/staff/registration_add.html",
        {"region": region, "event_date": event_date, "form": form},
        status=400 if form.errors else 200,
    )


@staff_view(MANAGE_REGISTRATIONS)
def registration_move(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    registration = _registration(region, pk)
    form = MoveForm(request.POST or None, registration=registration)
    if request.method == "POST" and form.is_valid():
        try:
            services.registration_move(
                registration=registration,
                event_date=form.cleaned_data["event_date"],
                workshop=form.cleaned_data["workshop"],
            )
        except services.RegistrationError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Moved."))
            return redirect(
                "conferences_staff:participants",
                region=region.slug,
                pk=form.cleaned_data["event_date"].pk,
            )
    return render(
        request,
        "conferences/staff/registration_move.html",
        {"region": region, "registration": registration, "form": form},
        status=400 if form.errors else 200,
    )


@staff_view(MANAGE_REGISTRATIONS)
def registration_cancel(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    """Asks first (a page of its own, no script); the POST from that page cancels."""
    registration = _registration(region, pk)
    if request.method == "POST":
        was_active = registration.is_active
        registration = services.registration_cancel(registration=registration)
        if was_active:
            messages.success(
                request,
                _("%(name)s is cancelled; the waiting list has moved up.")
                % {"name": registration.name},
            )
        return redirect(
            "conferences_staff:participants", region=region.slug, pk=registration.event_date_id
        )
    return render(
        request,
        "conferences/staff/registration_cancel.html",
        {"region": region, "registration": registration},
    )


@staff_view(MANAGE_REGISTRATIONS)
def checkin(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    """Check-in on the day: big buttons, works on a phone, with or without JavaScript."""
    event_date = _date(region, pk)
    query = request.GET.get("q", "").strip()[:100]
    registrations = (
        Registration.objects.filter(event_date=event_date)
        .holding_seat()
        .select_related("workshop")
        .order_by("name", "id")
    )
    if query:
        registrations = registrations.filter(name__icontains=query)
    context = {
        "region": region,
        "event_date": event_date,
        "registrations": list(registrations),
        "query": query,
        "counts": selectors.checkin_counts(event_date),
    }
    return render(request, "conferences/staff/checkin.html", context)


@staff_view(MANAGE_REGISTRATIONS)
@require_POST
def checkin_toggle(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    registration = _registration(region, pk)
    attended = request.POST.get("attended") == "1"
    registration = services.registration_set_attended(registration=registration, attended=attended)
    if request.headers.get("HX-Request"):
        # The row, and the count of the whole date (swapped out of band).
        return render(
            request,
            "conferences/staff/includes/checkin_row.html",
            {
                "region": region,
                "registration": registration,
                "counts": selectors.checkin_counts(registration.event_date),
                "out_of_band": True,
            },
        )
    return redirect("conferences_staff:checkin", region=region.slug, pk=registration.event_date_id)


@staff_view(MANAGE_REGISTRATIONS)
def message(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    event_date = _date(region, pk)
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        count = event_services.date_message_send(event_date=event_date, **form.cleaned_data)
        messages.success(
            request, _("The message is on its way to %(count)s people.") % {"count": count}
        )
        return redirect("conferences_staff:participants", region=region.slug, pk=event_date.pk)
    return render(
        request,
        "conferences/staff/message.html",
        {"region": region, "event_date": event_date, "form": form},
        status=400 if form.errors else 200,
    )


def _export_rows(event_date: EventDate):
    data = selectors.participants(event_date)
    rows = []
    positions = {r.pk: r.position for r in data["waiting"]}
    for r in data["registrations"]:
        rows.append(
            [
                r.get_status_display(),
                positions.get(r.pk, ""),
                r.name,
                r.email,
                r.organisation,
                r.phone,
                r.workshop.title if r.workshop else "",
                r.first_choice.title if r.first_choice else "",
                r.second_choice.title if r.second_choice else "",
                r.accessibility_needs,
                r.dietary_needs,
                timezone.localtime(r.created_at).strftime("%d.%m.%Y %H:%M"),
                timezone.localtime(r.checked_in_at).strftime("%H:%M") if r.checked_in_at else "",
            ]
        )
    return rows


def _export_header() -> list[StrOrPromise]:
    def label(field: str) -> StrOrPromise:
        return capfirst(cast("Field[Any, Any]", Registration._meta.get_field(field)).verbose_name)

    return [
        _("Status"),
        _("Waiting list"),
        _("Name"),
        _("E-mail"),
        _("Organisation"),
        _("Phone"),
        _("Workshop"),
        label("first_choice"),
        label("second_choice"),
        label("accessibility_needs"),
        label("dietary_needs"),
        label("created_at"),
        _("Checked in"),
    ]


@staff_view(MANAGE_REGISTRATIONS)
def export(request: HttpRequest, region: Region, pk: int, fmt: str) -> HttpResponse:
    event_date = _date(region, pk)
    filename = (
        f"teilnehmende-{event_date.event.slug}-{timezone.localtime(event_date.start):%Y-%m-%d}"
    )
    rows = _export_rows(event_date)
    return exports.table_response(fmt, filename, _export_header(), rows, title=_("Participants"))


@staff_view(MANAGE_REGISTRATIONS)
def sign_in_sheet(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    event_date = _date(region, pk)
    holders = (
        Registration.objects.filter(event_date=event_date)
        .holding_seat()
        .select_related("workshop")
        .order_by("name", "id")
    )
    content = pdf.render_pdf(
        "conferences/pdf/sign_in_sheet.html",
        {"region": region, "event_date": event_date, "event": event_date.event, "rows": holders},
    )
    return pdf_response(content, "unterschriftenliste", as_attachment=False)


@staff_view(MANAGE_REGISTRATIONS)
def badges(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    event_date = _date(region, pk)
    holders = (
        Registration.objects.filter(event_date=event_date)
        .holding_seat()
        .select_related("workshop")
        .order_by("name", "id")
    )
    content = pdf.render_pdf(
        "conferences/pdf/badges.html",
        {"region": region, "event_date": event_date, "event": event_date.event, "rows": holders},
    )
    return pdf_response(content, "namensschilder", as_attachment=False)
