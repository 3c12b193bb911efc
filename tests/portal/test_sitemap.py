"""/sitemap.xml lists every public page."""

import pytest
from django.conf import settings

from tests.networks.factories import ConceptFactory


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


def test_each_address_lists_its_language_versions(client, goslar, harz):
    """Like the page's own hreflang links: German and the region's languages, x-default."""
    import re

    harz.translation_languages = ["ar", "uk"]
    harz.save(update_fields=["translation_languages"])
    xml = client.get("/sitemap.xml").content.decode()
    assert 'xmlns:xhtml="http://www.w3.org/1999/xhtml"' in xml
    entries = dict(re.findall(r"<url><loc>([^<]+)</loc>(.*?)</url>", xml))
    harz_home = re.findall(r'hreflang="([^"]+)" href="([^"]+)"', entries["http://testserver/harz/"])
    assert harz_home == [
        ("de", "http://testserver/harz/?language=de"),
        ("ar", "http://testserver/harz/?language=ar"),
        ("uk", "http://testserver/harz/?language=uk"),
        ("x-default", "http://testserver/harz/"),
    ]
    goslar_home = re.findall(r'hreflang="([^"]+)"', entries["http://testserver/goslar/"])
    assert goslar_home == ["de", "x-default"]
    portal_home = re.findall(r'hreflang="([^"]+)"', entries["http://testserver/"])
    assert portal_home == [code for code, _name in settings.LANGUAGES] + ["x-default"]
    # Every listed address carries alternates (the apps' sections too).
    assert all("hreflang" in body for body in entries.values())


def test_concept_addresses_are_canonical(client, goslar):
    """No listed concept address redirects (the current-concept address does; it is left out)."""
    import re

    ConceptFactory(region=goslar, title="Integrationskonzept 2024", version=2024, status="adopted")
    xml = client.get("/sitemap.xml").content.decode()
    locations = re.findall(r"<loc>http://testserver([^<]+)</loc>", xml)
    concept = [path for path in locations if "/concept/" in path]
    assert "/goslar/concept/2024/" in concept
    assert "/goslar/concept/" not in concept
    for path in concept:
        assert client.get(path).status_code in (200, 503), path  # 503: the PDF is being made


def test_it_needs_a_few_queries_whatever_the_number_of_regions_and_pages(
    client, goslar, harz, django_assert_max_num_queries, settings
):
    settings.PAGE_CACHE_SECONDS = 0
    with django_assert_max_num_queries(10):
        assert client.get("/sitemap.xml").status_code == 200
