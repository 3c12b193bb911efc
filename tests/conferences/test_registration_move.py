"""registration_move: staff move someone to another date or workshop of the same event."""

from __future__ import annotations

import pytest

from conferences.models import Registration
from conferences.services import registrations as services
from tests.conferences.factories import EventDateFactory
from tests.conferences.registering import register

Status = Registration.Status


def test_staff_move_someone_to_another_date_and_the_waiting_list_moves_up(event, person):
    one = EventDateFactory(event=event, seats=1)
    two = EventDateFactory(event=event, seats=5)
    mover = register(one, person(0))
    waiting = register(one, person(1))
    services.registration_move(registration=mover, event_date=two, workshop=None)
    mover.refresh_from_db()
    waiting.refresh_from_db()
    assert (mover.event_date, mover.status) == (two, Status.CONFIRMED)
    assert waiting.status == Status.CONFIRMED


def test_staff_cannot_move_someone_into_a_full_workshop(event_date, workshops, person):
    first, second, _ = workshops
    mover = register(event_date, person(0), first)
    register(event_date, person(1), second)
    register(event_date, person(2), second)
    with pytest.raises(services.NoSeat):
        services.registration_move(registration=mover, event_date=event_date, workshop=second)
    mover.refresh_from_db()
    assert mover.workshop == first


def test_staff_cannot_move_to_a_date_of_another_event(event_date, person):
    other = EventDateFactory()
    mover = register(event_date, person(0))
    with pytest.raises(services.InvalidChoice):
        services.registration_move(registration=mover, event_date=other, workshop=None)
