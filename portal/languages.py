"""How a page's language is addressed: ``?language=<code>`` on any public address.

The language of a request is, in this order: the ``language`` query parameter when it names a
language of settings.LANGUAGES (not ``lang``: that is the offer search's filter for the
language an offer is given in), the language cookie set by the switcher, German. So
``/harz/offers/12/?language=ar`` is the Arabic page whatever the reader's cookie says - the
address search engines, ``hreflang`` alternates and /sitemap.xml use, and a cache may key on
the full URL - while the bare address keeps following the reader's choice (a cache keys it on
the language cookie). Following a ``?language=`` address also sets the cookie, so the pages the
reader opens next stay in that language. A page is *published* in German plus the target
languages of its region (see ``Region.translation_languages``); pages outside a region in
every UI language.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import QueryDict

LANGUAGE_PARAMETER = "language"
SUPPORTED = frozenset(code for code, _name in settings.LANGUAGES)


def requested_language(request: Any) -> str | None:
    """The language named by the address (``?language=``), if it is one of ours."""
    code = request.GET.get(LANGUAGE_PARAMETER)
    return code if code in SUPPORTED else None


def without_language(query: QueryDict) -> QueryDict:
    query = query.copy()
    query.pop(LANGUAGE_PARAMETER, None)
    return query


def absolute_url(path: str, query: QueryDict | dict | None = None) -> str:
    encoded = (
        query.urlencode() if isinstance(query, QueryDict) else urlencode(query or {}, doseq=True)
    )
    return f"{settings.SITE_URL}{path}" + (f"?{encoded}" if encoded else "")


def language_url(path: str, code: str, query: QueryDict | None = None) -> str:
    """The absolute address of ``path`` in language ``code``."""
    params = without_language(query) if query is not None else QueryDict(mutable=True)
    params[LANGUAGE_PARAMETER] = code
    return absolute_url(path, params)


def region_languages(region: Any) -> list[str]:
    """German first, then the languages the region translates its texts into."""
    codes = [settings.LANGUAGE_CODE, *(region.translation_languages or ())]
    return [code for code in dict.fromkeys(codes) if code in SUPPORTED]


def page_languages(context: Any) -> list[str]:
    """The languages a page is published in: a view may say (``page_languages`` in the
    context), else those of the page's region, else every UI language."""
    explicit = context.get("page_languages")
    if explicit:
        return list(explicit)
    region = context.get("region") or context.get("current_region")
    if region is not None and hasattr(region, "translation_languages"):
        return region_languages(region)
    return [code for code, _name in settings.LANGUAGES]


def language_urls(request: Any, codes: Iterable[str]) -> list[tuple[str, str]]:
    return [(code, language_url(request.path, code, request.GET)) for code in codes]
