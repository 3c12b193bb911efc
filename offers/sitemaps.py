"""Sitemap sections of this app (added to /sitemap.xml by portal.sitemaps)."""

from collections.abc import Sequence

from django.db.models import Exists, OuterRef
from django.urls import reverse

from networks.models import Organisation
from offers.models import Offer
from portal.sitemaps import SitemapEntry, detail_pages, region_pages


def directory_pages(region_slugs: Sequence[str]) -> list[SitemapEntry]:
    names = ["offers:offer_search", "offers:provider_list", "offers:open_data"]
    return region_pages([*names, "offers:offer_suggest_new"], region_slugs)


def offer_pages(region_slugs: Sequence[str]) -> list[SitemapEntry]:
    rows = Offer.objects.published().order_by("pk").values_list("region__slug", "pk", "updated_at")
    return detail_pages(rows, "offers:offer_detail", key="pk", changefreq="weekly")


def provider_pages(region_slugs: Sequence[str]) -> list[SitemapEntry]:
    """Public organisations with a public offer (what the provider list shows)."""
    offers = Offer.objects.published().filter(provider=OuterRef("pk"))
    rows = (
        Organisation.objects.public()
        .filter(Exists(offers))
        .order_by("region__slug", "name")
        .values_list("region__slug", "slug")
    )
    return [
        SitemapEntry(reverse("offers:provider_detail", kwargs={"region": region, "slug": slug}))
        for region, slug in rows
    ]


SITEMAPS = {
    "offer-directory": directory_pages,
    "offers": offer_pages,
    "offer-providers": provider_pages,
}
