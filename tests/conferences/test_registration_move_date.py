"""registration_move_date: a participant moves to another date of the event (self-service)."""

from __future__ import annotations

import pytest

from conferences.models import Registration
from conferences.services import registrations as services
from tests.conferences.factories import EventDateFactory, WorkshopFactory
from tests.conferences.registering import register

Status = Registration.Status


def test_a_participant_moves_to_another_date_and_the_waiting_list_moves_up(event, person):
    one = EventDateFactory(event=event, seats=1)
    two = EventDateFactory(event=event, seats=5)
    mover = register(one, person(0))
    waiting = register(one, person(1))
    services.registration_move_date(registration=mover, event_date=two)
    mover.refresh_from_db()
    waiting.refresh_from_db()
    assert (mover.event_date, mover.status) == (two, Status.CONFIRMED)
    assert waiting.status == Status.CONFIRMED


def test_a_participant_with_a_seat_keeps_it_when_the_new_date_is_full(event, person):
    one = EventDateFactory(event=event, seats=5)
    full = EventDateFactory(event=event, seats=1)
    register(full, person(9))
    mover = register(one, person(0))
    with pytest.raises(services.NoSeat):
        services.registration_move_date(registration=mover, event_date=full)
    mover.refresh_from_db()
    assert (mover.event_date, mover.status) == (one, Status.CONFIRMED)


def test_someone_waiting_joins_the_end_of_the_new_dates_waiting_list(event, person):
    one = EventDateFactory(event=event, seats=1)
    full = EventDateFactory(event=event, seats=1)
    register(one, person(8))
    register(full, person(9))
    already_waiting = register(full, person(10))
    mover = register(one, person(0))
    services.registration_move_date(registration=mover, event_date=full)
    mover.refresh_from_db()
    assert (mover.event_date, mover.status) == (full, Status.WAITING)
    assert mover.waiting_since > already_waiting.waiting_since


def test_someone_waiting_gets_a_seat_on_a_date_that_has_one(event, person):
    full = EventDateFactory(event=event, seats=1)
    free = EventDateFactory(event=event, seats=3)
    register(full, person(9))
    mover = register(full, person(0))
    services.registration_move_date(registration=mover, event_date=free)
    mover.refresh_from_db()
    assert (mover.event_date, mover.status, mover.waiting_since) == (free, Status.CONFIRMED, None)


def test_the_move_takes_the_first_workshop_choice_with_a_seat(event, person):
    one = EventDateFactory(event=event)
    two = EventDateFactory(event=event)
    full = WorkshopFactory(event_date=two, seats=1)
    free = WorkshopFactory(event_date=two, seats=3)
    register(two, person(9), full)
    mover = register(one, person(0))
    services.registration_move_date(
        registration=mover, event_date=two, first_choice=full, second_choice=free
    )
    mover.refresh_from_db()
    assert (mover.workshop, mover.first_choice, mover.second_choice) == (free, full, free)


def test_a_participant_cannot_move_to_a_closed_date(event, person):
    one = EventDateFactory(event=event)
    cancelled = EventDateFactory(event=event, cancelled=True)
    mover = register(one, person(0))
    with pytest.raises(services.RegistrationClosed):
        services.registration_move_date(registration=mover, event_date=cancelled)
    mover.refresh_from_db()
    assert mover.event_date == one


def test_a_participant_cannot_move_to_a_date_of_another_event(event_date, person):
    mover = register(event_date, person(0))
    with pytest.raises(services.InvalidDate):
        services.registration_move_date(registration=mover, event_date=EventDateFactory())


def test_a_participant_cannot_move_where_the_same_email_is_registered(event, person):
    one = EventDateFactory(event=event)
    two = EventDateFactory(event=event)
    mover = register(one, person(0))
    register(two, person(0))
    with pytest.raises(services.AlreadyRegistered):
        services.registration_move_date(registration=mover, event_date=two)
