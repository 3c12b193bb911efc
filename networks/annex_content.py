"""The network's own annexes of the concept PDF: working groups with leads, organisations."""

from __future__ import annotations

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from networks.annexes import register_annex
from networks.models import IntegrationConcept, Organisation, Person, WorkingGroup


def working_groups_context(concept: IntegrationConcept) -> dict:
    region = concept.region
    public_people = Person.objects.in_region(region).listed_publicly()
    groups = (
        WorkingGroup.objects.in_region(region)
        .public()
        .exclude(status=WorkingGroup.Status.CLOSED)
        .select_related("lead_organisation", "lead_person__organisation")
        .prefetch_related("fields_of_action")
    )
    public_ids = set(public_people.values_list("pk", flat=True))
    return {"working_groups": groups, "public_person_ids": public_ids}


def organisations_context(concept: IntegrationConcept) -> dict:
    organisations = (
        Organisation.objects.in_region(concept.region)
        .public()
        .select_related("municipality")
        .prefetch_related(Prefetch("fields_of_action"))
    )
    return {"organisations": organisations}


def register() -> None:
    # No fingerprint_fn: organisations, people and working groups of the region are part of
    # every concept's fingerprint already (networks.selectors.concept_fingerprint).
    register_annex(
        "working_groups",
        title=_("Working groups and their leads"),
        template="networks/pdf/annex_working_groups.html",
        context_fn=working_groups_context,
        order=10,
    )
    register_annex(
        "organisations",
        title=_("Organisations of the network"),
        template="networks/pdf/annex_organisations.html",
        context_fn=organisations_context,
        order=20,
    )
