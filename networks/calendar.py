"""iCalendar (.ics) export of working group meetings."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from networks.models import WorkingGroup, WorkingGroupMeeting

DEFAULT_DURATION = timedelta(hours=2)


def meetings_ics(group: WorkingGroup, meetings: Iterable[WorkingGroupMeeting]) -> bytes:
    """A calendar with the given meetings; no personal data (attendance stays internal)."""
    calendar = Calendar()
    calendar.add("prodid", "-//Integrationsportal//Netzwerk//DE")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{group.name} – {group.region.name}")
    url = settings.SITE_URL + group.get_absolute_url()
    for meeting in meetings:
        event = Event()
        event.add("uid", f"meeting-{meeting.pk}@{settings.SITE_URL.split('://')[-1]}")
        event.add("summary", group.name)
        event.add("dtstart", meeting.starts_at)
        event.add("dtend", meeting.ends_at or meeting.starts_at + DEFAULT_DURATION)
        event.add("dtstamp", timezone.now())
        if meeting.place:
            event.add("location", meeting.place)
        description = meeting.agenda.strip()
        event.add("description", f"{description}\n\n{url}".strip())
        event.add("url", url)
        calendar.add_component(event)
    return calendar.to_ical()
