from django.conf import settings


def portal(request):
    """The region of the page (if any) drives the footer's legal links."""
    region = getattr(request, "region", None)
    return {
        "current_region": region,
        "languages": settings.LANGUAGES,
        "site_url": settings.SITE_URL,
    }
