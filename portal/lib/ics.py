"""iCalendar (.ics) building blocks shared by the event and working-group calendars."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event


def new_calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Integrationsportal//DE")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    return calendar


def _language(code: str) -> dict[str, str]:
    return {"LANGUAGE": code} if code else {}


def calendar_entry(
    *,
    uid: str,
    summary: str,
    start: datetime,
    end: datetime,
    location: str = "",
    description: str = "",
    path: str = "",
    status: str = "",
    summary_language: str = "",
    description_language: str = "",
) -> Event:
    """One VEVENT; ``uid`` is made globally unique with the site's host, ``path`` absolute;
    the languages, when given, tag the summary and description (LANGUAGE parameter)."""
    entry = Event()
    entry.add("uid", f"{uid}@{settings.SITE_URL.split('//', 1)[-1]}")
    entry.add("summary", summary, parameters=_language(summary_language))
    entry.add("dtstart", start)
    entry.add("dtend", end)
    entry.add("dtstamp", timezone.now())
    if location:
        entry.add("location", location)
    url = settings.SITE_URL + path if path else ""
    entry.add(
        "description",
        f"{description.strip()}\n\n{url}".strip(),
        parameters=_language(description_language if description.strip() else ""),
    )
    if url:
        entry.add("url", url)
    if status:
        entry.add("status", status)
    return entry
