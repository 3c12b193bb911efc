"""Staff create offers: with places, searchable at once, linked to measures of the concept;
invalid input gets messages, another county's provider cannot be chosen."""

from offers.models import Offer
from offers.selectors.search import SearchParams, search_offers
from tests.factories import MunicipalityFactory
from tests.networks.factories import ConceptFactory, MeasureFactory
from tests.offers.factories import OrganisationFactory
from tests.offers.staff_forms import offer_post, url


def test_staff_create_an_offer_with_a_place_and_it_is_searchable(
    client_of, coordinator_goslar, goslar
):
    provider = OrganisationFactory(region=goslar)
    town = MunicipalityFactory(region=goslar, name="Goslar", slug="goslar-stadt")
    client = client_of(coordinator_goslar)
    response = client.post(
        url("offer_create"), offer_post(provider, **{"places-0-municipality": town.pk})
    )
    assert response.status_code == 302
    offer = Offer.objects.get()
    assert offer.published_at is not None and offer.places.get().municipality == town
    assert search_offers(goslar, SearchParams(q="Sprachkurse Frauen")).total == 1


def test_invalid_input_gives_messages_not_errors(client_of, coordinator_goslar, goslar):
    provider = OrganisationFactory(region=goslar)
    client = client_of(coordinator_goslar)
    bad = offer_post(
        provider,
        registration="email",
        registration_detail="nicht-mail",
        start_date="2030-05-01",
        end_date="2030-04-01",
        **{"places-0-latitude": "51.9"},
    )
    response = client.post(url("offer_create"), bad)
    assert response.status_code == 400
    html = response.content.decode()
    assert "valid e-mail" in html or "gültige E-Mail" in html
    assert not Offer.objects.exists()


def test_another_regions_provider_cannot_be_chosen(client_of, coordinator_goslar, harz):
    foreign = OrganisationFactory(region=harz)
    response = client_of(coordinator_goslar).post(url("offer_create"), offer_post(foreign))
    assert response.status_code == 400
    assert not Offer.objects.exists()


def test_staff_link_measures_of_the_concept_and_the_annexes_render(
    client_of, coordinator_goslar, goslar
):
    from django.template.loader import render_to_string

    from networks.annexes import get_annex

    concept = ConceptFactory(region=goslar, title="Konzept", version=2024)
    field = goslar.fields_of_action.get(slug="sprache")
    measure = MeasureFactory(concept=concept, field_of_action=field, title="Sprachlotsen")
    provider = OrganisationFactory(region=goslar)
    client = client_of(coordinator_goslar)
    client.post(
        url("offer_create"),
        offer_post(provider, measures=[measure.pk], fields_of_action=[field.pk]),
    )
    offer = Offer.objects.get()
    assert list(offer.measures.all()) == [measure]
    assert list(measure.offers.all()) == [offer]
    for key in ("offer_directory", "offer_coverage"):
        annex = get_annex(key)
        html = render_to_string(annex.template, annex.context(concept))
        assert "<caption>" in html
        assert annex.fingerprint(concept)
    directory = get_annex("offer_directory")
    assert "Sprachkurs für Frauen" in render_to_string(
        directory.template, directory.context(concept)
    )
