"""The core promise under load: parallel registrations never exceed the seats.

Each worker thread has its own database connection (Django connections are per thread), and
all start together at a barrier. 120 registrations race for 20 seats.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from conferences.models import Registration
from conferences.services import registrations as services
from conferences.services import seats
from tests.conferences.factories import EventDateFactory, EventFactory, WorkshopFactory
from tests.factories import RegionFactory

REGISTRATIONS = 120
THREADS = 24  # parallel connections; leaves room for other test runs on the same server
SEATS = 20

pytestmark = pytest.mark.django_db(transaction=True)


def rush(event_date, workshop=None) -> list[Exception]:
    barrier = threading.Barrier(THREADS)
    errors: list[Exception] = []

    def worker(offset: int) -> None:
        try:
            # Connect first, so that all threads start racing at the same moment.
            connection.ensure_connection()
            barrier.wait()
            for n in range(offset, REGISTRATIONS, THREADS):
                services.registration_create(
                    event_date=event_date,
                    participant=services.ParticipantData(
                        name=f"Person {n}", email=f"person{n}@example.org", consent=True
                    ),
                    first_choice=workshop,
                )
        except Exception as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)
        finally:
            connection.close()

    with ThreadPoolExecutor(THREADS) as pool:
        list(pool.map(worker, range(THREADS)))
    return errors


@pytest.fixture
def region():
    return RegionFactory(slug="rush")


def widen_the_race_window(monkeypatch, seconds: float) -> None:
    """Sleep between deciding on a seat and writing the row.

    Without it the unlocked variant would only overbook when two decisions happen to overlap
    (the whole decision takes well under a millisecond in the database); with it, every
    overlap shows. The locked variants must stay exact with the same kind of window."""
    sql, *rest = seats._statement()
    call = seats.FUNCTION_CALL
    assert f"SELECT * FROM {call}" in sql
    slow = sql.replace(f"SELECT * FROM {call}", f"SELECT *, pg_sleep({seconds}) FROM {call}")
    monkeypatch.setattr(seats, "_statement", lambda: (slow, *rest))


@pytest.fixture
def slow_decision(monkeypatch):
    # Short: with the lock, every registration of the date waits for this window in turn.
    widen_the_race_window(monkeypatch, 0.005)


@pytest.fixture
def very_slow_decision(monkeypatch):
    # Without the lock the registrations overlap; a long window makes the overlap certain
    # even on a machine busy with other tests (a 5 ms window once let them pass one by one).
    widen_the_race_window(monkeypatch, 0.05)


def assert_first_come_first_served(registrations):
    confirmed = [r for r in registrations if r.status == Registration.Status.CONFIRMED]
    waiting = [r for r in registrations if r.status == Registration.Status.WAITING]
    assert len(confirmed) == SEATS
    assert len(waiting) == REGISTRATIONS - SEATS
    # Whoever got the lock first got the seat: every seat holder came before everyone waiting,
    # and the waiting list's order is the order of arrival.
    assert max(r.pk for r in confirmed) < min(r.pk for r in waiting)
    by_queue = sorted(waiting, key=lambda r: (r.waiting_since, r.pk))
    assert [r.pk for r in by_queue] == sorted(r.pk for r in waiting)


def test_parallel_registrations_fill_exactly_the_seats_of_a_date(region, slow_decision):
    event_date = EventDateFactory(event=EventFactory(region=region), seats=SEATS)
    assert rush(event_date) == []
    assert_first_come_first_served(list(Registration.objects.filter(event_date=event_date)))


def test_parallel_registrations_fill_exactly_the_seats_of_a_workshop(region):
    event_date = EventDateFactory(event=EventFactory(region=region), seats=1000)
    workshop = WorkshopFactory(event_date=event_date, seats=SEATS)
    assert rush(event_date, workshop) == []
    registrations = list(Registration.objects.filter(event_date=event_date))
    assert_first_come_first_served(registrations)
    assert all(r.workshop_id == workshop.pk for r in registrations)


def test_without_the_lock_seats_are_overbooked(region, monkeypatch, very_slow_decision):
    """Proof that the test above can fail: remove SELECT ... FOR UPDATE and seats overflow."""
    monkeypatch.setattr(seats, "lock_rows", lambda queryset: queryset)
    monkeypatch.setattr(seats, "LOCK_IN_DATABASE", False)
    event_date = EventDateFactory(event=EventFactory(region=region), seats=SEATS)
    rush(event_date)
    confirmed = Registration.objects.filter(
        event_date=event_date, status=Registration.Status.CONFIRMED
    ).count()
    assert confirmed > SEATS
