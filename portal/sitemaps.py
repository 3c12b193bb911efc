"""/sitemap.xml: every public page. Apps register their sections as ``hooks.SITEMAPS``.

Each address lists its language versions as ``<xhtml:link rel="alternate" hreflang>`` - the
same ones the page itself declares (see portal.languages): German and the region's target
languages for a region's page, every UI language for pages outside a region, and the bare
address as x-default. The region is the address's first path segment, so the apps' sections
need to know nothing about languages.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from portal import hooks
from portal.languages import LANGUAGE_PARAMETER, region_languages
from portal.models import Region


def language_alternates(location: str, languages: list[str]) -> list[dict[str, str]]:
    """The alternates of one address, as Django's sitemap template reads them."""
    joiner = "&" if urlsplit(location).query else "?"
    alternates = [
        {"lang_code": code, "location": f"{location}{joiner}{LANGUAGE_PARAMETER}={code}"}
        for code in languages
    ]
    alternates.append({"lang_code": "x-default", "location": location})
    return alternates


class LanguageAlternatesMixin:
    """Adds the language versions to every address of a sitemap section."""

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page, site, protocol)
        # The view hands every section the same mapping (one query per sitemap, not per section).
        by_region = getattr(self, "region_languages", None) or {
            region.slug: region_languages(region)
            for region in Region.objects.only("slug", "translation_languages")
        }
        everywhere = [code for code, _name in settings.LANGUAGES]
        for url in urls:
            first = urlsplit(url["location"]).path.strip("/").split("/")[0]
            url["alternates"] = language_alternates(
                url["location"], by_region.get(first, everywhere)
            )
        return urls


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
    """The portal's sections and the apps' (call after the apps are ready), each listing its
    addresses' language versions."""
    sections = {
        "static": StaticSitemap,
        "regions": RegionSitemap,
        **dict(hooks.get(hooks.SITEMAPS)),
    }
    return {
        name: type(section.__name__, (LanguageAlternatesMixin, section), {})
        for name, section in sections.items()
    }
