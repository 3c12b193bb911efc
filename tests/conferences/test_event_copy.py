"""Copying an event for next year: same weekday and wall-clock time, without registrations
or results."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from conferences.models import Event, EventDate, Registration
from tests.conferences.factories import (
    EventDateFactory,
    EventFactory,
    RegistrationFactory,
    WorkshopFactory,
)


def test_copy_for_next_year(client_of, coordinator_goslar, event, event_date):
    WorkshopFactory(event_date=event_date, title="Arbeit", needs="Ergebnis")
    RegistrationFactory(event_date=event_date)
    response = client_of(coordinator_goslar).post(f"/staff/goslar/events/{event.pk}/copy/")
    copy = Event.objects.exclude(pk=event.pk).get()
    assert response.url.endswith(f"/events/{copy.pk}/edit/")
    assert copy.status == "draft" and copy.copied_from == event
    new_date = EventDate.objects.get(event=copy)
    # 52 weeks later: the same weekday and local time, about a year on.
    old_start, new_start = timezone.localtime(event_date.start), timezone.localtime(new_date.start)
    assert new_start.weekday() == old_start.weekday()
    assert new_start.time() == old_start.time()
    assert 362 <= (new_start.date() - old_start.date()).days <= 366
    workshop = new_date.workshops.get()
    assert (workshop.title, workshop.needs) == ("Arbeit", "")
    assert not Registration.objects.filter(event_date=new_date).exists()


def test_a_copy_keeps_weekday_and_wall_clock_across_daylight_saving(goslar):
    from zoneinfo import ZoneInfo

    from conferences.services.events import event_copy

    berlin = ZoneInfo("Europe/Berlin")
    # Friday 8 November 2019, 14:00 (seed 001) and a summer date, 19 September 2023, 16:45.
    event = EventFactory(region=goslar)
    for start in (
        timezone.datetime(2019, 11, 8, 14, 0, tzinfo=berlin),
        timezone.datetime(2023, 9, 19, 16, 45, tzinfo=berlin),
    ):
        EventDateFactory(event=event, start=start, end=start + timedelta(hours=4))
    copy = event_copy(event=event)
    starts = sorted(timezone.localtime(d.start, berlin) for d in copy.dates.all())
    assert [(s.date().isoformat(), s.strftime("%a %H:%M")) for s in starts] == [
        ("2020-11-06", "Fri 14:00"),
        ("2024-09-17", "Tue 16:45"),
    ]
