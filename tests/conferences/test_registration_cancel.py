"""registration_cancel: the freed seat goes to whoever waits for it, in order."""

from __future__ import annotations

from conferences.models import Registration
from conferences.services import registrations as services
from tests.conferences.factories import EventDateFactory, WorkshopFactory
from tests.conferences.registering import register

Status = Registration.Status


def test_a_cancellation_moves_the_first_on_the_waiting_list_up(event, person):
    event_date = EventDateFactory(event=event, seats=1)
    holder = register(event_date, person(1))
    first_waiting = register(event_date, person(2))
    second_waiting = register(event_date, person(3))
    services.registration_cancel(registration=holder)
    first_waiting.refresh_from_db()
    second_waiting.refresh_from_db()
    assert first_waiting.status == Status.CONFIRMED
    assert first_waiting.promoted_at is not None
    assert second_waiting.status == Status.WAITING


def test_a_freed_workshop_seat_goes_to_whoever_waits_for_that_workshop(event_date, person):
    event_date.seats = 100
    event_date.save()
    a = WorkshopFactory(event_date=event_date, seats=1)
    b = WorkshopFactory(event_date=event_date, seats=1)
    register(event_date, person(1), a)
    holder_b = register(event_date, person(2), b)
    waits_for_a = register(event_date, person(3), a)
    waits_for_b = register(event_date, person(4), b)
    services.registration_cancel(registration=holder_b)
    waits_for_a.refresh_from_db()
    waits_for_b.refresh_from_db()
    assert waits_for_a.status == Status.WAITING
    assert (waits_for_b.status, waits_for_b.workshop) == (Status.CONFIRMED, b)
