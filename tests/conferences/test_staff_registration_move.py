"""Staff move a participant to another workshop of the same date."""

from __future__ import annotations

from tests.conferences.factories import EventDateFactory, RegistrationFactory, WorkshopFactory
from tests.conferences.staff_forms import staff_url


def test_staff_move_a_participant_to_another_workshop(
    client_of, coordinator_goslar, event, event_date
):
    a = WorkshopFactory(event_date=event_date)
    b = WorkshopFactory(event_date=event_date)
    registration = RegistrationFactory(event_date=event_date, workshop=a)
    response = client_of(coordinator_goslar).post(
        staff_url(event.region, f"registrations/{registration.pk}/move/"),
        {"event_date": event_date.pk, "workshop": b.pk},
    )
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.workshop == b


def test_moving_to_a_workshop_of_another_date_is_refused(
    client_of, coordinator_goslar, event, event_date
):
    a = WorkshopFactory(event_date=event_date)
    other = WorkshopFactory(event_date=EventDateFactory(event=event))
    registration = RegistrationFactory(event_date=event_date, workshop=a)
    response = client_of(coordinator_goslar).post(
        staff_url(event.region, f"registrations/{registration.pk}/move/"),
        {"event_date": event_date.pk, "workshop": other.pk},
    )
    assert response.status_code == 400
    registration.refresh_from_db()
    assert registration.workshop == a
