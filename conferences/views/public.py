"""Public pages: event lists, the archive, event pages, registration and self-service."""

from __future__ import annotations

import secrets
import uuid
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db.models import Prefetch, prefetch_related_objects
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from conferences import ical, selectors
from conferences.forms import (
    DateMoveForm,
    EventFilterForm,
    RegistrationForm,
    WorkshopChangeForm,
)
from conferences.models import Event, EventDate, Registration, Workshop
from conferences.services import registrations as services
from portal.access import public_view, set_page_region
from portal.languages import language_url
from portal.lib import jsonld, ratelimit
from portal.lib.markdown import render_markdown
from portal.lib.responses import stored_file_response
from portal.models import Region
from portal.translations import (
    TranslatedText,
    jsonld_value,
    prefetch_texts,
    texts_of,
    translated,
)

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise as StrOrPromise


def _filters(form: EventFilterForm) -> selectors.EventFilters:
    if not form.is_valid():
        return selectors.EventFilters()
    return selectors.EventFilters(**{k: v for k, v in form.cleaned_data.items() if v})


def events_all(request: HttpRequest) -> HttpResponse:
    """Upcoming events of every county."""
    form = EventFilterForm(request.GET or None)
    events = list(selectors.upcoming_events(filters=_filters(form)))
    prefetch_texts(events, get_language())
    return render(request, "conferences/event_list.html", {"events": events, "form": form})


@public_view
def event_list(request: HttpRequest, region: Region) -> HttpResponse:
    form = EventFilterForm(request.GET or None, region=region)
    events = list(selectors.upcoming_events(region, _filters(form)))
    prefetch_texts(events, get_language(), region=region)
    return render(
        request,
        "conferences/event_list.html",
        {"region": region, "events": events, "form": form},
    )


@public_view
def event_archive(request: HttpRequest, region: Region) -> HttpResponse:
    events = list(selectors.past_events(region))
    prefetch_texts(events, get_language(), region=region)
    return render(request, "conferences/event_archive.html", {"region": region, "events": events})


def _public_event(request: HttpRequest, region: str, slug: str) -> Event:
    """The published event with its region, in one query (the registration path is hot)."""
    event = get_object_or_404(
        Event.objects.published().select_related("region"), region__slug=region, slug=slug
    )
    set_page_region(request, event.region)  # the footer links to this region's legal pages
    return event


def _json_ld(event: Event, dates: list[EventDate], language: str) -> list[str]:
    """schema.org Event, one per date, with the seats it has and has left; names and
    descriptions in the page's language, tagged with the language they are written in
    (``inLanguage`` is the language the event is held in)."""
    url = settings.SITE_URL + event.get_absolute_url()
    if language != settings.LANGUAGE_CODE:
        url = language_url(event.get_absolute_url(), language)
    texts = texts_of(event, language, region=event.region)
    blocks: list[str] = []
    for event_date in dates:
        label = f" ({event_date.label})" if event_date.label else ""
        data: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": jsonld_value(
                TranslatedText(
                    texts.title.text + label,
                    texts.title.language,
                    texts.title.status,
                    texts.title.requested,
                ),
                document_language=event.language,
            ),
            "description": jsonld_value(texts.summary, document_language=event.language),
            "url": url,
            "startDate": timezone.localtime(event_date.start).isoformat(),
            "endDate": timezone.localtime(event_date.end).isoformat(),
            "eventStatus": "https://schema.org/EventCancelled"
            if event.is_cancelled or event_date.cancelled
            else "https://schema.org/EventScheduled",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "isAccessibleForFree": True,
            "inLanguage": event.language,
            "organizer": {
                "@type": "GovernmentOrganization",
                "name": f"{event.region.office_name}, {event.region.name}",
                "url": settings.SITE_URL + event.region.get_absolute_url(),
            },
        }
        if event_date.venue:
            venue = event_date.venue
            data["location"] = jsonld.place(
                name=venue.name,
                street=venue.street,
                postcode=venue.postcode,
                city=venue.city,
                latitude=venue.latitude,
                longitude=venue.longitude,
            )
        if event_date.seats is not None:
            data["maximumAttendeeCapacity"] = event_date.seats
            data["remainingAttendeeCapacity"] = event_date.remaining
        blocks.append(jsonld.json_ld(data))
    return blocks


def event_detail(request: HttpRequest, region: str, slug: str) -> HttpResponse:
    event = _public_event(request, region, slug)
    dates = selectors.event_with_details(event)
    if event.documentation_published:
        workshops = [w for d in dates for w in d.workshops.all()]
        measures = selectors.public_measures_by_workshop(w for w in workshops if w.has_results)
        for workshop in workshops:
            workshop.public_measures = measures.get(workshop.pk, [])
    language = get_language()
    # The template reads the fields twice; one query, and the same objects for their texts.
    prefetch_related_objects([event], "fields_of_action")
    prefetch_texts(
        [
            event,
            *event.fields_of_action.all(),
            *(item for d in dates for item in d.programme.all()),
            *(workshop for d in dates for workshop in d.workshops.all()),
        ],
        language,
        region=event.region,
    )
    context = {
        "region": event.region,
        "event": event,
        "dates": dates,
        "documentation": render_markdown(event.documentation)
        if event.documentation_published
        else "",
        "json_ld": _json_ld(event, dates, language),
        "registration_state": event.registration_state(),
        "bookable": [d for d in dates if not d.cancelled and not d.is_past],
    }
    return render(request, "conferences/event_detail.html", context)


def event_ics(request: HttpRequest, region: str, slug: str) -> HttpResponse:
    event = _public_event(request, region, slug)
    dates = event.dates.select_related("venue", "event__region")
    language = get_language()
    title = translated(event, "title", language, region=event.region).text
    response = HttpResponse(
        ical.calendar_bytes(title, dates, language), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response


@public_view
def region_calendar(request: HttpRequest, region: Region) -> HttpResponse:
    """iCalendar feed of the region's events (recent and upcoming dates)."""
    since = timezone.now() - timedelta(days=90)
    dates = (
        EventDate.objects.in_region(region)
        .filter(end__gte=since)
        .exclude(event__status=Event.Status.DRAFT)
        .select_related("venue", "event__region")
    )
    name = _("Events: %(region)s") % {"region": region.name}
    response = HttpResponse(
        ical.calendar_bytes(name, dates, get_language()),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'inline; filename="{region.slug}-events.ics"'
    return response


# --- registration ---------------------------------------------------------------------------


def _bookable_dates(event: Event) -> list[EventDate]:
    dates = list(
        event.dates.filter(cancelled=False, end__gte=timezone.now())
        .select_related("venue")
        .prefetch_related(Prefetch("workshops", queryset=Workshop.objects.all()))
    )
    return selectors.annotate_seats(dates)


def _create_registration(request: HttpRequest, data: dict) -> Registration:
    participant = services.ParticipantData(
        name=data["name"],
        email=data["email"],
        organisation=data.get("organisation", ""),
        phone=data.get("phone", ""),
        accessibility_needs=data.get("accessibility_needs", ""),
        dietary_needs=data.get("dietary_needs", ""),
        language=request.LANGUAGE_CODE,
        consent=data["consent"],
    )
    registration, _created = services.registration_create(
        event_date=data["event_date"],
        participant=participant,
        first_choice=data.get("first_choice"),
        second_choice=data.get("second_choice"),
        idempotency_key=data["idempotency_key"],
    )
    return registration


@require_http_methods(["GET", "POST"])
def register(request: HttpRequest, region: str, slug: str) -> HttpResponse:
    event = _public_event(request, region, slug)
    state = event.registration_state()
    is_post = request.method == "POST"
    problem: StrOrPromise | None = None
    fresh_key = False
    limited = False
    if is_post and state == "open":
        # The hot path of a rush: the service checks the date and workshop ids under the
        # date's lock, so the dates are only loaded when the form has to be shown again.
        submitted = RegistrationForm(request.POST, event=event, dates=None)
        if limited := not ratelimit.hit("registration", request):
            problem = ratelimit.MESSAGE
        elif submitted.is_valid():
            try:
                registration = _create_registration(request, submitted.cleaned_data)
            except services.IdempotencyKeyReused as error:
                problem = error.message
                fresh_key = True
            except services.RegistrationError as error:
                problem = error.message
            else:
                return redirect(
                    "conferences:registration_confirmation",
                    pk=registration.pk,
                    token=registration.token,
                )
    dates = _bookable_dates(event) if state == "open" else []
    if not dates:
        return render(
            request,
            "conferences/registration_closed.html",
            {"region": event.region, "event": event, "state": state},
            status=409 if is_post else 200,
        )
    initial: dict[str, Any] = {"idempotency_key": uuid.uuid4()}
    if request.GET.get("date"):
        initial["event_date"] = request.GET["date"]  # "Register for this date" on the event page
    elif len(dates) == 1:
        initial["event_date"] = dates[0].pk  # the only date: nothing to choose
    data: QueryDict | None = request.POST or None
    if fresh_key:
        # The visitor's own data again, under a new key, ready to be sent once more.
        data = request.POST.copy()
        data["idempotency_key"] = str(initial["idempotency_key"])
    form = RegistrationForm(data, event=event, dates=dates, initial=initial)
    if is_post:
        form.is_valid()  # the same data against the full choices: errors next to the fields
        if problem:
            form.add_error(None, problem)
    context = {"region": event.region, "event": event, "form": form, "dates": dates}
    response = render(
        request, "conferences/register.html", context, status=400 if form.errors else 200
    )
    return ratelimit.too_many(response) if limited else response


def _registration_by_token(pk: int, token: str) -> Registration | None:
    registration = (
        Registration.objects.select_related(
            "event_date__event__region",
            "event_date__venue",
            "workshop",
            "first_choice",
            "second_choice",
        )
        .filter(pk=pk)
        .first()
    )
    # Compare in constant time so the token cannot be guessed byte by byte.
    if (
        registration is None
        or not registration.token
        or not secrets.compare_digest(registration.token.encode(), token.encode())
    ):
        return None
    return registration


def _invalid_link(request: HttpRequest) -> HttpResponse:
    return render(request, "conferences/registration_invalid.html", status=404)


# The participant's own pages show their name and e-mail address and carry their link:
# never stored by the page cache, a proxy or the browser (never_cache: private, no-store).
@never_cache
def registration_confirmation(request: HttpRequest, pk: int, token: str) -> HttpResponse:
    registration = _registration_by_token(pk, token)
    if registration is None:
        return _invalid_link(request)
    set_page_region(request, registration.event_date.event.region)
    return render(
        request,
        "conferences/registration_confirmation.html",
        {"registration": registration, "event": registration.event_date.event},
    )


def _can_change(registration: Registration) -> bool:
    """A seat or a waiting place on a date that is not over can still be changed."""
    return (
        registration.status in (Registration.Status.CONFIRMED, Registration.Status.WAITING)
        and not registration.event_date.is_past
    )


DONE = {"cancelled", "changed", "moved"}


@never_cache
@require_http_methods(["GET", "POST"])
def self_service(request: HttpRequest, pk: int, token: str) -> HttpResponse:
    """The participant's own page (link in every e-mail): view, change workshops, move to
    another date of the event, and (after confirming) cancel."""
    registration = _registration_by_token(pk, token)
    if registration is None:
        return _invalid_link(request)
    event_date = registration.event_date
    event = event_date.event
    set_page_region(request, event.region)
    can_change = _can_change(registration)
    action = request.POST.get("action") if request.method == "POST" else None
    # Prefetch so that the workshops listed are the ones annotate_seats() fills in.
    prefetch_related_objects([event_date], "workshops")
    workshops = list(event_date.workshops.all())
    if workshops:
        selectors.annotate_seats([event_date])
    change_form = move_form = None
    if workshops and can_change:
        change_form = WorkshopChangeForm(
            request.POST if action == "change" else None,
            event_date=event_date,
            initial={
                "first_choice": registration.first_choice_id,
                "second_choice": registration.second_choice_id,
            },
        )
    other_dates = (
        [d for d in _bookable_dates(event) if d.pk != event_date.pk]
        if can_change and event.registration_open
        else []
    )
    if other_dates:
        move_form = DateMoveForm(request.POST if action == "move" else None, dates=other_dates)
    error: StrOrPromise = ""
    try:
        if action == "change" and change_form is not None and change_form.is_valid():
            services.registration_change_workshops(
                registration=registration,
                first_choice=change_form.cleaned_data["first_choice"],
                second_choice=change_form.cleaned_data.get("second_choice"),
            )
            return redirect(f"{request.path}?done=changed")
        if action == "move" and move_form is not None and move_form.is_valid():
            services.registration_move_date(
                registration=registration,
                event_date=move_form.cleaned_data["event_date"],
                first_choice=move_form.cleaned_data.get("first_choice"),
                second_choice=move_form.cleaned_data.get("second_choice"),
            )
            return redirect(f"{request.path}?done=moved")
    except services.RegistrationError as exc:
        error = exc.message
    forms_with_errors = any(f is not None and f.errors for f in (change_form, move_form))
    done = request.GET.get("done", "")
    context = {
        "registration": registration,
        "event": event,
        "event_date": event_date,
        "workshops": workshops,
        "can_change": can_change,
        "change_form": change_form,
        "move_form": move_form,
        "error": error,
        "done": done if done in DONE else "",
        "event_url": event.get_absolute_url(),
    }
    status = 400 if error or forms_with_errors else 200
    return render(request, "conferences/self_service.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def self_service_cancel(request: HttpRequest, pk: int, token: str) -> HttpResponse:
    """Cancelling asks first: this page, then the POST from it (no script needed)."""
    registration = _registration_by_token(pk, token)
    if registration is None:
        return _invalid_link(request)
    set_page_region(request, registration.event_date.event.region)
    back = registration.self_service_path()
    if not _can_change(registration):
        return redirect(back)
    if request.method == "POST":
        services.registration_cancel(registration=registration)
        return redirect(f"{back}?done=cancelled")
    return render(
        request,
        "conferences/self_service_cancel.html",
        {"registration": registration, "event": registration.event_date.event, "back": back},
    )


@require_GET
def event_image(request: HttpRequest, region: str, slug: str) -> HttpResponse:
    """The event's image, for published events only (a draft's image stays private)."""
    import mimetypes

    event = _public_event(request, region, slug)
    image = event.image
    content_type = mimetypes.guess_type(image.name or "")[0] or "application/octet-stream"
    response = stored_file_response(request, image, content_type=content_type, as_attachment=False)
    response["Cache-Control"] = "public, max-age=3600"
    return response
