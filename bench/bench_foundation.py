"""Foundation pages under load: the county list, a county's home page and the health check.

Creates its own county (slug ``bench-foundation``) with a realistic office (contacts, team,
statistics) and removes it afterwards. Prints each page's figures and its throughput as a
share of the bare Django view (``/health/ping/``) measured in the same run.
"""

from __future__ import annotations

from datetime import date

from bench.harness import gunicorn, reference, run_load

SLUG = "bench-foundation"
REQUESTS = 1500
CONCURRENCY = 40


def _create_region():
    from portal import services
    from portal.models import Region, RegionContact, RegionStatistic, TeamMember

    Region.objects.filter(slug=SLUG).delete()
    region = services.region_create(
        name="Landkreis Benchmark",
        slug=SLUG,
        county_key="99901",
        office_name="Koordinierungsstelle Migration",
        postal_address="Kreishaus\nMusterstraße 1\n12345 Musterstadt",
        opening_hours="Mo–Fr 8–12 Uhr",
    )
    for n in range(6):
        RegionContact.objects.create(region=region, kind="phone", value=f"05321 76-{200 + n}")
        TeamMember.objects.create(region=region, name=f"Mitarbeiterin {n}", role="Koordination")
    RegionStatistic.objects.create(
        region=region,
        label="Herkunftsnationen",
        value="122",
        as_of=date(2018, 1, 30),
        source="Pressemitteilung",
    )
    return region


def main() -> None:
    region = _create_region()
    try:
        with gunicorn() as base:
            # Warm up every worker's connection and template cache.
            run_load([lambda c: c.get(f"{base}/{SLUG}/")] * 40, 8)
            ref = reference(base, REQUESTS, CONCURRENCY)
            print(ref.summary("reference /health/ping/"))
            pages = {
                "county list /": f"{base}/",
                f"county home /{SLUG}/": f"{base}/{SLUG}/",
                "health /health/": f"{base}/health/",
                "sitemap /sitemap.xml": f"{base}/sitemap.xml",
            }
            for label, url in pages.items():
                result = run_load([lambda c, u=url: c.get(u)] * REQUESTS, CONCURRENCY)
                share = result.per_second / ref.per_second if ref.per_second else 0
                print(result.summary(label) + f", {share:.0%} of the reference throughput")
    finally:
        region.delete()
