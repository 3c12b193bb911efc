"""Imprint, privacy notice and accessibility statement: per region and for the whole portal."""

import pytest

PAGES = ["imprint", "privacy", "accessibility"]


@pytest.mark.parametrize("page", PAGES)
def test_each_region_has_the_legal_page(client, goslar, page):
    response = client.get(f"/goslar/{page}/")
    assert response.status_code == 200
    assert response.context["region"] == goslar


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.django_db
def test_the_portal_has_the_legal_page(client, page):
    assert client.get(f"/{page}/").status_code == 200


def test_the_imprint_names_the_county_as_publisher(client, goslar):
    goslar.imprint = "Landkreis Goslar, vertreten durch den Landrat"
    goslar.save()
    assert "vertreten durch den Landrat" in client.get("/goslar/imprint/").content.decode()


def test_the_privacy_notice_states_the_retention_period(client, goslar):
    goslar.registration_retention_days = 45
    goslar.save()
    assert "45" in client.get("/goslar/privacy/").content.decode()


def test_the_accessibility_statement_shows_the_regions_text(client, goslar):
    goslar.accessibility_statement = "Die PDF-Anlagen von 2016 sind nicht barrierefrei."
    goslar.save()
    html = client.get("/goslar/accessibility/").content.decode()
    assert "nicht barrierefrei" in html
    assert "<form" in html


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.django_db
def test_an_unknown_regions_legal_page_answers_404(client, page):
    assert client.get(f"/atlantis/{page}/").status_code == 404


@pytest.mark.django_db
def test_every_page_links_the_three_legal_pages(client):
    html = client.get("/").content.decode()
    for page in PAGES:
        assert f'href="/{page}/"' in html
