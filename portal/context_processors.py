from django.conf import settings
from django.utils.translation import get_language_info

from portal.languages import LANGUAGE_PARAMETER, without_language


def _switch_links(request):
    """The switcher's links: this address in each language (``?language=``; following one
    sets the language cookie). Links, not a form: a page needs no CSRF token for them, so
    anonymous pages set no cookie and can be cached."""
    query = without_language(request.GET)
    links = []
    for code, _name in settings.LANGUAGES:
        query[LANGUAGE_PARAMETER] = code
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "bidi": info["bidi"],
                "url": f"{request.path}?{query.urlencode()}",
            }
        )
    return links


def portal(request):
    """The region of the page (if any) drives the footer's legal links."""
    region = getattr(request, "region", None)
    return {
        "language_links": _switch_links(request),
        "current_region": region,
        "languages": settings.LANGUAGES,
        "site_url": settings.SITE_URL,
    }
