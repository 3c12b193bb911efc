"""HTML templates to PDF with WeasyPrint; fonts and images come from our own static files."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint.urls import URLFetcher, URLFetcherResponse


class LocalFilesFetcher(URLFetcher):
    """WeasyPrint's fetcher, confined to our static files, our media and ``data:`` URLs.

    HTML rendered to PDF contains text staff typed. A ``file:`` URL anywhere else (``<link
    rel="attachment">`` embeds any file in the PDF) or a network URL (a request from the
    worker) is refused; WeasyPrint then leaves the resource out and logs a warning.
    """

    def __init__(self) -> None:
        super().__init__(allowed_protocols={"file", "data"}, allow_redirects=False)

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        if url.startswith("data:"):
            return super().fetch(url, headers)
        return super().fetch(local_file(url).as_uri(), headers)


def _allowed_roots() -> list[Path]:
    roots = [settings.STATIC_ROOT, settings.MEDIA_ROOT, *settings.STATICFILES_DIRS]
    return [Path(root).resolve() for root in roots if root]


def local_file(url: str) -> Path:
    """The file below a static or media root that ``url`` names, or ValueError.

    ``/static/…`` and ``/media/…`` (also as ``file:///static/…``, which is what they become
    against the document's base URL) map to their roots; other ``file:`` URLs must already lie
    inside one. Symbolic links and ``..`` are resolved before the check.
    """
    if url.startswith("file:"):
        path = unquote(urlsplit(url).path)
    elif url.startswith("/"):
        path = unquote(urlsplit(url).path)
    else:
        raise ValueError(f"Refusing to fetch {url} while rendering a PDF")
    candidate = Path(path)
    try:
        if path.startswith(settings.STATIC_URL):
            name = path.removeprefix(settings.STATIC_URL)
            found = finders.find(name)
            candidate = (
                Path(found) if found else Path(settings.STATIC_ROOT or "/nonexistent") / name
            )
        elif path.startswith(settings.MEDIA_URL):
            candidate = Path(settings.MEDIA_ROOT) / path.removeprefix(settings.MEDIA_URL)
        real = candidate.resolve(strict=True)
    except (OSError, SuspiciousFileOperation) as exc:
        raise ValueError(f"Refusing to fetch {url} while rendering a PDF") from exc
    if not real.is_file() or not any(real.is_relative_to(root) for root in _allowed_roots()):
        raise ValueError(f"Refusing to fetch {url} while rendering a PDF")
    return real


def render_html(template: str, context: dict[str, Any], language: str | None = None) -> str:
    with translation.override(language or translation.get_language()):
        return render_to_string(template, context)


def html_to_pdf(html: str, *, variant: str | None = "pdf/ua-1", **options: Any) -> bytes:
    """Render finished HTML. ``variant`` is a WeasyPrint PDF variant such as pdf/ua-1, pdf/a-3b."""
    from weasyprint import HTML

    document = HTML(string=html, base_url="/", url_fetcher=LocalFilesFetcher())
    pdf: bytes = document.write_pdf(pdf_variant=variant, **options)
    return pdf


def render_pdf(
    template: str, context: dict[str, Any], *, language: str | None = None, **options: Any
) -> bytes:
    return html_to_pdf(render_html(template, context, language), **options)
