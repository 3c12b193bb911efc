"""Template tags for the networks app's hooks on shared pages (dashboard, region home)."""

from __future__ import annotations

from django import template

from networks import selectors
from networks.models import IntegrationConcept, JoinRequest, Organisation, WorkingGroup

register = template.Library()


@register.simple_tag
def networks_dashboard(region) -> dict:
    """The numbers the back-office dashboard shows for the network."""
    return {
        "organisations": Organisation.objects.in_region(region).count(),
        "working_groups": WorkingGroup.objects.in_region(region)
        .exclude(status=WorkingGroup.Status.CLOSED)
        .count(),
        "open_join_requests": JoinRequest.objects.in_region(region).open().count(),
        "draft": IntegrationConcept.objects.in_region(region)
        .filter(
            status__in=[IntegrationConcept.Status.DRAFT, IntegrationConcept.Status.CONSULTATION]
        )
        .first(),
    }


@register.simple_tag
def networks_region_summary(region) -> dict:
    """What the region's home page shows of the network.

    Both the page head (the concept's PDF link) and the network section ask for it; the
    answer is kept on the region object, which lives for one request, so it is read once.
    """
    summary = getattr(region, "_networks_summary", None)
    if summary is None:
        summary = region._networks_summary = selectors.region_network_summary(region)
    return summary
