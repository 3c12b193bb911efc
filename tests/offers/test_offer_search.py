"""The public offer search: results with facets, htmx partials, the map view, robust filters
and a constant number of queries."""

from django.urls import reverse

from tests.offers.factories import OfferPlaceFactory, make_offer


def search_url(region="goslar"):
    return reverse("offers:offer_search", kwargs={"region": region})


def test_the_search_page_lists_offers_with_facets(client, offer):
    response = client.get(search_url(), {"q": "Sprachcafe"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sprachcafé Seesen" in html
    assert 'id="offer-search"' in html
    assert '<bdi>Seesen</bdi> <span class="facet-count">(1)</span>' in html


def test_htmx_requests_get_only_the_results(client, offer):
    response = client.get(search_url(), {"q": "Sprachcafe"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "Sprachcafé Seesen" in html
    assert "<html" not in html
    assert response["Vary"].count("HX-Request") == 1


def test_bad_filter_values_are_ignored_not_an_error(client, offer):
    response = client.get(search_url(), {"kind": "nope", "page": "abc", "field": "x", "lang": "zz"})
    assert response.status_code == 200
    assert "Sprachcafé Seesen" in response.content.decode()


def test_a_page_beyond_the_end_shows_the_last_page(client, offer):
    response = client.get(search_url(), {"page": "99"})
    assert "Sprachcafé Seesen" in response.content.decode()


def test_the_map_view_carries_markers_and_no_tiles_without_a_tile_server(client, offer):
    response = client.get(search_url(), {"view": "map"})
    html = response.content.decode()
    assert 'id="offers-map-markers"' in html
    assert '"lat": 51.89' in html
    assert 'data-tile-url=""' in html
    assert "vendor/leaflet/leaflet.js" in html


def test_search_pages_need_a_constant_number_of_queries(
    client, goslar, seesen, django_assert_max_num_queries, settings
):
    settings.PAGE_CACHE_SECONDS = 0  # counts the search's queries, not the page cache's two
    for i in range(3):
        make_offer(goslar, title=f"Sprachkurs {i}", languages=["ar"], municipality=seesen)
    with django_assert_max_num_queries(12) as few:
        client.get(search_url(), {"q": "Sprachkurs", "lang": "ar"})
    for i in range(25):
        o = make_offer(
            goslar, title=f"Sprachkurs B{i}", languages=["ar", "uk"], municipality=seesen
        )
        OfferPlaceFactory(offer=o, city="Goslar")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(search_url(), {"q": "Sprachkurs", "lang": "ar"})
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(search_url(), {"q": "Sprachkurs", "lang": "ar", "page": "2"})
