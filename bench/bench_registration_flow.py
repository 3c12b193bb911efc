"""The whole registration flow as visitors make it, with the mails: 600 visitors from 50
concurrent clients for an event date with 300 seats, against gunicorn on loopback, while the
worker (``manage.py worker``) sends the mails to a local SMTP sink.

Each visitor comes with a fresh cookie jar: GET the event page (which may come from the page
cache, as it does for real visitors), GET the form (reads its CSRF token and idempotency key),
POST, GET the confirmation page. Prints registrations/s and its share of the bare Django view
(the floor) of the same run, p50/p99 per visitor, the seated and waiting counts, and whether
every mail was sent exactly once (OutgoingMail rows and what the SMTP sink received).
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from urllib.parse import urljoin, urlsplit

from django.db import connection
from django.test import RequestFactory

from bench.harness import (
    ROOT,
    LightClient,
    Response,
    bench_event,
    gunicorn,
    median,
    reference,
    run_load,
    seated_and_waiting,
)
from tests.faults.smtp_sink import SmtpSink

SLUG = "bench-registration-flow"
DOMAIN = "flow.bench.example.org"
VISITORS = 600
CONCURRENCY = 50
SEATS = 300
# One sync worker per core: the load generator, the mail worker and PostgreSQL share them.
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
TARGET_SHARE = 0.02  # registrations/s as a share of the bare view's requests/s
MAIL_WAIT_SECONDS = 120
REGISTRATION_MAIL = "conferences.send_registration_mail"
SEND_MAIL = "portal.send_mail"

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
KEY_FIELD = re.compile(r'name="idempotency_key" value="([^"]+)"')


def _email(n: int) -> str:
    return f"visitor{n}@{DOMAIN}"


def cleanup(first_job_id: int | None = None) -> None:
    """Delete what a run created: registrations, their mails and jobs, the region. With
    ``first_job_id``, also the worker's periodic stalled-job checks queued during the run."""
    from conferences.models import Registration
    from portal.models import OutgoingMail, Region

    registration_ids = list(
        Registration.objects.filter(event_date__event__region__slug=SLUG).values_list(
            "pk", flat=True
        )
    )
    mail_ids = list(OutgoingMail.objects.filter(to__endswith=f"@{DOMAIN}").values_list("pk"))
    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM procrastinate_jobs WHERE "
            "(task_name = %s AND (args->>'registration_id')::bigint = ANY(%s)) "
            "OR (task_name = %s AND (args->>'mail_id')::bigint = ANY(%s))",
            [REGISTRATION_MAIL, registration_ids, SEND_MAIL, [pk for (pk,) in mail_ids]],
        )
        if first_job_id is not None:
            cursor.execute(
                "DELETE FROM procrastinate_jobs WHERE id >= %s "
                "AND task_name = 'portal.retry_stalled_jobs' AND status <> 'doing'",
                [first_job_id],
            )
    OutgoingMail.objects.filter(to__endswith=f"@{DOMAIN}").delete()
    Registration.objects.filter(pk__in=registration_ids).delete()
    Region.objects.filter(slug=SLUG).delete()


def forget_cached_pages(host: str, paths: list[str], versions: range) -> int:
    """Remove the pages the run left in the page cache (the event page and the confirmations,
    under whichever content version of the run they were stored): the keys as
    portal.lib.pagecache makes them for a visitor in German without htmx. Returns how many."""
    from django.core.cache import cache

    from portal.lib import pagecache

    factory = RequestFactory(HTTP_HOST=host)
    requests = []
    for path in paths:
        request = factory.get(path)
        request.LANGUAGE_CODE = "de"
        requests.append(request)
    keys = [pagecache.cache_key(r, version) for version in versions for r in requests]
    found = 0
    for start in range(0, len(keys), 2000):
        chunk = keys[start : start + 2000]
        found += len(cache.get_many(chunk))
        cache.delete_many(chunk)
    return found


def setup():
    return bench_event(
        region_slug=SLUG,
        county_key="99995",
        region_name="Landkreis Anmeldeweg",
        title="Anmeldung von Anfang bis Ende",
        seats=SEATS,
    )


def _next_job_id() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT coalesce(max(id), 0) + 1 FROM procrastinate_jobs")
        return cursor.fetchone()[0]


@contextlib.contextmanager
def mail_worker(smtp: SmtpSink):
    """``manage.py worker`` (as in tests/faults) with the SMTP sink as its relay."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "DEBUG": "false",
        "LOG_LEVEL": "WARNING",
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp.port),
        "EMAIL_TIMEOUT": "5",
    }
    with tempfile.TemporaryFile("w+") as log:
        process = subprocess.Popen(
            [sys.executable, "manage.py", "worker", "--concurrency", "2"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        try:
            yield process
        finally:
            process.send_signal(signal.SIGTERM)  # graceful: running jobs finish
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            log.seek(0)
            errors = [line for line in log.read().splitlines() if "Traceback" in line]
            if errors or process.returncode not in (0, -signal.SIGTERM):
                log.seek(0)
                print(f"worker exit {process.returncode}, log tail:\n{log.read()[-2000:]}")


def _mail_jobs_left() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM procrastinate_jobs WHERE queue_name = 'mail' "
            "AND status IN ('todo', 'doing')"
        )
        return cursor.fetchone()[0]


def wait_for_mails(expected: int, smtp: SmtpSink) -> float | None:
    """Seconds until the worker sent ``expected`` mails and no mail job is left, or None."""
    from portal.models import OutgoingMail

    started = time.monotonic()
    while time.monotonic() - started < MAIL_WAIT_SECONDS:
        sent = OutgoingMail.objects.filter(
            to__endswith=f"@{DOMAIN}", status=OutgoingMail.Status.SENT
        ).count()
        if sent >= expected and len(smtp.recipients()) >= expected and not _mail_jobs_left():
            return time.monotonic() - started
        time.sleep(0.5)
    return None


def main() -> None:
    from conferences.models import Registration
    from portal.lib import content_version
    from portal.models import OutgoingMail

    # The figures depend on what else runs on the machine: say so next to them.
    load_before = os.getloadavg()
    cleanup()
    first_job_id = _next_job_id()
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM procrastinate_workers")
        if others := cursor.fetchone()[0]:
            # Another worker would take some of the mails and send them elsewhere.
            print(f"WARNING: {others} other worker(s) on this database: the mail check may fail")
    event, event_date = setup()
    smtp = SmtpSink()
    failures: Counter[str] = Counter()
    page_cache: Counter[str] = Counter()
    steps: dict[str, list[float]] = {"event page": [], "form": [], "POST": [], "confirmation": []}
    lock = threading.Lock()
    first_version = content_version.current()
    host = ""
    visited: list[str] = [f"/{SLUG}/events/{event.slug}/"]  # pages the page cache may keep
    try:
        with gunicorn(workers=WORKERS) as base, mail_worker(smtp) as worker:
            host = base.removeprefix("http://")
            event_url = f"{base}/{SLUG}/events/{event.slug}/"
            form_url = f"{event_url}register/"

            def failed(step: str, response: Response) -> Response:
                with lock:
                    failures[f"{step} {response.status_code}"] += 1
                return Response(599, {}, b"")

            def timed(step: str, started: float) -> float:
                now = time.perf_counter()
                with lock:
                    steps[step].append(now - started)
                return now

            def visitor(n: int):
                def flow(client: LightClient) -> Response:
                    client.forget_cookies()  # a new visitor: a new browser
                    started = time.perf_counter()
                    page = client.get(event_url)
                    started = timed("event page", started)
                    with lock:
                        page_cache[page.headers.get("x-page-cache", "not stored")] += 1
                    if page.status_code != 200:
                        return failed("event page", page)
                    form = client.get(form_url)
                    started = timed("form", started)
                    html = form.content.decode()
                    csrf, key = CSRF_FIELD.search(html), KEY_FIELD.search(html)
                    if form.status_code != 200 or not csrf or not key:
                        return failed("form", form)
                    posted = client.post(
                        form_url,
                        data={
                            "csrfmiddlewaretoken": csrf.group(1),
                            "idempotency_key": key.group(1),
                            "event_date": event_date.pk,
                            "name": f"Besuchende {n}",
                            "email": _email(n),
                            "organisation": "Verein",
                            "accessibility_needs": "",
                            "consent": "on",
                            "homepage": "",
                        },
                    )
                    started = timed("POST", started)
                    location = posted.headers.get("location", "")
                    if posted.status_code != 302 or not location.endswith("/confirmation/"):
                        return failed("POST", posted)
                    with lock:
                        visited.append(urlsplit(location).path)
                    confirmation = client.get(urljoin(base, location))
                    timed("confirmation", started)
                    if confirmation.status_code != 200:
                        return failed("confirmation", confirmation)
                    return confirmation

                return flow

            # Warm up the web workers (imports, connections) before measuring.
            reference(base, count=200, concurrency=10)
            result = run_load([visitor(n) for n in range(VISITORS)], CONCURRENCY)
            seated, waiting = seated_and_waiting(event_date)
            mails_after = wait_for_mails(seated + waiting, smtp)
            # The floor once the worker is idle again, with the same server and load shape.
            ping = reference(base, count=2000, concurrency=CONCURRENCY)
            worker_alive = worker.poll() is None
        load_after = os.getloadavg()

        rows = Counter(
            OutgoingMail.objects.filter(to__endswith=f"@{DOMAIN}").values_list("to", flat=True)
        )
        unsent = OutgoingMail.objects.filter(to__endswith=f"@{DOMAIN}").exclude(
            status=OutgoingMail.Status.SENT
        )
        received = Counter(r for r in smtp.recipients() if r.endswith(f"@{DOMAIN}"))
        registered = set(
            Registration.objects.filter(event_date=event_date).values_list("email", flat=True)
        )
        mails_ok = (
            mails_after is not None
            and set(rows) == registered
            and set(received) == registered
            and all(n == 1 for n in rows.values())
            and all(n == 1 for n in received.values())
            and not unsent.exists()
        )
        share = result.per_second / ping.per_second if ping.per_second else 0.0

        print(ping.summary("bare Django view (floor)"))
        print(result.summary("visitors (4 requests each)"))
        print(
            f"registrations/s {result.per_second:.1f} = {share:.1%} of the floor "
            f"({ping.per_second:.0f}/s); per visitor p50 {result.percentile(50) * 1000:.0f} ms, "
            f"p99 {result.percentile(99) * 1000:.0f} ms"
        )
        print(
            "median per step: "
            + ", ".join(f"{step} {median(times) * 1000:.0f} ms" for step, times in steps.items())
            + f"; event page from the page cache: {dict(page_cache)}"
        )
        print(
            f"seated {seated} (must be {SEATS}), waiting {waiting} (must be "
            f"{VISITORS - SEATS}), failed visitors {result.errors} {dict(failures) or ''}"
        )
        print(
            f"mails: {len(rows)} recipients with OutgoingMail rows ({sum(rows.values())} rows, "
            f"{unsent.count()} not sent), SMTP sink received {sum(received.values())} for "
            f"{len(received)} recipients, max per recipient rows {max(rows.values(), default=0)} "
            f"/ sink {max(received.values(), default=0)}; all sent "
            + (f"{mails_after:.1f} s after the load" if mails_after is not None else "NOT in time")
            + ("" if worker_alive else " (the worker died)")
        )
        checks = {
            f"registrations/s >= {TARGET_SHARE:.0%} of the floor": share >= TARGET_SHARE,
            f"exactly {SEATS} seated": seated == SEATS,
            f"{VISITORS - SEATS} on the waiting list": waiting == VISITORS - SEATS,
            "no failed visitor": result.errors == 0,
            "every mail sent exactly once": mails_ok,
        }
        for name, passed in checks.items():
            print(f"{'PASS' if passed else 'FAIL'}: {name}")
        print(
            f"gunicorn workers {WORKERS}, mail worker concurrency 2; load average before "
            f"{load_before[0]:.1f}/{load_before[1]:.1f}, after {load_after[0]:.1f}/"
            f"{load_after[1]:.1f} (1/5 min, 2 cores)"
        )
    finally:
        smtp.close()
        cleanup(first_job_id)
        if host:
            forgotten = forget_cached_pages(
                host, visited, range(first_version, content_version.current() + 1)
            )
            print(f"cleanup: {forgotten} pages removed from the page cache")
