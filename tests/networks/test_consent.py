"""An unconsented person never appears on any public page, feed, sitemap, PDF or export."""

import io

import pytest
from django.urls import reverse

from networks import services
from networks.models import IntegrationConcept
from networks.pdf import render_concept_html
from tests.networks.factories import (
    ConceptFactory,
    MeetingFactory,
    OrganisationFactory,
    PersonFactory,
    WorkingGroupFactory,
)

SECRET = "Verena Verborgen"
SECRET_MAIL = "verena.verborgen@example.org"
LISTED = "Lena Listed"


@pytest.fixture
def network(goslar):
    org = OrganisationFactory(region=goslar, name="Caritas Goslar", slug="caritas")
    hidden = PersonFactory(
        region=goslar,
        organisation=org,
        name=SECRET,
        email=SECRET_MAIL,
        public_consent=False,
        consent_date=None,
    )
    listed = PersonFactory(region=goslar, organisation=org, name=LISTED)
    group = WorkingGroupFactory(
        region=goslar,
        name="AK Sprache",
        slug="ak-sprache",
        lead_organisation=org,
        lead_person=hidden,
    )
    group.member_persons.add(hidden, listed)
    group.member_organisations.add(org)
    MeetingFactory(working_group=group, agenda="Begrüßung")
    concept = ConceptFactory(region=goslar, status=IntegrationConcept.Status.ADOPTED)
    services.concept_set_annexes(concept=concept, keys=["working_groups", "organisations"])
    return {"org": org, "group": group, "concept": concept, "hidden": hidden}


def _public_urls(goslar, network):
    concept = network["concept"]
    return [
        reverse("portal:region_home", args=["goslar"]),
        reverse("networks:organisation_list", args=["goslar"]),
        reverse("networks:organisation_list", args=["goslar"]) + "?q=Verborgen",
        reverse("networks:organisation_detail", args=["goslar", "caritas"]),
        reverse("networks:working_group_list", args=["goslar"]),
        reverse("networks:working_group_detail", args=["goslar", "ak-sprache"]),
        reverse("networks:working_group_ics", args=["goslar", "ak-sprache"]),
        reverse("networks:concept_detail", args=["goslar", concept.version]),
        reverse("networks:measure_tracker", args=["goslar", concept.version]),
        "/sitemap.xml",
    ]


def test_no_public_page_or_feed_shows_an_unconsented_person(client, goslar, network):
    for url in _public_urls(goslar, network):
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert SECRET not in body, url
        assert SECRET_MAIL not in body, url


def test_consented_people_do_appear(client, goslar, network):
    page = client.get(reverse("networks:organisation_detail", args=["goslar", "caritas"]))
    assert LISTED in page.content.decode()
    group_page = client.get(reverse("networks:working_group_detail", args=["goslar", "ak-sprache"]))
    assert LISTED in group_page.content.decode()


def test_people_of_internal_organisations_stay_hidden_even_with_consent(client, goslar):
    internal = OrganisationFactory(region=goslar, is_public=False, slug="intern")
    PersonFactory(region=goslar, organisation=internal, name="Ingo Intern")
    group = WorkingGroupFactory(region=goslar, slug="ak")
    group.member_persons.add(*internal.persons.all())
    assert (
        client.get(reverse("networks:organisation_detail", args=["goslar", "intern"])).status_code
        == 404
    )
    body = client.get(reverse("networks:working_group_detail", args=["goslar", "ak"])).content
    assert b"Ingo Intern" not in body


def test_the_pdf_annexes_leave_out_unconsented_people(goslar, network):
    html = render_concept_html(network["concept"])
    assert "Caritas Goslar" in html
    assert SECRET not in html and SECRET_MAIL not in html


def test_withdrawn_consent_changes_the_pdf_fingerprint(goslar, network):
    from networks.selectors import concept_fingerprint

    person = network["group"].member_persons.get(name=LISTED)
    before = concept_fingerprint(network["concept"])
    person.public_consent = False
    person.save()
    assert concept_fingerprint(network["concept"]) != before


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_public_person_export_has_consented_people_only(
    client_of, coordinator_goslar, goslar, network, fmt
):
    client = client_of(coordinator_goslar)
    url = reverse("networks_staff:person_export", args=["goslar", fmt])
    public = client.get(url + "?scope=public")
    internal = client.get(url)
    assert _text(public, fmt).count(LISTED) == 1
    assert SECRET not in _text(public, fmt)
    assert SECRET in _text(internal, fmt)


def _text(response, fmt: str) -> str:
    if fmt == "csv":
        return response.content.decode("utf-8-sig")
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(response.content)).active
    return "\n".join(
        ";".join(str(c or "") for c in row) for row in sheet.iter_rows(values_only=True)
    )


def test_the_public_organisation_export_leaves_out_internal_organisations(
    client_of, coordinator_goslar, goslar, network
):
    OrganisationFactory(region=goslar, name="Interne Runde", is_public=False)
    client = client_of(coordinator_goslar)
    url = reverse("networks_staff:organisation_export", args=["goslar", "csv"])
    assert "Interne Runde" not in client.get(url + "?scope=public").content.decode("utf-8-sig")
    assert "Interne Runde" in client.get(url).content.decode("utf-8-sig")
