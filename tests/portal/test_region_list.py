"""/ lists every county with its office."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import RegionFactory
from tests.portal.factories import RegionStatisticFactory


@pytest.mark.django_db
def test_it_lists_every_region_with_its_office(client, goslar, harz):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Landkreis Goslar" in html
    assert "Landkreis Harz" in html
    assert 'href="/goslar/"' in html
    assert "Koordinierungsstelle Migration" in html


@pytest.mark.django_db
def test_it_says_so_when_there_is_no_region_yet(client):
    response = client.get("/")
    assert response.status_code == 200
    assert list(response.context["regions"]) == []


@pytest.mark.django_db
def test_it_shows_a_regions_key_figures(client, goslar):
    RegionStatisticFactory(region=goslar, label="Herkunftsnationen", value="122")
    assert "Herkunftsnationen" in client.get("/").content.decode()


@pytest.mark.django_db
def test_the_number_of_queries_does_not_grow_with_the_regions(client, settings):
    settings.PAGE_CACHE_SECONDS = 0  # the render's queries, not the page cache's (it culls)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            client.get("/")
        return len(queries)

    RegionStatisticFactory(region=RegionFactory())
    before = count()
    for _ in range(4):
        RegionStatisticFactory(region=RegionFactory())
    assert count() == before
