"""Cancelling an event takes the date locks that registration and promotion take (issue 9,
item 12): a registration that arrives while the event is being cancelled must not be confirmed
for a cancelled event and never told.

The cancellation is paused while it holds its locks, until the registration has either finished
(it was not held back) or waits for a lock. With the date locks the registration waits, then
finds the event cancelled and is refused. Without them (the proof that this test can fail) it
is confirmed in the pause and stays confirmed after the cancellation.
"""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connection

from conferences.models import Registration
from conferences.services import events as event_services
from conferences.services import registrations as services
from conferences.services import seats
from tests.conferences.factories import EventDateFactory, EventFactory, RegistrationFactory
from tests.factories import RegionFactory

pytestmark = pytest.mark.django_db(transaction=True)

TIMEOUT = 20  # seconds; only reached when something is badly wrong


def waits_for_a_lock(pid: int) -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE pid = %s AND NOT granted)", [pid]
        )
        return cursor.fetchone()[0]


def cancel_while_someone_registers(monkeypatch, event, event_date) -> dict:
    locked = threading.Event()
    finished = threading.Event()
    outcome: dict = {}
    lock = seats.lock

    def lock_then_pause(**kwargs):
        capacity = lock(**kwargs)
        locked.set()
        deadline = time.monotonic() + TIMEOUT
        while not finished.is_set() and time.monotonic() < deadline:
            if waits_for_a_lock(outcome["pid"]):
                break
            time.sleep(0.01)
        return capacity

    monkeypatch.setattr(seats, "lock", lock_then_pause)

    def cancel() -> None:
        try:
            outcome["cancelled"] = event_services.event_cancel(event=event)
        finally:
            connection.close()

    def register() -> None:
        try:
            connection.ensure_connection()
            outcome["pid"] = connection.connection.info.backend_pid
            assert locked.wait(TIMEOUT)
            services.registration_create(
                event_date=event_date,
                participant=services.ParticipantData(
                    name="Late Comer", email="late@example.org", consent=True
                ),
            )
            outcome["registration"] = "confirmed"
        except services.RegistrationClosed:
            outcome["registration"] = "refused"
        finally:
            finished.set()
            connection.close()

    registering = threading.Thread(target=register)
    registering.start()
    while "pid" not in outcome and registering.is_alive():
        time.sleep(0.01)
    cancelling = threading.Thread(target=cancel)
    cancelling.start()
    cancelling.join(TIMEOUT)
    registering.join(TIMEOUT)
    return outcome


@pytest.fixture
def event_date():
    event = EventFactory(region=RegionFactory(slug="cancel-race"))
    event_date = EventDateFactory(event=event, seats=20)
    RegistrationFactory(event_date=event_date, name="Early Bird")
    return event_date


def active_registrations(event_date) -> list[str]:
    return list(
        Registration.objects.filter(event_date__event=event_date.event_id)
        .active()
        .values_list("name", flat=True)
    )


def test_a_registration_during_the_cancellation_is_refused(monkeypatch, event_date):
    outcome = cancel_while_someone_registers(monkeypatch, event_date.event, event_date)
    assert outcome == {"pid": outcome["pid"], "cancelled": 1, "registration": "refused"}
    assert active_registrations(event_date) == []


def test_without_the_date_locks_a_registration_is_confirmed_for_a_cancelled_event(
    monkeypatch, event_date
):
    """Proof that the test above can fail: the cancellation without its date locks."""
    monkeypatch.setattr(seats, "lock_rows", lambda queryset: queryset)
    outcome = cancel_while_someone_registers(monkeypatch, event_date.event, event_date)
    assert outcome["registration"] == "confirmed"
    assert active_registrations(event_date) == ["Late Comer"]
