"""Public pages: network directory, organisation pages, concept pages and versions."""

from datetime import date

import pytest
from django.urls import reverse

from networks import services
from networks.models import IntegrationConcept, Organisation
from tests.factories import MunicipalityFactory
from tests.networks.factories import (
    ChapterFactory,
    ConceptFactory,
    MeasureFactory,
    OrganisationFactory,
)


@pytest.fixture
def directory(goslar):
    seesen = MunicipalityFactory(region=goslar, name="Seesen", slug="seesen")
    sprache = goslar.fields_of_action.get(slug="sprache")
    kvhs = OrganisationFactory(
        region=goslar,
        name="Kreisvolkshochschule Goslar",
        slug="kvhs",
        kind=Organisation.Kind.EDUCATION_PROVIDER,
        description="Integrationskurse und Sprachkurse",
    )
    kvhs.fields_of_action.add(sprache)
    OrganisationFactory(
        region=goslar,
        name="Jobcenter Goslar",
        slug="jobcenter",
        kind=Organisation.Kind.JOB_CENTRE,
        municipality=seesen,
    )
    OrganisationFactory(region=goslar, name="Interner Arbeitskreis", slug="intern", is_public=False)
    return goslar


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, {"Kreisvolkshochschule Goslar", "Jobcenter Goslar"}),
        ({"field": "sprache"}, {"Kreisvolkshochschule Goslar"}),
        ({"kind": "job_centre"}, {"Jobcenter Goslar"}),
        ({"municipality": "seesen"}, {"Jobcenter Goslar"}),
        ({"q": "Sprachkurse"}, {"Kreisvolkshochschule Goslar"}),
        ({"q": "jobcent"}, {"Jobcenter Goslar"}),
        ({"field": "unknown", "kind": "??"}, {"Kreisvolkshochschule Goslar", "Jobcenter Goslar"}),
    ],
)
def test_the_directory_filters(client, directory, query, expected):
    response = client.get(reverse("networks:organisation_list", args=["goslar"]), query)
    assert response.status_code == 200
    shown = {o.name for o in response.context["page"]}
    assert shown == expected


def test_internal_and_foreign_organisations_have_no_public_page(client, directory, harz):
    OrganisationFactory(region=harz, slug="harz-org")
    for slug in ("intern", "harz-org"):
        assert (
            client.get(reverse("networks:organisation_detail", args=["goslar", slug])).status_code
            == 404
        )
    page = client.get(reverse("networks:organisation_detail", args=["goslar", "kvhs"]))
    assert "Integrationskurse" in page.content.decode()


@pytest.fixture
def versions(goslar):
    old = ConceptFactory(
        region=goslar,
        version=2016,
        status=IntegrationConcept.Status.ADOPTED,
        adopted_on=date(2016, 7, 1),
    )
    field = goslar.fields_of_action.get(slug="arbeit")
    ChapterFactory(
        concept=old, field_of_action=field, situation="## Lage\nViele Betriebe suchen Azubis."
    )
    MeasureFactory(concept=old, field_of_action=field, title="Jobpaten")
    new = services.concept_start_revision(concept=old, version=2023)
    MeasureFactory(concept=new, field_of_action=field, title="Ausbildungsmesse")
    return old, new


def test_drafts_are_not_public(client, versions):
    assert client.get(reverse("networks:concept_detail", args=["goslar", 2023])).status_code == 404
    assert client.get(reverse("networks:concept_current", args=["goslar"])).url.endswith("/2016/")


def test_concept_pages_link_their_pdf_and_show_chapters(client, versions):
    page = client.get(reverse("networks:concept_detail", args=["goslar", 2016])).content.decode()
    assert '<link rel="alternate" type="application/pdf" href="/goslar/concept/2016/pdf/"' in page
    chapter = client.get(reverse("networks:concept_chapter", args=["goslar", 2016, "arbeit"]))
    body = chapter.content.decode()
    assert "Viele Betriebe suchen Azubis" in body and "Jobpaten" in body
    assert 'type="application/pdf"' in body
    assert (
        client.get(
            reverse("networks:concept_chapter", args=["goslar", 2016, "sprache"])
        ).status_code
        == 404
    )


def test_versions_and_their_comparison(client, versions):
    old, new = versions
    services.concept_adopt(concept=new, adopted_on=date(2024, 2, 1))
    listing = client.get(reverse("networks:concept_versions", args=["goslar"])).content.decode()
    assert "2016" in listing and "2023" in listing
    compare = client.get(
        reverse("networks:concept_compare", args=["goslar"]), {"old": 2016, "new": 2023}
    )
    diff = compare.context["diff"]
    assert [m.title for m in diff.added] == ["Ausbildungsmesse"]
    assert "Ausbildungsmesse" in compare.content.decode()
    assert (
        client.get(
            reverse("networks:concept_compare", args=["goslar"]), {"old": 2016, "new": 1999}
        ).status_code
        == 400
    )


def test_the_region_home_shows_the_network(client, directory, versions):
    body = client.get(reverse("portal:region_home", args=["goslar"])).content.decode()
    assert reverse("networks:organisation_list", args=["goslar"]) in body
    assert 'type="application/pdf"' in body


def test_the_sitemap_lists_network_pages(client, directory, versions):
    body = client.get("/sitemap.xml").content.decode()
    assert "/goslar/network/kvhs/" in body
    assert "/goslar/concept/2016/chapters/arbeit/" in body
    assert "/goslar/network/intern/" not in body and "/goslar/concept/2023/" not in body
