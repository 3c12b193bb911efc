"""Registration rush: 2,000 registrations from 50 concurrent clients for an event with 300 seats
in 10 workshops, against gunicorn on loopback. Each client GETs the form once (CSRF cookie),
then POSTs. Prints registrations/s, p50/p95, confirmed count (must be 300), errors (must be 0)
and the ratio to a bare Django view under the same load."""

from __future__ import annotations

import os
import random
import re
import uuid

from django.db import connection

from bench.harness import bench_event, gunicorn, reference, run_load, seated_and_waiting

SLUG = "bench-registration"
REGISTRATIONS = 2000
CONCURRENCY = 50
SEATS = 300
WORKSHOPS = 10
TARGET_PER_SECOND = 200
# One sync worker per core: the load generator and PostgreSQL share the same two cores.
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
TARGET_P95 = 0.300


def cleanup() -> None:
    from conferences.models import Registration
    from portal.models import Region

    ids = list(
        Registration.objects.filter(event_date__event__region__slug=SLUG).values_list(
            "pk", flat=True
        )
    )
    if ids:
        with connection.cursor() as cursor:
            cursor.execute(
                "DELETE FROM procrastinate_jobs WHERE task_name = "
                "'conferences.send_registration_mail' AND status = 'todo' "
                "AND (args->>'registration_id')::bigint = ANY(%s)",
                [ids],
            )
    Registration.objects.filter(pk__in=ids).delete()
    Region.objects.filter(slug=SLUG).delete()


def setup():
    from conferences.models import Workshop

    event, event_date = bench_event(
        region_slug=SLUG,
        county_key="99998",
        region_name="Landkreis Benchmark",
        title="Registrierungs-Ansturm",
        seats=SEATS,
    )
    workshops = [
        Workshop.objects.create(
            event_date=event_date, title=f"Workshop {i}", seats=SEATS // WORKSHOPS, order=i
        )
        for i in range(WORKSHOPS)
    ]
    return event, event_date, workshops


def main() -> None:
    from conferences.models import Registration

    # The figures depend on what else runs on the machine: say so next to them.
    load_before = os.getloadavg()[0]
    cleanup()
    event, event_date, workshops = setup()
    try:
        with gunicorn(workers=WORKERS) as base:
            form_url = f"{base}/{SLUG}/events/{event.slug}/register/"
            rng = random.Random(4)

            def registration(n: int):
                first, second = rng.sample(workshops, 2)

                def request(client):
                    if "csrftoken" not in client.cookies:
                        client.get(form_url)
                    return client.post(
                        form_url,
                        data={
                            "csrfmiddlewaretoken": client.cookies["csrftoken"],
                            "idempotency_key": str(uuid.uuid4()),
                            "event_date": event_date.pk,
                            "first_choice": first.pk,
                            "second_choice": second.pk,
                            "name": f"Teilnehmende {n}",
                            "email": f"rush{n}@example.org",
                            "organisation": "Verein",
                            "accessibility_needs": "",
                            "consent": "on",
                            "homepage": "",
                        },
                    )

                return request

            def ok(response) -> bool:
                return response.status_code == 302 and bool(
                    re.search(r"/confirmation/$", response.headers.get("location", ""))
                )

            # Warm up the workers (imports, connections) before measuring.
            reference(base, count=200, concurrency=10)
            result = run_load([registration(n) for n in range(REGISTRATIONS)], CONCURRENCY, ok)
            ping = reference(base, count=REGISTRATIONS, concurrency=CONCURRENCY)
        confirmed, waiting = seated_and_waiting(event_date)
        overfull = [
            w.title
            for w in workshops
            if Registration.objects.filter(workshop=w, status="confirmed").count() > w.seats
        ]
        print(result.summary("registrations"))
        print(ping.summary("bare Django view"))
        print(
            f"registrations/s {result.per_second:.0f} (target >= {TARGET_PER_SECOND}), "
            f"p50 {result.percentile(50) * 1000:.0f} ms, p95 {result.percentile(95) * 1000:.0f} ms "
            f"(target < {TARGET_P95 * 1000:.0f} ms)"
        )
        print(
            f"confirmed {confirmed} (must be {SEATS}), waiting {waiting}, errors {result.errors} "
            f"(must be 0), overfull workshops {overfull or 'none'}"
        )
        print(
            f"gunicorn workers {WORKERS}; load average before {load_before:.1f}, "
            f"after {os.getloadavg()[0]:.1f} (2 cores)"
        )
        ratio = result.per_second / ping.per_second if ping.per_second else 0
        print(f"ratio to the bare Django view: {ratio:.2f}")
        if confirmed != SEATS or result.errors or overfull:
            print("FAILED: the seat promise or the error budget was broken")
    finally:
        cleanup()
