"""The send_reminders job: one reminder per seat, the county's number of days before."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from conferences.models import Registration
from conferences.tasks import send_reminders
from tests.conferences.factories import EventDateFactory, EventFactory, RegistrationFactory


def test_reminders_go_out_once_n_days_before(goslar, deliver, django_capture_on_commit_callbacks):
    goslar.reminder_days_before = 3
    goslar.save()
    start = timezone.localtime().replace(hour=10, minute=0) + timedelta(days=3)
    event_date = EventDateFactory(event=EventFactory(region=goslar), start=start)
    RegistrationFactory(event_date=event_date)
    RegistrationFactory(event_date=event_date, status=Registration.Status.WAITING)
    RegistrationFactory(event_date=EventDateFactory(event=event_date.event))  # in 30 days
    with django_capture_on_commit_callbacks(execute=True):
        assert send_reminders() == 1
        assert send_reminders() == 0
    assert len(deliver()) == 1
