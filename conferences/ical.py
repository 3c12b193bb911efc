"""iCalendar files: one per event, one per registration (attached to mails), one feed per region."""

from __future__ import annotations

from collections.abc import Iterable

from icalendar import Event as ICalEvent

from conferences.models import EventDate
from portal.lib.ics import calendar_entry, new_calendar


def _component(event_date: EventDate) -> ICalEvent:
    event = event_date.event
    cancelled = event.is_cancelled or event_date.cancelled
    return calendar_entry(
        uid=f"eventdate-{event_date.pk}",
        summary=event.title + (f" ({event_date.label})" if event_date.label else ""),
        start=event_date.start,
        end=event_date.end,
        location=event_date.venue.address if event_date.venue else "",
        description=event.summary or "",
        path=event.get_absolute_url(),
        status="CANCELLED" if cancelled else "CONFIRMED",
    )


def calendar_bytes(name: str, dates: Iterable[EventDate]) -> bytes:
    calendar = new_calendar(name)
    for event_date in dates:
        calendar.add_component(_component(event_date))
    return calendar.to_ical()
