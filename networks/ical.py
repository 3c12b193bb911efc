"""iCalendar (.ics) export of working group meetings."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings

from networks.models import WorkingGroup, WorkingGroupMeeting
from portal.lib.ics import calendar_entry, new_calendar
from portal.translations import translated

DEFAULT_DURATION = timedelta(hours=2)


def meetings_ics(
    group: WorkingGroup,
    meetings: Iterable[WorkingGroupMeeting],
    language: str = settings.LANGUAGE_CODE,
) -> bytes:
    """A calendar with the given meetings; no personal data (attendance stays internal). The
    group's name in ``language`` where translated, tagged with the language it is written in
    (the agenda is the staff's German note)."""
    name = translated(group, "name", language, region=group.region)
    calendar = new_calendar(f"{name.text} – {group.region.name}")
    for meeting in meetings:
        calendar.add_component(
            calendar_entry(
                uid=f"meeting-{meeting.pk}",
                summary=name.text,
                summary_language=name.language,
                description_language=settings.LANGUAGE_CODE,
                start=meeting.starts_at,
                end=meeting.ends_at or meeting.starts_at + DEFAULT_DURATION,
                location=meeting.place,
                description=meeting.agenda,
                path=group.get_absolute_url(),
            )
        )
    return calendar.to_ical()
