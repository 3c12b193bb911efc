"""Template tags of the networks app: its hooks on shared pages, and what other apps add to it."""

from __future__ import annotations

from django import template
from django.template.context import Context
from django.utils.safestring import SafeString

from networks import hooks, selectors
from networks.models import IntegrationConcept, JoinRequest, Measure, Organisation, WorkingGroup
from portal.models import Region

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
def networks_region_summary(region: Region) -> selectors.NetworkSummary:
    """What the region's home page shows of the network.

    Both the page head (the concept's PDF link) and the network section ask for it; the
    answer is kept on the region object, which lives for one request, so it is read once.
    """
    cache = vars(region)  # the instance's own __dict__, as cached_property uses it
    summary: selectors.NetworkSummary | None = cache.get("_networks_summary")
    if summary is None:
        summary = cache["_networks_summary"] = selectors.region_network_summary(region)
    return summary


@register.simple_tag(takes_context=True)
def measure_notes(context: Context, measures, staff: bool = False) -> dict[int, SafeString]:
    """What other apps add under each measure (``hooks.MEASURE_NOTES``), asked once per list."""
    measures = [measures] if isinstance(measures, Measure) else list(measures)
    return hooks.measure_notes(measures, staff=staff, region=context.get("region"))


@register.filter
def note_for(notes: dict[int, SafeString], measure: Measure) -> SafeString | str:
    return notes.get(measure.pk, "")
