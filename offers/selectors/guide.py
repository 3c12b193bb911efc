"""The printed guide (Wegweiser): published offers grouped by field of action."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from offers.selectors import opendata
from portal.models import FieldOfAction, Region


def guide_context(region: Region) -> dict[str, Any]:
    """Published offers grouped by field of action, as in the brochures counties print."""
    offers = list(opendata.public_offers(region).select_related("contact_person").order_by("title"))
    groups = []
    for field in FieldOfAction.objects.in_region(region):
        members = [o for o in offers if any(f.pk == field.pk for f in o.fields_of_action.all())]
        if members:
            groups.append((field.name, members))
    others = [o for o in offers if not o.fields_of_action.all()]
    if others:
        groups.append((_("Other offers"), others))
    return {"region": region, "groups": groups, "today": timezone.localdate()}
