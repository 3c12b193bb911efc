"""/sitemap.xml: every public page. Apps register their sections as ``hooks.SITEMAPS``.

A section is a function that gets the slugs of all regions and returns its pages as
``SitemapEntry`` rows, read with ``values_list`` (no model instances: the sitemap lists every
offer, event and organisation of every county, and is rendered on each content change).

Each address lists its language versions as ``<xhtml:link rel="alternate" hreflang>`` - the
same ones the page itself declares (see portal.languages): German and the region's target
languages for a region's page, every UI language for pages outside a region, and the bare
address as x-default. The region is the address's first path segment, so the apps' sections
need to know nothing about languages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse

from portal import hooks
from portal.languages import LANGUAGE_PARAMETER

__all__ = [
    "Section",
    "SitemapEntry",
    "detail_pages",
    "language_alternates",
    "region_pages",
    "sections",
]


@dataclass(frozen=True, slots=True)
class SitemapEntry:
    """One public page: its path, and when it last changed where that is known."""

    path: str
    lastmod: datetime | None = None
    changefreq: str | None = None


Section = Callable[[Sequence[str]], Iterable[SitemapEntry]]
"""Given the slugs of all regions, the pages of one section of the sitemap."""


def language_alternates(location: str, languages: Sequence[str]) -> list[tuple[str, str]]:
    """(hreflang, address) of each language version of one address, x-default last."""
    joiner = "&" if urlsplit(location).query else "?"
    alternates = [(code, f"{location}{joiner}{LANGUAGE_PARAMETER}={code}") for code in languages]
    alternates.append(("x-default", location))
    return alternates


def region_pages(url_names: Sequence[str], region_slugs: Sequence[str]) -> list[SitemapEntry]:
    """The pages every region has, reversed with ``region=<slug>``."""
    return [
        SitemapEntry(reverse(name, kwargs={"region": slug}))
        for slug in region_slugs
        for name in url_names
    ]


def detail_pages(
    rows: Iterable[tuple[str, object, datetime | None]],
    url_name: str,
    *,
    key: str = "slug",
    changefreq: str | None = None,
) -> list[SitemapEntry]:
    """One page per row of (region slug, the page's ``key`` value, last change), as an app's
    ``values_list`` gives them."""
    return [
        SitemapEntry(reverse(url_name, kwargs={"region": region, key: value}), updated, changefreq)
        for region, value, updated in rows
    ]


def _portal_pages(region_slugs: Sequence[str]) -> list[SitemapEntry]:
    outside = ["portal:region_list", "portal:imprint", "portal:privacy", "portal:accessibility"]
    inside = [
        "portal:region_home",
        "portal:region_imprint",
        "portal:region_privacy",
        "portal:region_accessibility",
    ]
    return [SitemapEntry(reverse(name)) for name in outside] + region_pages(inside, region_slugs)


def sections() -> list[Section]:
    """The portal's section and the apps' (call after the apps are ready)."""
    return [_portal_pages, *(section for _name, section in hooks.get(hooks.SITEMAPS))]


def every_language() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]
