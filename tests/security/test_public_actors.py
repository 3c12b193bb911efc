"""Measures in public output name only public actors; staff see every actor.

An organisation or working group marked internal (``is_public=False``) has no public page;
it must not appear as the responsible party or a partner of a measure on the concept pages,
the measure tracker, the version comparison or in the concept's PDF either.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from networks.models import IntegrationConcept
from networks.pdf import render_concept_html
from tests.networks.factories import (
    ChapterFactory,
    ConceptFactory,
    MeasureFactory,
    OrganisationFactory,
    WorkingGroupFactory,
)

INTERNAL_ORG = "Interner Lenkungskreis Sicherheit"
INTERNAL_GROUP = "AK Vertrauliche Einzelfälle"
PUBLIC_ORG = "Kreisvolkshochschule Goslar"


@pytest.fixture
def concepts(goslar):
    field = goslar.fields_of_action.get(slug="sprache")
    internal_org = OrganisationFactory(region=goslar, name=INTERNAL_ORG, is_public=False)
    internal_group = WorkingGroupFactory(region=goslar, name=INTERNAL_GROUP, is_public=False)
    public_org = OrganisationFactory(region=goslar, name=PUBLIC_ORG)
    old = ConceptFactory(
        region=goslar,
        version=2016,
        status=IntegrationConcept.Status.SUPERSEDED,
        adopted_on=date(2016, 7, 1),
    )
    new = ConceptFactory(
        region=goslar,
        version=2019,
        status=IntegrationConcept.Status.ADOPTED,
        adopted_on=date(2019, 7, 8),
    )
    for concept in (old, new):
        ChapterFactory(concept=concept, field_of_action=field)
    shared = MeasureFactory(
        concept=old,
        field_of_action=field,
        title="Sprachkurse ausbauen",
        responsible_organisation=public_org,
    )
    measure = MeasureFactory(
        concept=new,
        field_of_action=field,
        title="Sprachkurse ausbauen",
        lineage=shared.lineage,
        responsible_organisation=internal_org,
    )
    measure.partners.add(internal_org, public_org)
    MeasureFactory(
        concept=new,
        field_of_action=field,
        title="Fallkonferenzen",
        responsible_working_group=internal_group,
    )
    return old, new


def _public_pages(client, new) -> dict[str, str]:
    urls = {
        "tracker": reverse("networks:measure_tracker", args=["goslar", new.version]),
        "chapter": reverse("networks:concept_chapter", args=["goslar", new.version, "sprache"]),
        "compare": reverse("networks:concept_compare", args=["goslar"]) + "?old=2016&new=2019",
    }
    pages = {}
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, name
        pages[name] = response.content.decode()
    return pages


def test_public_pages_name_only_public_actors(client, concepts):
    _old, new = concepts
    for name, html in _public_pages(client, new).items():
        assert INTERNAL_ORG not in html, name
        assert INTERNAL_GROUP not in html, name
    tracker = _public_pages(client, new)["tracker"]
    assert PUBLIC_ORG in tracker  # the public partner is still named


def test_the_concept_pdf_names_only_public_actors(concepts):
    _old, new = concepts
    html = render_concept_html(new)
    assert INTERNAL_ORG not in html and INTERNAL_GROUP not in html
    assert PUBLIC_ORG in html


def test_staff_see_every_actor(client_of, coordinator_goslar, concepts):
    _old, new = concepts
    client = client_of(coordinator_goslar)
    measure = new.measures.get(title="Fallkonferenzen")
    page = client.get(reverse("networks_staff:measure_edit", args=["goslar", measure.pk]))
    assert page.context["form"].initial["responsible_working_group"] is not None
    assert INTERNAL_GROUP in page.content.decode()
    compare = client.get(
        reverse("networks_staff:concept_compare", args=["goslar"]),
        {"old": concepts[0].pk, "new": new.pk},
    )
    assert INTERNAL_ORG in compare.content.decode()
