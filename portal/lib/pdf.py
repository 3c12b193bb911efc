"""HTML templates to PDF with WeasyPrint; fonts and images come from our own static files."""

from __future__ import annotations

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation


def _url_fetcher(url: str, timeout: int = 10, ssl_context=None):
    from weasyprint import default_url_fetcher

    # Never fetch from the network: map /static/ and /media/ to local files.
    if url.startswith(settings.STATIC_URL) or url.startswith("file:"):
        path = url.removeprefix("file://")
        if url.startswith(settings.STATIC_URL):
            path = finders.find(url.removeprefix(settings.STATIC_URL))
        return default_url_fetcher(f"file://{path}")
    if url.startswith(settings.MEDIA_URL):
        return default_url_fetcher(
            f"file://{settings.MEDIA_ROOT}/{url.removeprefix(settings.MEDIA_URL)}"
        )
    if url.startswith("data:"):
        return default_url_fetcher(url)
    raise ValueError(f"Refusing to fetch {url} while rendering a PDF")


def render_html(template: str, context: dict, language: str | None = None) -> str:
    with translation.override(language or translation.get_language()):
        return render_to_string(template, context)


def html_to_pdf(html: str, *, variant: str | None = "pdf/ua-1", **options) -> bytes:
    """Render finished HTML. ``variant`` is a WeasyPrint PDF variant such as pdf/ua-1, pdf/a-3b."""
    from weasyprint import HTML

    document = HTML(string=html, base_url="/", url_fetcher=_url_fetcher)
    return document.write_pdf(pdf_variant=variant, **options)


def render_pdf(template: str, context: dict, *, language: str | None = None, **options) -> bytes:
    return html_to_pdf(render_html(template, context, language), **options)
