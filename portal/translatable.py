"""The portal's translatable texts: the region's office page and its fields of action."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from portal import translations


def register() -> None:
    from portal.models import FieldOfAction, Region, RegionStatistic, TeamMember

    translations.register_document(
        "office",
        model=Region,
        label=_("Coordination office page"),
        fields=("office_name", "office_department", "opening_hours", "introduction"),
        queryset=lambda region: Region.objects.filter(pk=region.pk),
        region_path="pk",
        title=lambda region: region.office_name or region.name,
        order=10,
    )
    translations.register_part("office", TeamMember, fields=("role",), path="region")
    translations.register_part("office", RegionStatistic, fields=("label",), path="region")
    translations.register_document(
        "field_of_action",
        model=FieldOfAction,
        label=_("Fields of action"),
        fields=("name", "description"),
        queryset=lambda region: FieldOfAction.objects.in_region(region),
        public_url=lambda field: None,
        order=20,
    )
