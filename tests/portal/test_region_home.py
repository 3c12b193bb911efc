"""A county's home page: office, team, contacts, statistics and fields of action."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.models import RegionContact
from tests.portal.factories import (
    RegionContactFactory,
    RegionStatisticFactory,
    TeamMemberFactory,
)


@pytest.fixture
def gifhorn_like(goslar):
    goslar.postal_address = "Landkreis Goslar\nKlubgartenstraße 6\n38640 Goslar"
    goslar.po_box = "Postfach 1234"
    goslar.visiting_address = "Kreishaus\nKlubgartenstraße 6"
    goslar.opening_hours = "Mo–Do 8:30–15:30 Uhr"
    goslar.save()
    RegionContactFactory(region=goslar, kind="phone", value="05321 76-276", label="Anmeldung")
    RegionContactFactory(region=goslar, kind="phone", value="05321 76-277")
    RegionContactFactory(region=goslar, kind=RegionContact.Kind.EMAIL, value="km@goslar.example")
    TeamMemberFactory(region=goslar, name="Audrey Grothe", role="Leiterin der Stabsstelle")
    TeamMemberFactory(region=goslar, name="Karin Otte", role="Migration & Teilhabe")
    RegionStatisticFactory(
        region=goslar,
        label="Menschen mit ausländischer Staatsangehörigkeit",
        value="11.108",
        as_of=date(2018, 1, 30),
        source="Pressemitteilung des Landkreises",
    )
    return goslar


def test_it_shows_the_office_with_all_addresses(client, gifhorn_like):
    html = client.get("/goslar/").content.decode()
    assert "Klubgartenstraße 6" in html
    assert "Postfach 1234" in html
    assert "Kreishaus" in html
    assert "Mo–Do 8:30–15:30 Uhr" in html


def test_it_links_every_phone_and_email(client, gifhorn_like):
    html = client.get("/goslar/").content.decode()
    assert 'href="tel:0532176276"' in html
    assert 'href="tel:0532176277"' in html
    assert 'href="mailto:km@goslar.example"' in html
    assert "Anmeldung" in html


def test_it_shows_the_team_with_roles(client, gifhorn_like):
    html = client.get("/goslar/").content.decode()
    assert "Audrey Grothe" in html
    assert "Leiterin der Stabsstelle" in html
    assert "Karin Otte" in html


def test_it_shows_statistics_with_date_and_source(client, gifhorn_like):
    html = client.get("/goslar/").content.decode()
    assert "11.108" in html
    assert "30.01.2018" in html
    assert "Pressemitteilung des Landkreises" in html


def test_it_shows_the_regions_fields_of_action_in_order(client, goslar):
    html = client.get("/goslar/").content.decode()
    assert html.index("Arbeit") < html.index("Sprache") < html.index("Wohnen und Nachbarschaft")
    assert "Begleitung und Betreuung von Flüchtlingen" in html


def test_it_does_not_show_another_regions_data(client, gifhorn_like, harz):
    html = client.get("/harz/").content.decode()
    assert "Audrey Grothe" not in html
    assert "km@goslar.example" not in html


def test_the_footer_links_the_regions_legal_pages(client, goslar):
    html = client.get("/goslar/").content.decode()
    assert 'href="/goslar/imprint/"' in html
    assert 'href="/goslar/privacy/"' in html
    assert 'href="/goslar/accessibility/"' in html


@pytest.mark.parametrize("path", ["/", "/goslar/", "/goslar/privacy/"])
def test_every_footer_offers_the_staff_login(client, goslar, path):
    html = client.get(path, HTTP_ACCEPT_LANGUAGE="de").content.decode()
    footer = html[html.index("<footer") :]
    assert 'href="/accounts/login/"' in footer
    assert "Anmelden für Mitarbeitende" in footer


def test_a_logged_in_person_finds_the_back_office_in_the_footer(client, goslar, editor_goslar):
    client.force_login(editor_goslar)
    footer = client.get("/goslar/").content.decode().split("<footer", 1)[1]
    assert 'href="/staff/"' in footer
    assert "/accounts/login/" not in footer


@pytest.mark.django_db
def test_an_unknown_region_answers_404(client):
    assert client.get("/atlantis/").status_code == 404


def test_the_number_of_queries_does_not_grow_with_the_content(client, goslar):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            client.get("/goslar/")
        return len(queries)

    before = count()
    for n in range(5):
        TeamMemberFactory(region=goslar)
        RegionContactFactory(region=goslar)
        RegionStatisticFactory(region=goslar, label=f"Zahl {n}")
    assert count() == before
