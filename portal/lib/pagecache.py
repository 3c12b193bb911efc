"""Rendered public pages in the shared cache, keyed by the content version.

An anonymous GET of a public address (a region's pages, the list of counties, feeds, .ics,
open data, the sitemap) is answered from the cache when the same address was rendered in the
same language since the last change of any content (portal.lib.content_version): the version is
part of the key, so every write - a registration, a cancellation, a promotion from the waiting
list, an edit in the back-office - makes every older page unreachable the moment it commits,
and the next visitor gets a fresh render. Nothing is held in a process's memory, so any number
of web processes share one truth (the cache is settings.CACHES["default"]: PostgreSQL, or
Redis - docs/operations.md).

Only responses that are the same for every anonymous visitor are stored: status 200, no
cookie set, no CSRF token used (pages with a form are rendered per visitor), not streamed,
nothing ``private`` or ``no-store``. Requests with a session cookie (staff, provider contacts)
bypass the cache. Pages that depend on the clock as well as on the data (what counts as
"upcoming") are kept at most ``PAGE_CACHE_SECONDS``.

Each stored page carries an ETag (hash of its body) and Last-Modified (when it was rendered),
and public pages get ``Cache-Control: public, max-age=0, must-revalidate`` (plus ``s-maxage``
when ``PROXY_CACHE_SECONDS`` is set): browsers and proxies revalidate and get 304 Not Modified
while nothing changed (settings' ConditionalGetMiddleware answers it).
"""

from __future__ import annotations

import contextlib
import hashlib
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.utils.cache import patch_cache_control
from django.utils.http import http_date

from portal.lib import content_version

# Addresses whose answers depend on more than the content (or must not be shared).
BYPASS_PREFIXES = (
    "/health/",
    "/admin/",
    "/accounts/",
    "/staff/",
    "/i18n/",
    "/static/",
    "/media/",
    "/invitation/",
    "/provider/",
    "/update/",
)
# Request headers the views answer differently on (htmx swaps a fragment).
VARY_HEADERS = ("HX-Request", "HX-History-Restore-Request", "HX-Target")
KEPT_ATTRIBUTES = ("_csp_update", "_csp_replace", "_csp_exempt", "_csp_config")


def applies(request: HttpRequest) -> bool:
    """Whether the request may be answered from (and stored in) the shared page cache."""
    if not getattr(settings, "PAGE_CACHE_SECONDS", 0):
        return False
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path.startswith(BYPASS_PREFIXES):
        return False
    cookies = request.COOKIES
    # A session (logged in, or an anonymous visitor's pending messages) personalises the page.
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def cache_key(request: HttpRequest, version: int) -> str:
    variant = "|".join(request.headers.get(h, "") for h in VARY_HEADERS)
    # The host too: feeds, calendars and the sitemap write absolute addresses.
    address = hashlib.md5(
        f"{request.get_host()}{request.get_full_path()}|{variant}".encode(), usedforsecurity=False
    ).hexdigest()
    language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    return f"page:{version}:{language}:{address}"


def storable(request: HttpRequest, response: HttpResponseBase) -> bool:
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    control = response.get("Cache-Control", "").lower()
    return "private" not in control and "no-store" not in control and "no-cache" not in control


def mark_public(response: HttpResponseBase) -> None:
    """Browsers and proxies may keep the page but ask before each use (304 while unchanged)."""
    if response.has_header("Cache-Control"):
        return
    directives: dict[str, Any] = {"public": True, "max_age": 0, "must_revalidate": True}
    proxy_seconds = getattr(settings, "PROXY_CACHE_SECONDS", 0)
    if proxy_seconds:
        directives["s_maxage"] = proxy_seconds
    patch_cache_control(response, **directives)


def store(key: str, response: HttpResponse) -> None:
    content = response.content
    response["ETag"] = f'"{hashlib.md5(content, usedforsecurity=False).hexdigest()}"'
    response["Last-Modified"] = http_date(time.time())
    mark_public(response)
    entry = {
        "status": response.status_code,
        "headers": list(response.items()),
        "content": content,
        "attributes": {a: getattr(response, a) for a in KEPT_ATTRIBUTES if hasattr(response, a)},
    }
    cache.set(key, entry, settings.PAGE_CACHE_SECONDS)


def restore(entry: dict[str, Any]) -> HttpResponse:
    response = HttpResponse(entry["content"], status=entry["status"])
    for header, value in entry["headers"]:
        response[header] = value
    for attribute, value in entry["attributes"].items():
        setattr(response, attribute, value)
    return response


class PageCacheMiddleware:
    """See the module's docstring. Sits below LanguageMiddleware (the key names the language)
    and above everything a cached page need not run (sessions, CSRF, authentication)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not applies(request):
            response = self.get_response(request)
            if settings.SESSION_COOKIE_NAME in request.COOKIES and not response.has_header(
                "Cache-Control"
            ):
                # Whatever a logged-in user sees stays in their browser, never in a proxy.
                patch_cache_control(response, private=True)
            return response
        try:
            key = cache_key(request, content_version.current())
            entry = cache.get(key)
        except DatabaseError:
            # The database is away: the view fails the same way and the portal answers 503
            # with its maintenance page (DatabaseUnavailableMiddleware).
            return self.get_response(request)
        if entry is not None:
            response = restore(entry)
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if isinstance(response, HttpResponse) and storable(request, response):
            with contextlib.suppress(DatabaseError):
                store(key, response)
            response["X-Page-Cache"] = "miss"
        return response
