"""A visitor searches the directory, opens offers and providers, and reuses the open data."""

import json

import pytest
from django.urls import reverse

from networks.models import Person
from tests.factories import MunicipalityFactory
from tests.networks.factories import ConceptFactory, MeasureFactory, PersonFactory
from tests.offers.factories import OfferPlaceFactory, OrganisationFactory, make_offer


@pytest.fixture
def seesen(goslar):
    return MunicipalityFactory(region=goslar, name="Seesen", slug="seesen")


@pytest.fixture
def offer(goslar, seesen):
    provider = OrganisationFactory(region=goslar, name="Caritas Goslar", slug="caritas")
    person = PersonFactory(
        region=goslar, name="Frau Demir", organisation=provider, public_consent=True
    )
    return make_offer(
        goslar,
        provider=provider,
        title="Sprachcafé Seesen",
        summary="Deutsch sprechen bei Kaffee",
        description="**Jeden Dienstag**<script>alert(1)</script>",
        languages=["de", "ar"],
        contact_person=person,
        municipality=seesen,
        place={
            "street": "Marktstraße 1",
            "postcode": "38723",
            "latitude": 51.89,
            "longitude": 10.18,
        },
    )


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


def test_the_offer_page_has_json_ld_sanitised_markdown_and_a_map_link(client, offer):
    response = client.get(offer.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "<strong>Jeden Dienstag</strong>" in html
    assert "<script>alert" not in html
    start = html.index('<script type="application/ld+json">') + len(
        '<script type="application/ld+json">'
    )
    data = json.loads(html[start : html.index("</script>", start)])
    assert data["name"] == "Sprachcafé Seesen"
    assert data["provider"]["name"] == "Caritas Goslar"
    assert {lang["alternateName"] for lang in data["availableLanguage"]} == {"de", "ar"}
    assert "openstreetmap.org/?mlat=51.89" in html
    assert "Frau Demir" in html


def test_contact_persons_without_consent_stay_hidden(client, offer):
    Person.objects.filter(pk=offer.contact_person_id).update(public_consent=False)
    assert "Frau Demir" not in client.get(offer.get_absolute_url()).content.decode()


def test_the_print_view_is_a_plain_page(client, offer):
    url = reverse("offers:offer_print", kwargs={"region": "goslar", "pk": offer.pk})
    html = client.get(url).content.decode()
    assert "Sprachcafé Seesen" in html and "site-header" not in html


def test_drafts_and_other_regions_offers_are_404(client, goslar, harz):
    draft = make_offer(goslar, status="draft")
    other = make_offer(harz)
    assert client.get(draft.get_absolute_url()).status_code == 404
    url = reverse("offers:offer_detail", kwargs={"region": "goslar", "pk": other.pk})
    assert client.get(url).status_code == 404


def test_the_provider_page_lists_offers_places_and_consented_people(client, offer):
    url = reverse("offers:provider_detail", kwargs={"region": "goslar", "slug": "caritas"})
    html = client.get(url).content.decode()
    assert "Sprachcafé Seesen" in html
    assert "Marktstraße 1" in html
    assert "Frau Demir" in html
    listing = client.get(reverse("offers:provider_list", kwargs={"region": "goslar"}))
    assert "Caritas Goslar" in listing.content.decode()


def test_open_data_csv_and_json_in_the_documented_format(client, offer):
    url = reverse(
        "offers:data_file", kwargs={"region": "goslar", "dataset": "offers", "fmt": "json"}
    )
    data = json.loads(client.get(url).content)
    assert data["format_version"] == 1
    record = data["offers"][0]
    assert record["title"] == "Sprachcafé Seesen"
    assert record["languages"] == ["de", "ar"]
    assert record["places"][0]["municipality"] == "Seesen"
    csv_url = reverse(
        "offers:data_file", kwargs={"region": "goslar", "dataset": "providers", "fmt": "csv"}
    )
    text = client.get(csv_url).content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("id;url;name;kind")
    assert "Caritas Goslar" in text
    docs = client.get(reverse("offers:open_data", kwargs={"region": "goslar"}))
    assert "provider_name" in docs.content.decode()
    bad = reverse(
        "offers:data_file", kwargs={"region": "goslar", "dataset": "offers", "fmt": "xml"}
    )
    assert client.get(bad).status_code == 404


def test_the_region_home_announces_feeds_and_the_atom_feed_lists_new_offers(client, offer):
    home = client.get(reverse("portal:region_home", kwargs={"region": "goslar"})).content.decode()
    assert 'rel="alternate" type="application/atom+xml"' in home
    assert "offers/data/offers.json" in home
    feed = client.get(reverse("offers:feed", kwargs={"region": "goslar"}))
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert "Sprachcafé Seesen" in feed.content.decode()


def test_every_offer_and_provider_page_is_in_the_sitemap(client, offer):
    xml = client.get("/sitemap.xml").content.decode()
    assert offer.get_absolute_url() in xml
    assert "/goslar/offers/providers/caritas/" in xml
    assert "/goslar/offers/data/" in xml


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


def test_the_offer_page_shows_the_measures_it_implements_with_a_link_to_the_tracker(
    client, offer, goslar
):
    field = goslar.fields_of_action.first()
    adopted = ConceptFactory(
        region=goslar, title="Integrationskonzept 2024", version=2024, status="adopted"
    )
    draft = ConceptFactory(region=goslar, title="Entwurf", version=2027)
    shown = MeasureFactory(
        concept=adopted,
        field_of_action=field,
        title="Sprachlotsen ausbilden",
        status="in_progress",
        progress=40,
    )
    hidden = MeasureFactory(concept=draft, field_of_action=field, title="Geheimplan")
    offer.measures.set([shown, hidden])
    html = client.get(offer.get_absolute_url()).content.decode()
    tracker = reverse("networks:measure_tracker", kwargs={"region": "goslar", "version": 2024})
    assert f'href="{tracker}#measure-{shown.pk}"><bdi>Sprachlotsen ausbilden</bdi></a>' in html
    assert "40\xa0% umgesetzt" in html and "Integrationskonzept 2024" in html
    assert "Geheimplan" not in html


def test_the_provider_directory_is_paginated(client, goslar, monkeypatch):
    from offers.views import public

    monkeypatch.setattr(public, "PROVIDERS_PER_PAGE", 2)
    for name in ("Arbeiterwohlfahrt", "Bürgerverein", "Caritas"):
        make_offer(goslar, provider=OrganisationFactory(region=goslar, name=name))
    url = reverse("offers:provider_list", kwargs={"region": "goslar"})
    first, second = client.get(url).content.decode(), client.get(f"{url}?page=2").content.decode()
    assert "Arbeiterwohlfahrt" in first and "Caritas" not in first
    assert "Caritas" in second and "Arbeiterwohlfahrt" not in second
    assert client.get(f"{url}?page=abc").status_code == 200


@pytest.mark.parametrize(
    ("language", "arabic", "german"),
    [("de", "Arabisch", "Deutsch"), ("en", "Arabic", "German"), ("ar", "العربية", "الألمانية")],
)
def test_the_offers_languages_are_named_in_the_readers_language(
    client, offer, language, arabic, german
):
    html = client.get(offer.get_absolute_url() + f"?language={language}").content.decode()
    languages = html.split('<ul class="list-inline mb-0">', 1)[1].split("</ul>", 1)[0]
    assert arabic in languages and german in languages
    if language != "ar":  # the native name follows where it differs
        assert '(<bdi lang="ar">العربية</bdi>)' in languages
    assert "Arabisch" not in languages or language == "de"
