"""registration_set_attended: check-in on the day, and undoing it."""

from __future__ import annotations

from conferences.models import Registration
from conferences.services import registrations as services
from tests.conferences.factories import RegistrationFactory

Status = Registration.Status


def test_check_in_marks_attended_and_can_be_undone(event_date):
    registration = RegistrationFactory(event_date=event_date)
    services.registration_set_attended(registration=registration, attended=True)
    registration.refresh_from_db()
    assert registration.status == Status.ATTENDED and registration.checked_in_at
    services.registration_set_attended(registration=registration, attended=False)
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED and registration.checked_in_at is None


def test_people_on_the_waiting_list_cannot_be_checked_in(event_date):
    registration = RegistrationFactory(event_date=event_date, status=Status.WAITING)
    services.registration_set_attended(registration=registration, attended=True)
    registration.refresh_from_db()
    assert registration.status == Status.WAITING
