"""/sitemap.xml, written directly: the sections of portal.sitemaps (the portal's and the apps')
give the paths, this view writes the XML with string joins. Django's sitemap framework built a
model instance, a paginator and a reverse() per page; this takes a few ``values_list`` queries.
The answer is kept in the page cache like every public page (portal.lib.pagecache)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.html import escape

from portal.languages import region_languages
from portal.models import Region
from portal.sitemaps import SitemapEntry, every_language, language_alternates, sections

HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)


def _url(location: str, entry: SitemapEntry, languages: list[str]) -> str:
    parts = [f"<url><loc>{escape(location)}</loc>"]
    if entry.lastmod:
        parts.append(f"<lastmod>{entry.lastmod:%Y-%m-%d}</lastmod>")
    if entry.changefreq:
        parts.append(f"<changefreq>{entry.changefreq}</changefreq>")
    for code, address in language_alternates(location, languages):
        parts.append(f'<xhtml:link rel="alternate" hreflang="{code}" href="{escape(address)}"/>')
    parts.append("</url>\n")
    return "".join(parts)


def sitemap_xml(request: HttpRequest) -> HttpResponse:
    origin = f"{request.scheme}://{request.get_host()}"
    regions = list(Region.objects.order_by("slug").only("slug", "translation_languages"))
    languages_of = {region.slug: region_languages(region) for region in regions}
    everywhere = every_language()
    slugs = [region.slug for region in regions]
    body = [HEAD]
    for section in sections():
        for entry in section(slugs):
            # The region is the first path segment; pages outside a region are in every language.
            first = entry.path.strip("/").split("/", 1)[0]
            body.append(_url(origin + entry.path, entry, languages_of.get(first, everywhere)))
    body.append("</urlset>\n")
    return HttpResponse("".join(body), content_type="application/xml")
