"""Participants moving to another date at the same moment never overfill it.

Twelve people holding seats on one date all move to a date with three seats at once, each in
its own thread and database connection. Deciding is slowed down a little so that, without the
locks, the decisions overlap (the proof that the test can fail).
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from conferences.models import Registration
from conferences.services import registrations as services
from conferences.services import seats
from tests.conferences.factories import EventDateFactory, EventFactory, RegistrationFactory
from tests.factories import RegionFactory

MOVERS = 12
SEATS = 3

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def dates(monkeypatch):
    decide = seats.decide

    def slow_decide(*args, **kwargs):
        decision = decide(*args, **kwargs)
        time.sleep(0.05)  # between deciding and writing
        return decision

    monkeypatch.setattr(seats, "decide", slow_decide)
    event = EventFactory(region=RegionFactory(slug="move-rush"))
    crowded = EventDateFactory(event=event, seats=100)
    target = EventDateFactory(event=event, seats=SEATS)
    for n in range(MOVERS):
        RegistrationFactory(event_date=crowded, email=f"mover{n}@example.org")
    return crowded, target


def move_everyone(crowded, target) -> list[str]:
    barrier = threading.Barrier(MOVERS)
    registrations = list(Registration.objects.filter(event_date=crowded))

    def move(registration) -> str:
        try:
            connection.ensure_connection()
            barrier.wait()
            services.registration_move_date(registration=registration, event_date=target)
            return "moved"
        except services.NoSeat:
            return "full"
        finally:
            connection.close()

    with ThreadPoolExecutor(MOVERS) as pool:
        return list(pool.map(move, registrations))


def test_parallel_moves_fill_exactly_the_seats_of_the_new_date(dates):
    crowded, target = dates
    outcomes = move_everyone(crowded, target)
    assert sorted(outcomes) == ["full"] * (MOVERS - SEATS) + ["moved"] * SEATS
    assert Registration.objects.filter(event_date=target).holding_seat().count() == SEATS
    assert Registration.objects.filter(event_date=crowded).holding_seat().count() == MOVERS - SEATS


def test_without_the_locks_moves_overfill_the_new_date(dates, monkeypatch):
    """Proof that the test above can fail."""
    monkeypatch.setattr(seats, "lock_rows", lambda queryset: queryset)
    crowded, target = dates
    move_everyone(crowded, target)
    assert Registration.objects.filter(event_date=target).holding_seat().count() > SEATS
