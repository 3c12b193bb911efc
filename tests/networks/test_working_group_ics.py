"""A working group's upcoming meetings as a calendar file."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from tests.networks.factories import MeetingFactory


def test_upcoming_meetings_export_as_ics(client, group):
    soon = timezone.now() + timedelta(days=7)
    MeetingFactory(working_group=group, starts_at=soon, place="Kreishaus Goslar", agenda="TOP 1")
    MeetingFactory(working_group=group, starts_at=timezone.now() - timedelta(days=30))
    response = client.get(reverse("networks:working_group_ics", args=["goslar", group.slug]))
    assert response["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert len(events) == 1
    assert str(events[0]["LOCATION"]) == "Kreishaus Goslar"
    assert events[0].decoded("DTSTART") == soon.replace(microsecond=0) or abs(
        events[0].decoded("DTSTART") - soon
    ) < timedelta(seconds=1)
