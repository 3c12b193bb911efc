"""iCalendar (.ics) export of working group meetings."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from networks.models import WorkingGroup, WorkingGroupMeeting
from portal.lib.ics import calendar_entry, new_calendar

DEFAULT_DURATION = timedelta(hours=2)


def meetings_ics(group: WorkingGroup, meetings: Iterable[WorkingGroupMeeting]) -> bytes:
    """A calendar with the given meetings; no personal data (attendance stays internal)."""
    calendar = new_calendar(f"{group.name} – {group.region.name}")
    for meeting in meetings:
        calendar.add_component(
            calendar_entry(
                uid=f"meeting-{meeting.pk}",
                summary=group.name,
                start=meeting.starts_at,
                end=meeting.ends_at or meeting.starts_at + DEFAULT_DURATION,
                location=meeting.place,
                description=meeting.agenda,
                path=group.get_absolute_url(),
            )
        )
    return calendar.to_ical()
