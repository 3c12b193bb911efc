"""Sitemap sections of this app (added to /sitemap.xml by portal.sitemaps)."""

from collections.abc import Sequence

from django.urls import reverse

from conferences.models import Event
from portal.sitemaps import SitemapEntry, detail_pages, region_pages


def event_pages(region_slugs: Sequence[str]) -> list[SitemapEntry]:
    rows = (
        Event.objects.published().order_by("pk").values_list("region__slug", "slug", "updated_at")
    )
    return detail_pages(rows, "conferences:event_detail", changefreq="weekly")


def event_lists(region_slugs: Sequence[str]) -> list[SitemapEntry]:
    return [
        SitemapEntry(reverse("conferences:events_all")),
        *region_pages(["conferences:event_list", "conferences:event_archive"], region_slugs),
    ]


SITEMAPS = {"events": event_pages, "event_lists": event_lists}
