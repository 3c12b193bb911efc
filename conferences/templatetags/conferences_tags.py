"""Template helpers of the conferences app (also used by the region and portal home pages)."""

from __future__ import annotations

from django import template
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from conferences import selectors

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
    """The next published events (of one region, or of all)."""
    return list(selectors.upcoming_events(region)[:limit])


@register.simple_tag
def measure_origins(measures, public: bool = True) -> dict:
    """Workshop results behind a list of measures (one query; see selectors.measure_origins).

    Used by the networks templates that list measures, so that they name the conference
    workshops a measure came from without the networks app importing this one.
    """
    measures = [measures] if hasattr(measures, "lineage") else list(measures)
    return selectors.measure_origins(measures, public=public)


@register.filter
def origins_of(origins: dict, measure) -> list:
    return origins.get(measure.lineage, []) if origins else []
