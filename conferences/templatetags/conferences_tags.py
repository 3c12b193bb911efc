"""Template helpers of the conferences app (also used by its hook templates on portal pages)."""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from conferences import selectors
from portal.translations import prefetch_texts

register = template.Library()


@register.simple_tag
def seats_text(remaining: int | None) -> str:
    """ "12 places left", "waiting list" or nothing (no limit)."""
    if remaining is None:
        return ""
    if remaining <= 0:
        return _("fully booked – waiting list")
    return ngettext("%(count)s place left", "%(count)s places left", remaining) % {
        "count": remaining
    }


@register.simple_tag
def upcoming_events(region=None, limit: int = 5):
    """The next published events (of one region, or of all), their texts in the page's
    language loaded in one query."""
    events = list(selectors.upcoming_events(region)[:limit])
    prefetch_texts(events, get_language(), region=region)
    return events


@register.filter
def bdi(value) -> SafeString:
    """User content (a place, a title) isolated from the text around it, so that a German name
    inside an Arabic sentence keeps its own direction: ``{% blocktranslate with x=y|bdi %}``."""
    return format_html("<bdi>{}</bdi>", value)
