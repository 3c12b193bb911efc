"""iCalendar files: one per event, one per registration (attached to mails), one feed per region."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from icalendar import Event as ICalEvent

from conferences.models import EventDate
from portal.lib.ics import calendar_entry, new_calendar
from portal.translations import prefetch_texts, texts_of


def _component(event_date: EventDate, language: str) -> ICalEvent:
    event = event_date.event
    cancelled = event.is_cancelled or event_date.cancelled
    texts = texts_of(event, language, region=event.region)
    return calendar_entry(
        uid=f"eventdate-{event_date.pk}",
        summary=texts.title.text + (f" ({event_date.label})" if event_date.label else ""),
        summary_language=texts.title.language,
        start=event_date.start,
        end=event_date.end,
        location=event_date.venue.address if event_date.venue else "",
        description=texts.summary.text,
        description_language=texts.summary.language,
        path=event.get_absolute_url(),
        status="CANCELLED" if cancelled else "CONFIRMED",
    )


def calendar_bytes(
    name: str, dates: Iterable[EventDate], language: str = settings.LANGUAGE_CODE
) -> bytes:
    """The dates as an iCalendar file; titles and summaries in ``language`` where translated,
    each tagged with the language it is written in (LANGUAGE parameter, RFC 5545)."""
    dates = list(dates)
    prefetch_texts([d.event for d in dates], language)  # distinct instances of one event too
    calendar = new_calendar(name)
    for event_date in dates:
        calendar.add_component(_component(event_date, language))
    return calendar.to_ical()
