"""Sitemap sections of this app (added to /sitemap.xml by portal.sitemaps)."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from offers.models import Offer
from offers.selectors.opendata import public_providers
from portal.models import Region


class OfferDirectorySitemap(Sitemap):
    pages = ["offer_search", "provider_list", "open_data", "offer_suggest_new"]

    def items(self):
        return [(r.slug, page) for r in Region.objects.only("slug") for page in self.pages]

    def location(self, item):
        slug, page = item
        return reverse(f"offers:{page}", kwargs={"region": slug})


class OfferSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Offer.objects.published().select_related("region").order_by("pk")

    def lastmod(self, offer):
        return offer.updated_at


class ProviderSitemap(Sitemap):
    def items(self):
        return [org for region in Region.objects.all() for org in public_providers(region)]

    def location(self, org):
        return reverse(
            "offers:provider_detail", kwargs={"region": org.region.slug, "slug": org.slug}
        )


SITEMAPS: dict = {
    "offer-directory": OfferDirectorySitemap,
    "offers": OfferSitemap,
    "offer-providers": ProviderSitemap,
}
