from django.conf import settings

from portal.languages import without_language


def portal(request):
    """The region of the page (if any) drives the footer's legal links."""
    region = getattr(request, "region", None)
    query = without_language(request.GET).urlencode()
    return {
        # Where the switcher returns to: without ?language=, which would override the new choice.
        "language_switch_next": request.path + (f"?{query}" if query else ""),
        "current_region": region,
        "languages": settings.LANGUAGES,
        "site_url": settings.SITE_URL,
    }
