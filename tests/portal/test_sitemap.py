"""/sitemap.xml lists every public page."""

import pytest


def test_it_lists_the_portal_pages(client, goslar):
    xml = client.get("/sitemap.xml").content.decode()
    for path in ["/", "/imprint/", "/privacy/", "/accessibility/"]:
        assert f"<loc>http://testserver{path}</loc>" in xml


def test_it_lists_each_regions_home_and_legal_pages(client, goslar, harz):
    xml = client.get("/sitemap.xml").content.decode()
    for slug in ("goslar", "harz"):
        for page in ("", "imprint/", "privacy/", "accessibility/"):
            assert f"<loc>http://testserver/{slug}/{page}</loc>" in xml


def test_every_listed_page_answers_200(client, goslar):
    import re

    xml = client.get("/sitemap.xml").content.decode()
    locations = re.findall(r"<loc>http://testserver([^<]+)</loc>", xml)
    assert locations
    for path in locations:
        assert client.get(path).status_code == 200, path


@pytest.mark.django_db
def test_it_is_xml(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
