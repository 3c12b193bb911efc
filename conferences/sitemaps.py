"""Sitemap sections of this app (added to /sitemap.xml by portal.sitemaps)."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from conferences.models import Event
from portal.models import Region


class EventSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Event.objects.published().select_related("region").order_by("pk")

    def lastmod(self, item: Event):
        return item.updated_at


class EventListSitemap(Sitemap):
    pages = ["event_list", "event_archive"]

    def items(self):
        return [("", "events_all")] + [
            (slug, page)
            for slug in Region.objects.values_list("slug", flat=True)
            for page in self.pages
        ]

    def location(self, item):
        slug, page = item
        if not slug:
            return reverse(f"conferences:{page}")
        return reverse(f"conferences:{page}", kwargs={"region": slug})


SITEMAPS = {"events": EventSitemap, "event_lists": EventListSitemap}
