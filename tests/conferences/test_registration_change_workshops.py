"""registration_change_workshops: a participant changes the workshop, if it has a seat."""

from __future__ import annotations

import pytest

from conferences.models import Registration
from conferences.services import registrations as services
from tests.conferences.registering import register

Status = Registration.Status


def test_changing_to_a_full_workshop_changes_nothing(event_date, workshops, person):
    first, second, _ = workshops
    mine = register(event_date, person(0), first)
    register(event_date, person(1), second)
    register(event_date, person(2), second)
    with pytest.raises(services.NoSeat):
        services.registration_change_workshops(registration=mine, first_choice=second)
    mine.refresh_from_db()
    assert (mine.workshop, mine.first_choice) == (first, first)


def test_changing_workshop_frees_the_old_seat_for_the_waiting_list(event_date, workshops, person):
    first, second, _ = workshops
    mine = register(event_date, person(0), first)
    register(event_date, person(1), first)
    waiting = register(event_date, person(2), first)
    services.registration_change_workshops(registration=mine, first_choice=second)
    mine.refresh_from_db()
    waiting.refresh_from_db()
    assert mine.workshop == second
    assert (waiting.status, waiting.workshop) == (Status.CONFIRMED, first)
