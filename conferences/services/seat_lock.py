"""The short critical section of a new registration: lock the date, count, insert, commit.

While one registration holds the lock on its date, every other registration for that date
waits, so what happens between taking the lock and COMMIT decides the throughput of a rush.
Profiling the registration rush (pg_stat_activity sampling) showed the lock holder mostly
"idle in transaction": the database waited for the web process, which on a busy machine waits
for a CPU after every round trip. So the lock is now taken and released within one round
trip: ``conferences_place_registration`` (a database function, migration 0004) locks the date
row, counts the seat holders and decides seat or waiting list; the same statement inserts the
row, and the COMMIT follows in the same query string. The web process only prepares the values
before and reads the outcome after.

The other writers (cancel, move, promote) keep the ORM path in ``registrations.lock_capacity``;
both lock the date row first, so they exclude each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from django.db import connection

from conferences.models import Registration

# Whether the date row is locked. A module attribute so the concurrency test can remove the
# lock and show that seats are then overbooked.
LOCK_DATE = True

# Columns whose values the database decides under the lock.
_DECIDED = {
    "status": "p.o_status",
    "workshop_id": "p.o_workshop",
    # The clock at the INSERT, under the lock: the waiting list's order is the lock's order.
    "waiting_since": "CASE WHEN p.o_status = 'waiting' THEN clock_timestamp() END",
}


@dataclass
class Outcome:
    problem: str | None
    status: str | None
    workshop_id: int | None


@cache
def _statement() -> tuple[str, tuple]:
    fields = tuple(
        f
        for f in Registration._meta.concrete_fields
        if not f.primary_key and f.column not in _DECIDED
    )
    quote = connection.ops.quote_name
    columns = [quote(f.column) for f in fields] + [quote(c) for c in _DECIDED]
    values = ["%s"] * len(fields) + list(_DECIDED.values())
    sql = f"""
SET LOCAL synchronous_commit = off;
WITH p AS MATERIALIZED (
    SELECT * FROM conferences_place_registration(%s, %s, %s::bigint[], %s, %s)
), inserted AS (
    INSERT INTO {quote(Registration._meta.db_table)} ({", ".join(columns)})
    SELECT {", ".join(values)} FROM p WHERE p.o_problem IS NULL
    RETURNING {quote(Registration._meta.pk.column)} AS pk, waiting_since
)
SELECT p.o_problem, p.o_status, p.o_workshop, i.pk, i.waiting_since
  FROM p LEFT JOIN inserted i ON true"""
    return sql, fields


def place_and_insert(
    registration: Registration, *, event_id: int, choices: list[int], check_open: bool
) -> Outcome:
    """Lock the registration's date, decide seat or waiting list, INSERT, COMMIT.

    Must be the only statement of the outermost ``atomic`` block: the COMMIT is sent with
    it, so Django's own COMMIT at the end of the block finds no open transaction (psycopg
    then does nothing) and runs the on-commit callbacks as usual. Inside an enclosing atomic
    block (a test's) the COMMIT is left to that block. If the INSERT fails (a unique
    constraint), the COMMIT is not executed and the block rolls back.

    ``SET LOCAL synchronous_commit = off``: COMMIT returns before its WAL record reaches the
    disk, so the lock is not held over an fsync. The participant is still only answered after
    the registration is durable: the caller defers the mail job after the commit in a normal
    transaction, and flushing its WAL record flushes every earlier one, ours included.
    """
    sql, fields = _statement()
    if _outermost():
        sql += "; COMMIT"
    params = [
        registration.event_date_id,
        event_id,
        choices,
        LOCK_DATE,
        check_open,
        *(f.get_db_prep_save(f.pre_save(registration, True), connection) for f in fields),
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        raw = cursor.cursor  # the psycopg cursor: one result per statement
        raw.nextset()  # past SET LOCAL
        problem, status, workshop_id, pk, waiting_since = raw.fetchone()
    if pk is not None:
        registration.pk = pk
        registration.status = status
        registration.workshop_id = workshop_id
        registration.waiting_since = waiting_since
        registration._state.adding = False
        registration._state.db = connection.alias
    return Outcome(problem=problem, status=status, workshop_id=workshop_id)


def _outermost() -> bool:
    """True in the one atomic block that owns the transaction (never inside a test's)."""
    return len(connection.atomic_blocks) == 1 and not connection.savepoint_ids
