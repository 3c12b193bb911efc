"""The seat rule has one meaning, in SQL and in Python.

A new registration is decided by the database function ``conferences_place_registration``
(one round trip under the date's lock); a participant's move to another date by its Python
twin ``seats.decide``. Every case below is run through both: the test fails when they differ,
and when either differs from what the table says.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from conferences.models import Event, Registration
from conferences.services import seats
from tests.conferences.factories import (
    EventDateFactory,
    EventFactory,
    RegistrationFactory,
    WorkshopFactory,
)

Status = Registration.Status
DAY = timedelta(days=1)


@dataclass
class Case:
    """One situation: the date's seats and holders, its workshops, and what a newcomer asks."""

    seats: int | None = 10
    holders: list[str] = field(default_factory=list)  # statuses of registrations on the date
    workshops: list[tuple[int | None, int]] = field(default_factory=list)  # (seats, holders)
    choices: list[int | str] = field(default_factory=list)  # indices; "other": another date's
    event: dict = field(default_factory=dict)  # changes to the event
    date: dict = field(default_factory=dict)  # changes to the date
    target: str = "date"  # "date", "other event" (a date of another event), "missing"
    check_open: bool = True
    # (problem, seat, index of the workshop or None)
    expected: tuple[str | None, bool | None, int | None] = (None, True, None)


CASES = {
    "a free date gives a seat": Case(),
    "a full date gives the waiting list": Case(
        seats=2, holders=[Status.CONFIRMED] * 2, expected=(None, False, None)
    ),
    "people checked in hold their seats": Case(
        seats=2, holders=[Status.CONFIRMED, Status.ATTENDED], expected=(None, False, None)
    ),
    "waiting and cancelled registrations hold no seat": Case(
        seats=2, holders=[Status.CONFIRMED] + [Status.WAITING] * 3 + [Status.CANCELLED] * 2
    ),
    "a date without a limit always has a seat": Case(seats=None, holders=[Status.CONFIRMED] * 30),
    "the first choice when it has a seat": Case(
        workshops=[(2, 1), (2, 0)], choices=[0, 1], expected=(None, True, 0)
    ),
    "the second choice when the first is full": Case(
        workshops=[(2, 2), (2, 0)], choices=[0, 1], expected=(None, True, 1)
    ),
    "the waiting list of the first choice when both are full": Case(
        workshops=[(1, 1), (1, 1), (5, 0)], choices=[0, 1], expected=(None, False, 0)
    ),
    "the waiting list of the first choice when the date is full": Case(
        seats=2, workshops=[(5, 2), (5, 0)], choices=[0, 1], expected=(None, False, 0)
    ),
    "a workshop without a limit always has a seat": Case(
        workshops=[(None, 9)], choices=[0], expected=(None, True, 0)
    ),
    "a date with workshops needs a choice": Case(
        workshops=[(2, 0)], choices=[], expected=("no_choice", None, None)
    ),
    "a workshop of another date is refused": Case(
        workshops=[(2, 0)], choices=["other"], expected=("invalid_choice", None, None)
    ),
    "a date of another event is refused": Case(
        target="other event", expected=("invalid_date", None, None)
    ),
    "a date that does not exist is refused": Case(
        target="missing", expected=("invalid_date", None, None)
    ),
    "a draft is closed": Case(
        event={"status": Event.Status.DRAFT}, expected=("closed", None, None)
    ),
    "a cancelled event is closed": Case(
        event={"status": Event.Status.CANCELLED}, expected=("closed", None, None)
    ),
    "an event without online registration is closed": Case(
        event={"registration_enabled": False}, expected=("closed", None, None)
    ),
    "registration closed by staff is closed": Case(
        event={"registration_closed": True}, expected=("closed", None, None)
    ),
    "before registration opens it is closed": Case(
        event={"registration_opens": "+1"}, expected=("closed", None, None)
    ),
    "after registration closes it is closed": Case(
        event={"registration_closes": "-1"}, expected=("closed", None, None)
    ),
    "between opening and closing it is open": Case(
        event={"registration_opens": "-1", "registration_closes": "+1"}
    ),
    "a cancelled date is closed": Case(date={"cancelled": True}, expected=("closed", None, None)),
    "a date that is over is closed": Case(date={"over": True}, expected=("closed", None, None)),
    "staff may register while it is closed": Case(
        event={"registration_closed": True}, date={"cancelled": True}, check_open=False
    ),
    "a full date is full for staff too": Case(
        seats=1, holders=[Status.CONFIRMED], check_open=False, expected=(None, False, None)
    ),
}


def _when(value):
    now = timezone.now()
    return {"+1": now + DAY, "-1": now - DAY}.get(value, value) if isinstance(value, str) else value


def build(case: Case):
    event = EventFactory(**{k: _when(v) for k, v in case.event.items()})
    start = timezone.now() + 10 * DAY
    if case.date.get("over"):
        start = timezone.now() - DAY
    event_date = EventDateFactory(
        event=event,
        seats=case.seats,
        start=start,
        end=start + timedelta(hours=3),
        cancelled=case.date.get("cancelled", False),
    )
    for status in case.holders:
        RegistrationFactory(event_date=event_date, status=status)
    workshops = []
    for seats_, holders in case.workshops:
        workshop = WorkshopFactory(event_date=event_date, seats=seats_)
        for _ in range(holders):
            RegistrationFactory(event_date=event_date, workshop=workshop)
        workshops.append(workshop)
    other_date = EventDateFactory(event=event)
    other_workshop = WorkshopFactory(event_date=other_date)
    choices = [other_workshop.pk if c == "other" else workshops[c].pk for c in case.choices]
    date_id = {
        "date": event_date.pk,
        "other event": EventDateFactory().pk,
        "missing": 2**62,
    }[case.target]
    return event, date_id, choices, workshops


def as_row(decision: seats.Decision, workshops) -> tuple:
    index = next((i for i, w in enumerate(workshops) if w.pk == decision.workshop_id), None)
    return (decision.problem, decision.seat, index)


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_the_database_and_python_decide_alike(db, case):
    event, date_id, choices, workshops = build(case)
    with transaction.atomic():
        in_python = seats.decide(
            seats.lock(date_ids=[date_id]),
            event_id=event.pk,
            date_id=date_id,
            choices=choices,
            check_open=case.check_open,
        )
    in_database = seats.decide_in_database(
        date_id=date_id, event_id=event.pk, choices=choices, check_open=case.check_open
    )
    assert as_row(in_database, workshops) == as_row(in_python, workshops)
    assert as_row(in_python, workshops) == case.expected


def test_the_rule_names_no_status_in_sql():
    """Status names come from the model; the function only answers seat or no seat."""
    from importlib import import_module

    sql = import_module(
        "conferences.migrations.0005_place_registration_locks_then_reads"
    ).PLACE_REGISTRATION
    for status in Registration.Status.values:
        assert f"'{status}'" not in sql
    assert f"'{Event.Status.PUBLISHED}'" not in sql


# --- every writer goes through the seats module ----------------------------------------------


@pytest.fixture
def locks(monkeypatch):
    """The dates each writer locked, through ``seats.lock`` or the database function."""
    taken: list[set[int]] = []
    lock, place_and_insert = seats.lock, seats.place_and_insert

    def recording_lock(*, date_ids, **kwargs):
        date_ids = set(date_ids)
        taken.append(date_ids)
        return lock(date_ids=date_ids, **kwargs)

    def recording_place_and_insert(registration, **kwargs):
        taken.append({registration.event_date_id})
        return place_and_insert(registration, **kwargs)

    monkeypatch.setattr(seats, "lock", recording_lock)
    monkeypatch.setattr(seats, "place_and_insert", recording_place_and_insert)
    return taken


def _writers():
    from conferences.services import events as event_services
    from conferences.services import registrations as services

    def participant(n):
        return services.ParticipantData(name=f"P{n}", email=f"p{n}@example.org", consent=True)

    return {
        "a new registration": lambda d, o, w, r: services.registration_create(
            event_date=d, participant=participant(1), first_choice=w
        ),
        "a registration by phone": lambda d, o, w, r: services.registration_create(
            event_date=d,
            participant=participant(2),
            first_choice=w,
            source=Registration.Source.STAFF,
            check_open=False,
        ),
        "a cancellation": lambda d, o, w, r: services.registration_cancel(registration=r),
        "a workshop change": lambda d, o, w, r: services.registration_change_workshops(
            registration=r, first_choice=w
        ),
        "a move by staff": lambda d, o, w, r: services.registration_move(
            registration=r, event_date=o, workshop=None
        ),
        "a move by the participant": lambda d, o, w, r: services.registration_move_date(
            registration=r, event_date=o
        ),
        "a check-in": lambda d, o, w, r: services.registration_set_attended(
            registration=r, attended=True
        ),
        "more seats from the editor": lambda d, o, w, r: event_services.event_saved(event=d.event),
        "the event's cancellation": lambda d, o, w, r: event_services.event_cancel(event=d.event),
    }


WRITER_LOCKS = {
    "a new registration": [{"date"}],
    "a registration by phone": [{"date"}],
    "a cancellation": [{"date"}],
    "a workshop change": [{"date"}],
    "a move by staff": [{"date", "other"}],
    "a move by the participant": [{"date", "other"}],
    "a check-in": [{"date"}],
    "more seats from the editor": [{"date", "other"}],
    "the event's cancellation": [{"date", "other"}],
}


@pytest.mark.parametrize("writer", WRITER_LOCKS)
def test_every_seat_writer_locks_its_dates_through_the_seats_module(db, locks, writer):
    event = EventFactory()
    event_date = EventDateFactory(event=event)
    other = EventDateFactory(event=event)
    workshop = WorkshopFactory(event_date=event_date)
    registration = RegistrationFactory(event_date=event_date, workshop=workshop)
    names = {event_date.pk: "date", other.pk: "other"}
    _writers()[writer](event_date, other, workshop, registration)
    assert [{names[pk] for pk in taken} for taken in locks] == WRITER_LOCKS[writer]


def test_no_other_module_of_the_app_takes_row_locks():
    """The lock order lives in one place: other modules ask ``seats.lock``."""
    from pathlib import Path

    import conferences

    root = Path(conferences.__file__).parent
    lockers = {
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if "migrations" not in path.parts
        and ("select_for_update" in path.read_text() or "FOR UPDATE" in path.read_text())
    }
    # results.py locks an integration concept (not a seat) while it links measures.
    assert lockers == {"services/seats.py", "services/results.py"}
