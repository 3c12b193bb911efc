"""/sitemap.xml: every public page. Apps add their sections to SITEMAPS."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

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


def _app_sitemaps() -> dict:
    from conferences.sitemaps import SITEMAPS as conferences
    from networks.sitemaps import SITEMAPS as networks
    from offers.sitemaps import SITEMAPS as offers

    return {**conferences, **networks, **offers}


SITEMAPS = {"static": StaticSitemap, "regions": RegionSitemap, **_app_sitemaps()}
