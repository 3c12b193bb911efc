"""Reads of the conferences app that are more than a filter."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, TypedDict
from uuid import UUID

from django.db.models import Count, F, Min, Prefetch, Q, QuerySet
from django.utils import timezone

from conferences.models import Event, EventDate, ProgrammeItem, Registration, Workshop
from portal.models import Region

if TYPE_CHECKING:
    from networks.models import Measure


@dataclass
class EventFilters:
    field: str = ""
    kind: str = ""
    municipality: str = ""
    date_from: date | None = None
    date_to: date | None = None


def _with_dates(queryset: QuerySet[Event]) -> QuerySet[Event]:
    return queryset.select_related("region").prefetch_related(
        Prefetch("dates", queryset=EventDate.objects.select_related("venue__municipality")),
        "fields_of_action",
    )


def upcoming_events(
    region: Region | None = None, filters: EventFilters | None = None
) -> QuerySet[Event]:
    """Published upcoming events (across all regions unless one is given), soonest first."""
    filters = filters or EventFilters()
    now = timezone.now()
    date_q = Q(dates__end__gte=now)
    if filters.municipality:
        date_q &= Q(dates__venue__municipality__slug=filters.municipality)
    if filters.date_from:
        date_q &= Q(dates__start__date__gte=filters.date_from)
    if filters.date_to:
        date_q &= Q(dates__start__date__lte=filters.date_to)
    events = Event.objects.published().filter(date_q)
    if region is not None:
        events = events.in_region(region)
    if filters.kind:
        events = events.filter(kind=filters.kind)
    if filters.field:
        events = events.filter(fields_of_action__slug=filters.field)
    events = (
        events.annotate(next_start=Min("dates__start", filter=Q(dates__end__gte=now)))
        .order_by("next_start", "pk")
        .distinct()
    )
    return _with_dates(events)


def past_events(region: Region) -> QuerySet[Event]:
    """The archive: published events whose every date is over, newest first."""
    now = timezone.now()
    events = (
        Event.objects.published()
        .in_region(region)
        .filter(dates__isnull=False)
        .exclude(dates__end__gte=now)
        .annotate(first_start=Min("dates__start"))
        .order_by("-first_start")
        .distinct()
    )
    return _with_dates(events)


def _remaining(seats: int | None, taken: int) -> int | None:
    return None if seats is None else max(seats - taken, 0)


def annotate_seats(dates: list[EventDate]) -> list[EventDate]:
    """Set ``taken`` and ``remaining`` (None = no limit) on dates and their workshops."""
    per_date, per_workshop = Registration.objects.seats_taken(d.pk for d in dates)
    for event_date in dates:
        event_date.taken = per_date.get(event_date.pk, 0)
        event_date.remaining = _remaining(event_date.seats, event_date.taken)
        for workshop in event_date.workshops.all():
            workshop.taken = per_workshop.get(workshop.pk, 0)
            workshop.remaining = _remaining(workshop.seats, workshop.taken)
    return dates


def event_with_details(event: Event) -> list[EventDate]:
    """The event's dates with venue, programme, workshops and seats left."""
    dates = list(
        event.dates.select_related("venue__municipality").prefetch_related(
            Prefetch("programme", queryset=ProgrammeItem.objects.all()),
            Prefetch("workshops", queryset=Workshop.objects.select_related("field_of_action")),
        )
    )
    return annotate_seats(dates)


@dataclass
class CheckinCounts:
    attended: int
    holders: int


def checkin_counts(event_date: EventDate) -> CheckinCounts:
    """Checked in and seat holders of the whole date (whatever the check-in list shows)."""
    counts = Registration.objects.filter(event_date=event_date).aggregate(
        attended=Count("id", filter=Q(status=Registration.Status.ATTENDED)),
        holders=Count("id", filter=Q(status__in=Registration.SEAT_STATUSES)),
    )
    return CheckinCounts(**counts)


class Participants(TypedDict):
    """The staff list of a date (template context and export)."""

    registrations: list[Registration]
    holders: list[Registration]
    waiting: list[Registration]  # in order, each with ``position``
    cancelled: list[Registration]
    attended: int
    # Per workshop: its seat holders and the people waiting for it.
    by_workshop: list[tuple[Workshop, list[Registration], list[Registration]]]
    without_workshop: list[Registration]


def participants(event_date: EventDate) -> Participants:
    """For the staff list: seat holders by workshop, the waiting list in order, counts."""
    registrations = list(
        Registration.objects.filter(event_date=event_date)
        .select_related("workshop", "first_choice", "second_choice")
        .order_by("name", "id")
    )
    workshops = list(event_date.workshops.all())
    holders = [r for r in registrations if r.holds_seat]
    waiting = sorted(
        (r for r in registrations if r.status == Registration.Status.WAITING),
        key=lambda r: (r.waiting_since or r.created_at, r.pk),
    )
    for position, registration in enumerate(waiting, start=1):
        registration.position = position
    by_workshop = [
        (
            w,
            [r for r in holders if r.workshop_id == w.pk],
            [r for r in waiting if r.workshop_id == w.pk],
        )
        for w in workshops
    ]
    return {
        "registrations": registrations,
        "holders": holders,
        "waiting": waiting,
        "cancelled": [r for r in registrations if r.status == Registration.Status.CANCELLED],
        "attended": sum(1 for r in holders if r.status == Registration.Status.ATTENDED),
        "by_workshop": by_workshop,
        "without_workshop": [r for r in holders if r.workshop_id is None],
    }


# --- workshop results and the integration concept -------------------------------------------


@dataclass
class MeasureOrigin:
    """A workshop whose results a measure came from, as shown next to the measure."""

    workshop: Workshop
    event: Event
    event_date: EventDate
    public: bool  # the event's page (with its documentation) may be linked publicly


def measure_origins(
    measures: Iterable[Measure], *, public: bool
) -> dict[UUID, list[MeasureOrigin]]:
    """Workshop results behind each measure, keyed by the measure's lineage, in one query.

    A revision copies measures with their lineage, so a link made on one version also shows on
    the versions before and after it. With ``public`` only published events count.
    """
    lineages = {m.lineage for m in measures}
    if not lineages:
        return {}
    rows = (
        Workshop.measures.through.objects.filter(
            measure__lineage__in=lineages,
            # Lineages are random UUIDs, but a link never crosses regions anyway.
            measure__concept__region_id=F("workshop__event_date__event__region_id"),
        )
        .select_related("workshop__event_date__event__region", "measure")
        .order_by("workshop__event_date__start", "workshop__order", "workshop_id")
    )
    if public:
        rows = rows.exclude(workshop__event_date__event__status=Event.Status.DRAFT)
    origins: dict[UUID, list[MeasureOrigin]] = defaultdict(list)
    seen: set[tuple[UUID, int]] = set()
    for row in rows:
        workshop = row.workshop
        event_date = workshop.event_date
        event = event_date.event
        key = (row.measure.lineage, workshop.pk)
        if key in seen:
            continue
        seen.add(key)
        origins[row.measure.lineage].append(
            MeasureOrigin(
                workshop=workshop,
                event=event,
                event_date=event_date,
                public=event.status != Event.Status.DRAFT and event.documentation_published,
            )
        )
    return dict(origins)


def public_measures_by_workshop(workshops: Iterable[Workshop]) -> dict[int, list[Measure]]:
    """For an event's documentation: the measures each workshop led to, newest public version.

    A linked measure of an older version is shown as it stands in the newest version that the
    public may read (same lineage); measures only in a draft are not shown.
    """
    from networks.models import IntegrationConcept, Measure

    links = list(
        Workshop.measures.through.objects.filter(workshop__in=list(workshops)).values_list(
            "workshop_id", "measure__lineage", "measure__concept__region_id"
        )
    )
    if not links:
        return {}
    newest: dict[UUID, Measure] = {}
    candidates = (
        Measure.objects.filter(
            lineage__in={lineage for _w, lineage, _r in links},
            concept__region_id__in={region for _w, _l, region in links},
        )
        .exclude(concept__status=IntegrationConcept.Status.DRAFT)
        .select_related("concept__region")
        .order_by("-concept__version")
    )
    for measure in candidates:
        newest.setdefault(measure.lineage, measure)
    result: dict[int, list[Measure]] = defaultdict(list)
    for workshop_id, lineage, _region in links:
        if lineage in newest and newest[lineage] not in result[workshop_id]:
            result[workshop_id].append(newest[lineage])
    return dict(result)
