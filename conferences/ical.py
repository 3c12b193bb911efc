"""iCalendar files: one per event, one per registration (attached to mails), one feed per region."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as ICalEvent

from conferences.models import EventDate


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Integrationsportal//Veranstaltungen//DE")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    return calendar


def _component(event_date: EventDate, method_cancel: bool = False) -> ICalEvent:
    event = event_date.event
    component = ICalEvent()
    host = settings.SITE_URL.split("//", 1)[-1]
    component.add("uid", f"eventdate-{event_date.pk}@{host}")
    component.add("summary", event.title + (f" ({event_date.label})" if event_date.label else ""))
    component.add("dtstart", event_date.start)
    component.add("dtend", event_date.end)
    component.add("dtstamp", timezone.now())
    if event_date.venue:
        component.add("location", event_date.venue.address)
    description = event.summary or ""
    url = settings.SITE_URL + event.get_absolute_url()
    component.add("description", f"{description}\n\n{url}".strip())
    component.add("url", url)
    cancelled = event.is_cancelled or event_date.cancelled
    component.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return component


def calendar_bytes(name: str, dates: Iterable[EventDate]) -> bytes:
    calendar = _calendar(name)
    for event_date in dates:
        calendar.add_component(_component(event_date))
    return calendar.to_ical()
