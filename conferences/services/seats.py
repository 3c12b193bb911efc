"""The seat rule and its locks: when registration is open, who gets a seat, how seats count.

Every write that changes who holds a seat goes through this module: a new registration (online
or by staff on the phone), a promotion from the waiting list, a cancellation, a workshop
change, a move to another workshop or date, the cancellation of a whole event. The promise:
seats are never exceeded, per date and per workshop, and nobody is confirmed for an event
that is being cancelled.

**Lock order.** Dates (by primary key), then their workshops (by primary key), then the
registrations a writer changes (by primary key); ``lock()`` is the only place that takes these
locks, so two writers never wait for each other crosswise. Whatever is read to decide is read
*after* the locks, in statements of their own: in READ COMMITTED a statement sees what was
committed before it started, so a read in the locking statement itself could miss what the
previous lock holder committed (an event cancelled while we waited).

**The rule**, in two implementations held together by ``tests/conferences/test_seat_rule.py``
(a parity test that runs both over one table of cases):

- ``conferences_place_registration``, a database function (migration 0005), for new
  registrations: the lock, the decision, the INSERT and the COMMIT in one round trip, so the
  date's lock is held for well under a millisecond during a registration rush (see
  ``place_and_insert``). Status names are passed in from here, not written into the SQL.
- ``decide()`` below, its Python twin, for a participant who moves to another date (the same
  rule as registering there), and ``Capacity.first_with_seat`` for promotions and workshop
  changes.

Open: the event's own rule (``Event.registration_state``) plus the date: not cancelled, not
over. A seat: the date has one, and the first choice that has one gets it; otherwise the waiting
list of the first choice. Seat holders are registrations in ``Registration.SEAT_STATUSES``,
counted by ``Registration.objects.seats_taken``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import Any, TypeVar

from django.db import connection
from django.db.models import Field, Model, QuerySet
from django.utils import timezone

from conferences.models import Event, EventDate, Registration, Workshop
from conferences.services import mails

Status = Registration.Status
_M = TypeVar("_M", bound=Model)

# Whether rows are locked. Module attributes so the concurrency tests can remove one lock and
# show what then goes wrong: ``LOCK_IN_DATABASE`` for the database function of a new
# registration, ``lock_rows`` for every other writer.
LOCK_IN_DATABASE = True


def lock_rows(queryset: QuerySet[_M]) -> QuerySet[_M]:
    """SELECT ... FOR UPDATE of the queryset's own rows."""
    return queryset.select_for_update(of=("self",))


@dataclass
class Decision:
    """Where a newcomer goes: a problem (nothing is written), or a seat or the waiting list
    (``seat`` False) in ``workshop_id``."""

    problem: str | None = None
    seat: bool | None = None
    workshop_id: int | None = None

    @property
    def status(self) -> str:
        """The newcomer's status; asked only of a decision without a problem."""
        assert not self.problem, self.problem
        return Status.CONFIRMED if self.seat else Status.WAITING


@dataclass
class Capacity:
    """Locked dates and workshops, with the seats taken in each (holders only), and the
    registrations locked with them."""

    dates: dict[int, EventDate]
    workshops: dict[int, Workshop]
    registrations: dict[int, Registration] = field(default_factory=dict)
    taken_on_date: dict[int, int] = field(default_factory=dict)
    taken_in_workshop: dict[int, int] = field(default_factory=dict)

    def workshops_of(self, date_id: int) -> list[Workshop]:
        return [w for w in self.workshops.values() if w.event_date_id == date_id]

    def date_has_seat(self, date_id: int) -> bool:
        seats = self.dates[date_id].seats
        return seats is None or self.taken_on_date.get(date_id, 0) < seats

    def workshop_has_seat(self, workshop_id: int) -> bool:
        seats = self.workshops[workshop_id].seats
        return seats is None or self.taken_in_workshop.get(workshop_id, 0) < seats

    def first_with_seat(self, choices: Iterable[int], *, held: int | None = None) -> int | None:
        """The first workshop in order of preference that has a seat. ``held``: the workshop
        whose seat the person already holds counts as free for them."""
        return next(
            (w for w in choices if w == held or self.workshop_has_seat(w)),
            None,
        )

    def take(self, date_id: int, workshop_id: int | None) -> None:
        self.taken_on_date[date_id] = self.taken_on_date.get(date_id, 0) + 1
        if workshop_id:
            self.taken_in_workshop[workshop_id] = self.taken_in_workshop.get(workshop_id, 0) + 1

    def recount(self) -> None:
        """Count the seat holders of the locked dates (one grouped query)."""
        per_date, per_workshop = Registration.objects.seats_taken(self.dates)
        self.taken_on_date = {pk: per_date.get(pk, 0) for pk in self.dates}
        self.taken_in_workshop = per_workshop


def lock(
    *, date_ids: Iterable[int], registrations: QuerySet[Registration] | None = None
) -> Capacity:
    """Take the locks in the one order (dates, workshops, registrations), then read and count.

    Must run inside a transaction. ``registrations``: the rows the caller will change (those
    on the locked dates are locked and returned in ``Capacity.registrations``).
    """
    date_ids = sorted(set(date_ids))
    list(lock_rows(EventDate.objects.filter(pk__in=date_ids)).order_by("pk").values_list("pk"))
    workshops = {
        w.pk: w
        for w in lock_rows(Workshop.objects.filter(event_date_id__in=date_ids)).order_by("pk")
    }
    locked: dict[int, Registration] = {}
    if registrations is not None:
        # Only rows (still) on the locked dates: one moved meanwhile is left out, and the
        # caller locks again for its new date.
        registrations = registrations.filter(event_date_id__in=date_ids)
        locked = {r.pk: r for r in lock_rows(registrations).order_by("pk")}
    # Read after the locks: a new statement sees what the previous lock holder committed.
    dates = {d.pk: d for d in EventDate.objects.select_related("event").filter(pk__in=date_ids)}
    capacity = Capacity(dates=dates, workshops=workshops, registrations=locked)
    capacity.recount()
    return capacity


# --- the rule --------------------------------------------------------------------------------


def is_open(event_date: EventDate, now: datetime | None = None) -> bool:
    """Whether people may register online for this date (staff may register them anyway)."""
    now = now or timezone.now()
    return (
        event_date.event.registration_state(now) == "open"
        and not event_date.cancelled
        and event_date.end >= now
    )


def decide(
    capacity: Capacity,
    *,
    event_id: int,
    date_id: int,
    choices: list[int],
    check_open: bool = True,
    now: datetime | None = None,
) -> Decision:
    """Where a newcomer to a locked date goes: the Python twin of the database function.

    ``choices``: workshop ids in order of preference (all of the date, none twice).
    """
    event_date = capacity.dates.get(date_id)
    if event_date is None or event_date.event_id != event_id:
        return Decision(problem="invalid_date")
    if check_open and not is_open(event_date, now):
        return Decision(problem="closed")
    own = {w.pk for w in capacity.workshops_of(date_id)}
    if any(choice not in own for choice in choices):
        return Decision(problem="invalid_choice")
    if not choices and own:
        return Decision(problem="no_choice")
    first = choices[0] if choices else None
    if not capacity.date_has_seat(date_id):
        return Decision(seat=False, workshop_id=first)
    if not choices:
        return Decision(seat=True)
    target = capacity.first_with_seat(choices)
    if target is None:
        return Decision(seat=False, workshop_id=first)
    return Decision(seat=True, workshop_id=target)


def promote_waiting(capacity: Capacity, date_id: int) -> list[Registration]:
    """Move people up from the waiting list, first come first served, while seats are free.

    Runs under ``lock()`` of the date, after the caller's change and ``capacity.recount()``.
    A person waiting for a full workshop does not block the next person whose workshop has a
    seat; each moves up into the first of their choices with a seat. Nobody moves up on a
    cancelled date or event.
    """
    event_date = capacity.dates[date_id]
    promoted: list[Registration] = []
    if event_date.event.is_cancelled or event_date.cancelled:
        return promoted
    now = timezone.now()
    has_workshops = bool(capacity.workshops_of(date_id))
    for registration in Registration.objects.filter(event_date_id=date_id).waiting():
        if not capacity.date_has_seat(date_id):
            break
        preferences = list(
            dict.fromkeys(
                pk
                for pk in (
                    registration.workshop_id,
                    registration.first_choice_id,
                    registration.second_choice_id,
                )
                if pk and pk in capacity.workshops
            )
        )
        if has_workshops and not preferences:
            continue
        target = capacity.first_with_seat(preferences)
        if preferences and target is None:
            continue
        registration.status = Status.CONFIRMED
        registration.workshop_id = target
        registration.promoted_at = now
        registration.save(update_fields=["status", "workshop", "promoted_at"])
        capacity.take(date_id, target)
        promoted.append(registration)
        mails.queue(registration, "moved_up")
    return promoted


def recount_and_promote(capacity: Capacity) -> list[Registration]:
    """After a change under the lock: seats may have been freed on any locked date."""
    capacity.recount()
    promoted: list[Registration] = []
    for date_id in capacity.dates:
        promoted += promote_waiting(capacity, date_id)
    return promoted


# --- a new registration in one round trip ---------------------------------------------------


def _function_arguments(
    *, date_id: int, event_id: int, choices: list[int], lock: bool, check_open: bool
) -> list[Any]:
    """The arguments of ``conferences_place_registration``, in its order."""
    return [
        date_id,
        event_id,
        choices,
        lock,
        check_open,
        list(Registration.SEAT_STATUSES),
        Event.Status.PUBLISHED,
    ]


FUNCTION_CALL = "conferences_place_registration(%s, %s, %s::bigint[], %s, %s, %s::text[], %s)"


def decide_in_database(
    *, date_id: int, event_id: int, choices: list[int], check_open: bool = True
) -> Decision:
    """Ask the database function without inserting (for the parity test and diagnostics)."""
    args = _function_arguments(
        date_id=date_id, event_id=event_id, choices=choices, lock=True, check_open=check_open
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT o_problem, o_seat, o_workshop FROM {FUNCTION_CALL}", args)
        problem, seat, workshop_id = cursor.fetchone()
    return Decision(problem=problem, seat=seat, workshop_id=workshop_id)


# Columns whose values the database decides under the lock, with their parameters.
_DECIDED: dict[str, tuple[str, tuple[Any, ...]]] = {
    "status": ("CASE WHEN p.o_seat THEN %s ELSE %s END", (Status.CONFIRMED, Status.WAITING)),
    "workshop_id": ("p.o_workshop", ()),
    # The clock at the INSERT, under the lock: the waiting list's order is the lock's order.
    "waiting_since": ("CASE WHEN NOT p.o_seat THEN clock_timestamp() END", ()),
}


@cache
def _statement() -> tuple[str, tuple[Field[Any, Any], ...], tuple[Any, ...]]:
    """The INSERT statement, the model fields it fills from Python, the decided parameters."""
    fields = tuple(
        f
        for f in Registration._meta.concrete_fields
        if not f.primary_key and f.column not in _DECIDED
    )
    quote = connection.ops.quote_name
    columns = [quote(f.column) for f in fields] + [quote(c) for c in _DECIDED]
    values = ["%s"] * len(fields) + [sql for sql, _params in _DECIDED.values()]
    decided_params = tuple(p for _sql, params in _DECIDED.values() for p in params)
    # The participant's mail job, in the same statement: a registration is never committed
    # without it (the transactional outbox, portal/lib/jobs.py).
    mail_job = mails.queue_sql("i.pk", "CASE WHEN p.o_seat THEN 'confirmed' ELSE 'waiting' END")
    sql = f"""
WITH p AS MATERIALIZED (
    SELECT * FROM {FUNCTION_CALL}
), inserted AS (
    INSERT INTO {quote(Registration._meta.db_table)} ({", ".join(columns)})
    SELECT {", ".join(values)} FROM p WHERE p.o_problem IS NULL
    RETURNING {quote(Registration._meta.pk.column)} AS pk, status, waiting_since
), mail AS (
    SELECT {mail_job} AS job_id FROM inserted i, p
)
SELECT p.o_problem, p.o_seat, p.o_workshop, i.pk, i.status, i.waiting_since, m.job_id
  FROM p LEFT JOIN inserted i ON true LEFT JOIN mail m ON true"""
    return sql, fields, decided_params


def place_and_insert(
    registration: Registration, *, event_id: int, choices: list[int], check_open: bool
) -> Decision:
    """Lock the registration's date, decide seat or waiting list, INSERT, COMMIT.

    While one registration holds the lock on its date, every other registration for that date
    waits, so the time between taking the lock and COMMIT decides the throughput of a rush.
    Profiling a rush showed the lock holder mostly "idle in transaction", waiting for the web
    process, so the lock is taken and released within one round trip: the database function
    locks the date row and decides, the same statement inserts the row, and the COMMIT
    follows in the same query string. The same statement inserts the job that sends the
    participant's mail. The web process only prepares the values before and reads the outcome
    after.

    Must be the only statement of the outermost ``atomic`` block: the COMMIT is sent with it,
    so Django's own COMMIT at the end of the block finds no open transaction (psycopg then
    does nothing) and runs the on-commit callbacks as usual. Inside an enclosing atomic block
    (a test's) the COMMIT is left to that block. If the INSERT fails (a unique constraint),
    the COMMIT is not executed and the block rolls back.

    The COMMIT is synchronous: it waits for the WAL flush while the date is still locked.
    The participant is answered on this commit alone, so an asynchronous one (which shortens
    the lock by one fsync) could let a database crash right after the answer take the
    registration and its mail with it; tests/faults/ crashes the database during a rush and
    finds every acknowledged registration.
    """
    sql, fields, decided_params = _statement()
    if _outermost():
        sql += "; COMMIT"
    params = [
        *_function_arguments(
            date_id=registration.event_date_id,
            event_id=event_id,
            choices=choices,
            lock=LOCK_IN_DATABASE,
            check_open=check_open,
        ),
        *(f.get_db_prep_save(f.pre_save(registration, True), connection) for f in fields),
        *decided_params,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        problem, seat, workshop_id, pk, status, waiting_since, _job_id = cursor.fetchone()
    if pk is not None:
        registration.pk = pk
        registration.status = status
        registration.workshop_id = workshop_id
        registration.waiting_since = waiting_since
        registration._state.adding = False
        registration._state.db = connection.alias
    return Decision(problem=problem, seat=seat, workshop_id=workshop_id)


def _outermost() -> bool:
    """True in the one atomic block that owns the transaction (never inside a test's)."""
    return len(connection.atomic_blocks) == 1 and not connection.savepoint_ids
