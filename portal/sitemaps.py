"""/sitemap.xml: every public page. Apps register their sections as ``hooks.SITEMAPS``."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from portal import hooks
from portal.models import Region


class StaticSitemap(Sitemap):
    def items(self):
        return ["portal:region_list", "portal:imprint", "portal:privacy", "portal:accessibility"]

    def location(self, item):
        return reverse(item)


class RegionSitemap(Sitemap):
    pages = ["region_home", "region_imprint", "region_privacy", "region_accessibility"]

    def items(self):
        return [
            (region.slug, page) for region in Region.objects.only("slug") for page in self.pages
        ]

    def location(self, item):
        slug, page = item
        return reverse(f"portal:{page}", kwargs={"region": slug})


def sitemaps() -> dict[str, type[Sitemap]]:
    """The portal's sections and the apps' (call after the apps are ready)."""
    return {"static": StaticSitemap, "regions": RegionSitemap, **dict(hooks.get(hooks.SITEMAPS))}
