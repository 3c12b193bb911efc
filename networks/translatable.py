"""The network's translatable texts: working groups and the integration concept."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from portal import translations


def register() -> None:
    from networks.models import ConceptChapter, Guideline, IntegrationConcept, WorkingGroup

    translations.register_document(
        "working_group",
        model=WorkingGroup,
        label=_("Working groups"),
        fields=("name", "purpose", "public_description"),
        queryset=lambda region: WorkingGroup.objects.in_region(region).public(),
        order=50,
    )
    translations.register_document(
        "concept",
        model=IntegrationConcept,
        label=_("Integration concept"),
        fields=("title", "foreword"),
        # The versions still in force or in the making; superseded ones are records.
        queryset=lambda region: IntegrationConcept.objects.in_region(region).exclude(
            status=IntegrationConcept.Status.SUPERSEDED
        ),
        order=60,
    )
    translations.register_part("concept", Guideline, fields=("title", "text"), path="concept")
    translations.register_part(
        "concept", ConceptChapter, fields=("situation", "goals"), path="concept"
    )
