"""The seat decision of a new registration, second version (see conferences/services/seats.py).

What changed against 0004:
- The date row is locked in a statement of its own, and the date and its event are read in the
  next one. A volatile function takes a new snapshot per statement, so the read now sees what
  the previous lock holder committed: a registration that waited while the event was being
  cancelled is refused instead of being confirmed on a cancelled event (the old read was part
  of the locking statement, whose snapshot was older than the lock).
- No status names in SQL: the seat statuses and the published status are arguments, and the
  function answers ``o_seat`` (true: a seat, false: the waiting list) instead of a status.

Changing the rule means a new migration with a new function and a change of the Python twin
(``seats.decide``); the parity test fails until both agree.
"""

from importlib import import_module

from django.db import migrations

PLACE_REGISTRATION = r"""
DROP FUNCTION IF EXISTS conferences_place_registration(bigint, bigint, bigint[], boolean, boolean);
CREATE FUNCTION conferences_place_registration(
    p_date bigint,
    p_event bigint,
    p_choices bigint[],
    p_lock boolean,
    p_check_open boolean,
    p_seat_statuses text[],
    p_published text,
    OUT o_problem text,
    OUT o_seat boolean,
    OUT o_workshop bigint
) LANGUAGE plpgsql VOLATILE AS $$
-- Problems are returned, not raised: the caller names them.
DECLARE
    d record;
    choice bigint;
    seats integer;
    taken integer;
BEGIN
    IF p_lock THEN
        PERFORM 1 FROM conferences_eventdate WHERE id = p_date FOR UPDATE;
    END IF;
    -- A new statement, so a new snapshot: it sees whatever the lock's previous holder committed.
    SELECT dd.event_id, dd.seats, dd.cancelled, dd."end", e.status,
           e.registration_enabled, e.registration_closed,
           e.registration_opens, e.registration_closes
      INTO d
      FROM conferences_eventdate dd JOIN conferences_event e ON e.id = dd.event_id
     WHERE dd.id = p_date;
    IF NOT FOUND OR d.event_id IS DISTINCT FROM p_event THEN
        o_problem := 'invalid_date';
        RETURN;
    END IF;
    -- seats.is_open(): Event.registration_state() == "open", plus the date itself.
    IF p_check_open AND NOT (
        d.status = p_published AND d.registration_enabled AND NOT d.registration_closed
        AND (d.registration_opens IS NULL OR now() >= d.registration_opens)
        AND (d.registration_closes IS NULL OR now() < d.registration_closes)
        AND NOT d.cancelled AND d."end" >= now()
    ) THEN
        o_problem := 'closed';
        RETURN;
    END IF;
    IF EXISTS (
        SELECT 1 FROM unnest(p_choices) AS c(id)
         WHERE NOT EXISTS (
            SELECT 1 FROM conferences_workshop w WHERE w.id = c.id AND w.event_date_id = p_date
         )
    ) THEN
        o_problem := 'invalid_choice';
        RETURN;
    END IF;
    IF cardinality(p_choices) = 0
       AND EXISTS (SELECT 1 FROM conferences_workshop w WHERE w.event_date_id = p_date) THEN
        o_problem := 'no_choice';
        RETURN;
    END IF;
    -- The first choice with a seat, else the waiting list of the first.
    SELECT count(*) INTO taken FROM conferences_registration
     WHERE event_date_id = p_date AND status = ANY (p_seat_statuses);
    IF d.seats IS NOT NULL AND taken >= d.seats THEN
        o_seat := false;
        o_workshop := p_choices[1];
        RETURN;
    END IF;
    o_seat := true;
    IF cardinality(p_choices) = 0 THEN
        RETURN;
    END IF;
    FOREACH choice IN ARRAY p_choices LOOP
        SELECT w.seats INTO seats FROM conferences_workshop w WHERE w.id = choice;
        SELECT count(*) INTO taken FROM conferences_registration
         WHERE workshop_id = choice AND status = ANY (p_seat_statuses);
        IF seats IS NULL OR taken < seats THEN
            o_workshop := choice;
            RETURN;
        END IF;
    END LOOP;
    o_seat := false;
    o_workshop := p_choices[1];
END;
$$;
"""

DROP = (
    "DROP FUNCTION IF EXISTS conferences_place_registration(bigint, bigint, bigint[], boolean, "
    "boolean, text[], text);"
)


def _previous() -> str:
    return import_module("conferences.migrations.0004_place_registration_function").PLACE_REGISTRATION


class Migration(migrations.Migration):
    dependencies = [
        ("conferences", "0004_place_registration_function"),
    ]

    operations = [migrations.RunSQL(PLACE_REGISTRATION, DROP + _previous())]
