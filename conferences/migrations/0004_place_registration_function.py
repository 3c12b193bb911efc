"""The seat decision of a new registration as a database function (replaced by 0005; see services/seats.py).

Changing the rules means a new migration with CREATE OR REPLACE FUNCTION.
"""

from django.db import migrations

PLACE_REGISTRATION = r"""
CREATE OR REPLACE FUNCTION conferences_place_registration(
    p_date bigint,
    p_event bigint,
    p_choices bigint[],
    p_lock boolean,
    p_check_open boolean,
    OUT o_problem text,
    OUT o_status text,
    OUT o_workshop bigint
) LANGUAGE plpgsql VOLATILE AS $$
-- Lock the date row, then count. In READ COMMITTED every statement of a volatile function
-- takes a new snapshot, so the counts after the lock see every registration committed by
-- whoever held the lock before. Problems are returned, not raised: the caller names them.
DECLARE
    d record;
    choice bigint;
    seats integer;
    taken integer;
BEGIN
    EXECUTE format(
        'SELECT dd.event_id, dd.seats, dd.cancelled, dd."end", e.status,
                e.registration_enabled, e.registration_closed,
                e.registration_opens, e.registration_closes
           FROM conferences_eventdate dd JOIN conferences_event e ON e.id = dd.event_id
          WHERE dd.id = $1 %s',
        CASE WHEN p_lock THEN 'FOR UPDATE OF dd' ELSE '' END
    ) INTO d USING p_date;
    IF d IS NULL OR d.event_id IS DISTINCT FROM p_event THEN
        o_problem := 'invalid_date';
        RETURN;
    END IF;
    -- The same rule as Event.registration_state() == "open", plus the date itself.
    IF p_check_open AND NOT (
        d.status = 'published' AND d.registration_enabled AND NOT d.registration_closed
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
    -- Where a newcomer goes: the first choice with a seat, else the waiting list of the first.
    SELECT count(*) INTO taken FROM conferences_registration
     WHERE event_date_id = p_date AND status IN ('confirmed', 'attended');
    IF d.seats IS NOT NULL AND taken >= d.seats THEN
        o_status := 'waiting';
        o_workshop := p_choices[1];
        RETURN;
    END IF;
    o_status := 'confirmed';
    IF cardinality(p_choices) = 0 THEN
        RETURN;
    END IF;
    FOREACH choice IN ARRAY p_choices LOOP
        SELECT w.seats INTO seats FROM conferences_workshop w WHERE w.id = choice;
        SELECT count(*) INTO taken FROM conferences_registration
         WHERE workshop_id = choice AND status IN ('confirmed', 'attended');
        IF seats IS NULL OR taken < seats THEN
            o_workshop := choice;
            RETURN;
        END IF;
    END LOOP;
    o_status := 'waiting';
    o_workshop := p_choices[1];
END;
$$;
"""

DROP = (
    "DROP FUNCTION IF EXISTS conferences_place_registration(bigint, bigint, bigint[], boolean, "
    "boolean);"
)


class Migration(migrations.Migration):
    dependencies = [
        ("conferences", "0003_workshop_measures"),
    ]

    operations = [migrations.RunSQL(PLACE_REGISTRATION, DROP)]
