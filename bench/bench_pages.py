"""Every kind of public page, anonymous, from the page cache and uncached, against gunicorn
(2 sync workers, DEBUG off) at 16 connections: req/s, p50 and p99, each as a share of the bare
Django view (``/health/ping/``) measured against the same server in the same run.

Uses the demo counties (``seed_demo`` is run when they are missing). Targets (the speed issue):
cached pages >= 25 % of the bare view, the uncached county home >= 5 %, the sitemap >= 10 %.
Also checks that anonymous pages set no cookie and that a revisit with the ETag gets 304.
"""

from __future__ import annotations

import os

from bench.harness import LightClient, gunicorn, reference, run_load

REQUESTS = int(os.environ.get("BENCH_PAGE_REQUESTS", "600"))
CONCURRENCY = 16
WORKERS = 2
CACHED_TARGET = 0.25
HOME_UNCACHED_TARGET = 0.05
SITEMAP_TARGET = 0.10


def pages() -> dict[str, str]:
    """One address of each kind of public page (from the demo data)."""
    from conferences.models import Event
    from networks.models import IntegrationConcept, Organisation
    from offers.models import Offer
    from portal.models import Region

    if not Region.objects.filter(slug="goslar").exists():
        from django.core.management import call_command

        call_command("seed_demo")
    event = Event.objects.published().filter(region__slug="goslar").order_by("pk").first()
    offer = Offer.objects.published().filter(region__slug="harz").order_by("pk").first()
    organisation = Organisation.objects.public().filter(region__slug="goslar").first()
    concept = IntegrationConcept.objects.public().select_related("region").order_by("pk").first()
    found = {
        "county list": "/",
        "county home": "/goslar/",
        "events": "/goslar/events/",
        "offers search": "/harz/offers/",
        "providers": "/harz/offers/providers/",
        "network": "/goslar/network/",
        "imprint": "/goslar/imprint/",
        "events feed": "/goslar/events/feed/",
        "calendar .ics": "/goslar/events/calendar.ics",
        "open data page": "/harz/offers/data/",
        "sitemap": "/sitemap.xml",
    }
    if event:
        found["event"] = event.get_absolute_url()
    if offer:
        found["offer"] = offer.get_absolute_url()
    if organisation:
        found["organisation"] = organisation.get_absolute_url()
    if concept:
        found["concept"] = concept.get_absolute_url()
    return found


def _measure(base: str, addresses: dict[str, str], label: str) -> dict[str, float]:
    ref = reference(base, 2000, CONCURRENCY)
    print(ref.summary(f"[{label}] bare view /health/ping/"), flush=True)
    shares = {}
    for name, path in addresses.items():
        url = f"{base}{path}"
        run_load([lambda c, u=url: c.get(u)] * 20, 4)  # warm (and, when cached, fill)
        result = run_load([lambda c, u=url: c.get(u)] * REQUESTS, CONCURRENCY)
        share = result.per_second / ref.per_second if ref.per_second else 0.0
        shares[name] = share
        print(
            f"[{label}] {name} {path}: {result.per_second:.0f}/s = {share:.1%} of the bare view, "
            f"p50 {result.percentile(50) * 1000:.1f} ms, "
            f"p99 {result.percentile(99) * 1000:.1f} ms, errors {result.errors}",
            flush=True,
        )
    return shares


def _check_headers(base: str, addresses: dict[str, str]) -> None:
    for name, path in addresses.items():
        client = LightClient()
        response = client.get(f"{base}{path}")
        etag = response.headers.get("etag", "")
        problems = []
        if response.status_code != 200:
            problems.append(f"status {response.status_code}")
        if "set-cookie" in response.headers:
            problems.append("sets a cookie")
        if "public" not in response.headers.get("cache-control", ""):
            problems.append("not Cache-Control public")
        if etag:
            client.cookies.clear()
            again = client.request_with_headers("GET", f"{base}{path}", {"If-None-Match": etag})
            if again.status_code != 304:
                problems.append(f"revisit answered {again.status_code}, not 304")
        else:
            problems.append("no ETag")
        print(f"headers {name}: {'ok' if not problems else ', '.join(problems)}")
        client.close()


def main() -> None:
    load_before = os.getloadavg()
    addresses = pages()
    with gunicorn(workers=WORKERS) as base:
        _check_headers(base, addresses)
        cached = _measure(base, addresses, "cached")
    with gunicorn(workers=WORKERS, env={"PAGE_CACHE_SECONDS": "0"}) as base:
        uncached = _measure(base, addresses, "uncached")
    load_after = os.getloadavg()
    print(
        f"load average before {load_before[0]:.1f}/{load_before[1]:.1f}, "
        f"after {load_after[0]:.1f}/{load_after[1]:.1f} (1/5 min; 2 cores)"
    )
    weakest = min(cached, key=lambda k: cached[k])
    verdicts = [
        (f"cached pages >= 25 % (weakest: {weakest})", cached[weakest] >= CACHED_TARGET),
        ("uncached county home >= 5 %", uncached["county home"] >= HOME_UNCACHED_TARGET),
        ("sitemap (cached) >= 10 %", cached["sitemap"] >= SITEMAP_TARGET),
        ("sitemap (uncached) >= 10 %", uncached["sitemap"] >= SITEMAP_TARGET),
    ]
    for text, ok in verdicts:
        print(f"{'PASS' if ok else 'FAIL'} {text}")
