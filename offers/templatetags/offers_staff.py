"""Figures for the back-office dashboard's offers section (the dashboard view is the portal's)."""

from django import template

from offers.models import ChangeRequest, Offer

register = template.Library()


@register.simple_tag
def offers_dashboard(region) -> dict:
    offers = Offer.objects.in_region(region)
    return {
        "published": offers.filter(status=Offer.Status.PUBLISHED).count(),
        "pending": ChangeRequest.objects.in_region(region).pending().count(),
        "unconfirmed": offers.filter(status=Offer.Status.PUBLISHED)
        .exclude(confirmation_state="")
        .count(),
    }
