"""What every benchmark needs: a gunicorn on loopback and a timed, concurrent HTTP load.

Machines here are noisy, so each benchmark reports its figures *and* the ratio to a bare
Django view (``/health/ping/``) measured against the same server in the same run.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
SAFE_URL_CHARS = "/?&=%:+,;@!$'()*~"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def gunicorn(workers: int = 4, env: dict[str, str] | None = None) -> Iterator[str]:
    """Run the portal under gunicorn on a free loopback port; yields the base URL."""
    port = free_port()
    environment = {
        **os.environ,
        "DEBUG": "false",
        "STAFF_REQUIRE_MFA": "false",
        "PUBLIC_FORM_RATE_LIMIT": "0",
        **(env or {}),
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "portal.wsgi:application",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            str(workers),
            "--threads",
            "1",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=environment,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError, http.client.HTTPException):
                if LightClient().get(f"{base}/health/ping/").status_code == 200:
                    break
            time.sleep(0.2)
        else:
            raise RuntimeError("gunicorn did not come up")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


class Response:
    def __init__(self, status: int, headers: dict[str, str], body: bytes):
        self.status_code = status
        self.headers = headers
        self.content = body


class LightClient:
    """A keep-alive HTTP client on http.client, about three times cheaper per request than
    httpx: on two cores the load generator must not eat the CPU of the server it measures.
    Keeps cookies (enough for Django's CSRF cookie) like a browser would."""

    def __init__(self):
        self.cookies: dict[str, str] = {}
        self._connection: http.client.HTTPConnection | None = None
        self._netloc = ""

    def _conn(self, netloc: str) -> http.client.HTTPConnection:
        if self._connection is None or netloc != self._netloc:
            host, _, port = netloc.partition(":")
            self._connection = http.client.HTTPConnection(host, int(port or 80), timeout=30)
            self._netloc = netloc
        return self._connection

    def request(self, method: str, url: str, data: dict | None = None) -> Response:
        return self.request_with_headers(method, url, {}, data)

    def request_with_headers(
        self, method: str, url: str, extra: dict[str, str], data: dict | None = None
    ) -> Response:
        parts = urlsplit(url)
        # Percent-encode what is not ASCII (e.g. search words in Arabic), keep the rest.
        path = quote(parts.path + (f"?{parts.query}" if parts.query else ""), safe=SAFE_URL_CHARS)
        headers = {"Connection": "keep-alive", **extra}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"{parts.scheme}://{parts.netloc}/"
        for attempt in (1, 2):
            connection = self._conn(parts.netloc)
            try:
                connection.request(method, path, body=body, headers=headers)
                raw = connection.getresponse()
                content = raw.read()
                break
            except (http.client.HTTPException, ConnectionError):
                connection.close()
                self._connection = None
                if attempt == 2:
                    raise
        for header, value in raw.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        return Response(raw.status, {k.lower(): v for k, v in raw.getheaders()}, content)

    def get(self, url: str) -> Response:
        return self.request("GET", url)

    def post(self, url: str, data: dict) -> Response:
        return self.request("POST", url, data)

    def forget_cookies(self) -> None:
        """The next request comes from a new visitor (a new browser, an empty cookie jar);
        the keep-alive connection stays, as a proxy's would."""
        self.cookies.clear()

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()


@dataclass
class LoadResult:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0

    @property
    def count(self) -> int:
        return len(self.latencies)

    @property
    def per_second(self) -> float:
        return self.count / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        if not self.latencies:
            return 0.0
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]

    def summary(self, label: str) -> str:
        return (
            f"{label}: {self.count} requests in {self.seconds:.2f}s = "
            f"{self.per_second:.0f}/s, p50 {self.percentile(50) * 1000:.1f} ms, "
            f"p95 {self.percentile(95) * 1000:.1f} ms, p99 {self.percentile(99) * 1000:.1f} ms, "
            f"errors {self.errors}"
        )


def run_load(
    requests: list[Callable[[LightClient], Response]],
    concurrency: int,
    ok: Callable[[Response], bool] = lambda r: r.status_code < 400,
) -> LoadResult:
    """Run each request function once, ``concurrency`` at a time, each client with its own
    connection pool (like separate browsers)."""
    result = LoadResult()
    clients = [LightClient() for _ in range(concurrency)]

    def work(index: int) -> None:
        client = clients[index % concurrency]
        started = time.perf_counter()
        try:
            response = requests[index](client)
            good = ok(response)
        except (OSError, http.client.HTTPException):
            good = False
        elapsed = time.perf_counter() - started
        if good:
            result.latencies.append(elapsed)
        else:
            result.errors += 1

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        list(pool.map(work, range(len(requests))))
    result.seconds = time.perf_counter() - started
    for client in clients:
        client.close()
    return result


def reference(base: str, count: int = 2000, concurrency: int = 50) -> LoadResult:
    """The bare Django view under the same load shape."""
    return run_load([lambda c: c.get(f"{base}/health/ping/")] * count, concurrency)


def median(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0


def seated_and_waiting(event_date) -> tuple[int, int]:
    """How many registrations of the date hold a seat and how many wait, in one query."""
    from django.db.models import Count, Q

    from conferences.models import Registration

    counts = Registration.objects.filter(event_date=event_date).aggregate(
        seated=Count("pk", filter=Q(status=Registration.Status.CONFIRMED)),
        waiting=Count("pk", filter=Q(status=Registration.Status.WAITING)),
    )
    return counts["seated"], counts["waiting"]


def bench_event(*, region_slug: str, county_key: str, region_name: str, title: str, seats: int):
    """A county with one published event and one date with ``seats`` seats, a month ahead,
    for the registration benchmarks; returns (event, event_date)."""
    from datetime import timedelta

    from django.utils import timezone

    from conferences.models import Event, EventDate
    from portal import services

    region = services.region_create(
        name=region_name, slug=region_slug, county_key=county_key, office_name="Bench"
    )
    event = Event.objects.create(
        region=region,
        title=title,
        slug=f"{region_slug}-event",
        status=Event.Status.PUBLISHED,
        published_at=timezone.now(),
    )
    start = timezone.now() + timedelta(days=30)
    event_date = EventDate.objects.create(
        event=event, start=start, end=start + timedelta(hours=4), seats=seats
    )
    return event, event_date
