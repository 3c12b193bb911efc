"""The short critical section of a new registration: lock the date, count, insert.

While one registration holds the lock on its date, every other registration for that date
waits, so what happens between taking the lock and COMMIT decides the throughput of a rush.
Profiling showed the lock holder spending most of that time in Python between statements
(building ORM queries and model instances), not in the database. So this path sends
the lock and everything it needs to read in one round trip (a multi-statement query; in READ
COMMITTED each statement takes a new snapshot, so the counts after the lock see every
registration committed before it), decides in a few lines of plain Python, and writes the row
with one prepared INSERT. The other writers (cancel, move, promote) keep the ORM path in
``registrations.lock_capacity``; both lock the date row first, so they exclude each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cache

from django.db import connection

from conferences.models import Registration

SEAT_STATUSES = [str(s) for s in Registration.SEAT_STATUSES]

# SELECT ... FOR UPDATE of the date row. A module attribute so the concurrency test can remove
# it and show that seats are then overbooked.
DATE_LOCK = "FOR UPDATE OF d"

_LOCK_AND_COUNT = """
SET LOCAL synchronous_commit = off;
SELECT d.event_id, d.seats, d.cancelled, d."end", e.status, e.registration_enabled,
       e.registration_closed, e.registration_opens, e.registration_closes
  FROM conferences_eventdate d JOIN conferences_event e ON e.id = d.event_id
 WHERE d.id = %(date)s {lock};
SELECT id, seats FROM conferences_workshop WHERE event_date_id = %(date)s;
SELECT workshop_id, count(*) FROM conferences_registration
 WHERE event_date_id = %(date)s AND status = ANY(%(holding)s) GROUP BY workshop_id;
"""


@dataclass
class LockedDate:
    """What a new registration needs to know about its date, read under the lock."""

    event_id: int
    seats: int | None
    cancelled: bool
    end: datetime
    event_status: str
    registration_enabled: bool
    registration_closed: bool
    registration_opens: datetime | None
    registration_closes: datetime | None
    workshop_seats: dict[int, int | None] = field(default_factory=dict)
    taken: int = 0
    taken_in_workshop: dict[int, int] = field(default_factory=dict)

    def date_has_seat(self) -> bool:
        return self.seats is None or self.taken < self.seats

    def workshop_has_seat(self, workshop_id: int) -> bool:
        seats = self.workshop_seats[workshop_id]
        return seats is None or self.taken_in_workshop.get(workshop_id, 0) < seats


def lock_date(date_id: int, *, relaxed_commit: bool) -> LockedDate | None:
    """Lock the date row and read its seats, workshops and seat holders (one round trip).

    With ``relaxed_commit`` the transaction's COMMIT returns before its WAL record reaches the
    disk. The lock on the date is held until COMMIT returns, so waiting for the disk there
    would serialise every registration of a date behind one fsync each. Durability is not
    given up for the participant: the caller must make a synchronous commit before answering
    (the mail job is deferred after the commit in a normal transaction, and flushing its WAL
    record also flushes every earlier one, ours included). A database crash can only lose a
    registration whose participant has not yet been answered.
    """
    sql = _LOCK_AND_COUNT.format(lock=DATE_LOCK)
    if not relaxed_commit:
        sql = sql.split(";", 1)[1]
    with connection.cursor() as cursor:
        cursor.execute(sql, {"date": date_id, "holding": SEAT_STATUSES})
        raw = cursor.cursor  # the psycopg cursor: one result set per statement
        if relaxed_commit:
            raw.nextset()
        row = raw.fetchone()
        if row is None:
            return None
        locked = LockedDate(*row)
        raw.nextset()
        locked.workshop_seats = dict(raw.fetchall())
        raw.nextset()
        for workshop_id, n in raw.fetchall():
            locked.taken += n
            if workshop_id is not None:
                locked.taken_in_workshop[workshop_id] = n
    return locked


@cache
def _insert_statement() -> tuple[str, tuple]:
    fields = tuple(f for f in Registration._meta.concrete_fields if not f.primary_key)
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({}) RETURNING {}".format(
        quote(Registration._meta.db_table),
        ", ".join(quote(f.column) for f in fields),
        ", ".join(["%s"] * len(fields)),
        quote(Registration._meta.pk.column),
    )
    return sql, fields


def insert_registration(registration: Registration, *, commit: bool = False) -> None:
    """INSERT the registration as Django would (defaults, auto_now_add), in one statement.

    With ``commit`` the COMMIT goes in the same round trip (a multi-statement query), so the
    lock on the date is released without waiting for the web process to be scheduled once
    more. It must then be the last statement of the outermost ``atomic`` block: Django's own
    COMMIT at the end of the block finds no open transaction (psycopg does nothing) and runs
    the on-commit callbacks as usual. If the INSERT fails, the COMMIT is not executed and
    the block rolls back.
    """
    sql, fields = _insert_statement()
    params = [f.get_db_prep_save(f.pre_save(registration, True), connection) for f in fields]
    with connection.cursor() as cursor:
        cursor.execute(f"{sql}; COMMIT" if commit and _outermost() else sql, params)
        registration.pk = cursor.fetchone()[0]
    registration._state.adding = False
    registration._state.db = connection.alias


def _outermost() -> bool:
    """True in the one atomic block that owns the transaction (never inside a test's)."""
    return len(connection.atomic_blocks) == 1 and not connection.savepoint_ids
