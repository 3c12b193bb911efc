"""/sitemap.xml, written directly: the sections of portal.sitemaps (and the apps') give the
addresses, this view writes the XML with string joins instead of Django's sitemap template,
which spent most of the time on ~250 addresses with their language alternates. The answer is
kept in the page cache like every public page (portal.lib.pagecache)."""

from __future__ import annotations

from django.contrib.sites.requests import RequestSite
from django.http import HttpRequest, HttpResponse
from django.utils.html import escape

from portal.languages import region_languages
from portal.models import Region
from portal.sitemaps import sitemaps

HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)


def _url(entry: dict) -> str:
    parts = [f"<url><loc>{escape(entry['location'])}</loc>"]
    lastmod = entry.get("lastmod")
    if lastmod:
        parts.append(f"<lastmod>{lastmod:%Y-%m-%d}</lastmod>")
    if entry.get("changefreq"):
        parts.append(f"<changefreq>{entry['changefreq']}</changefreq>")
    if entry.get("priority"):
        parts.append(f"<priority>{entry['priority']}</priority>")
    for alternate in entry.get("alternates") or ():
        parts.append(
            f'<xhtml:link rel="alternate" hreflang="{alternate["lang_code"]}" '
            f'href="{escape(alternate["location"])}"/>'
        )
    parts.append("</url>\n")
    return "".join(parts)


def sitemap_xml(request: HttpRequest) -> HttpResponse:
    site = RequestSite(request)
    by_region = {
        region.slug: region_languages(region)
        for region in Region.objects.only("slug", "translation_languages")
    }
    body = [HEAD]
    for section_class in _SECTIONS:
        section = section_class()
        section.region_languages = by_region  # type: ignore[attr-defined]  # LanguageAlternatesMixin
        body.extend(_url(entry) for entry in section.get_urls(site=site, protocol=request.scheme))
    body.append("</urlset>\n")
    return HttpResponse("".join(body), content_type="application/xml")


_SECTIONS = list(sitemaps().values())
