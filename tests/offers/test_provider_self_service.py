"""Provider contacts log in by e-mailed code and keep only their own organisation's offers."""

import pytest
from django.urls import reverse

from offers.models import ChangeRequest, Offer
from offers.services.directory import provider_contact_add
from tests.factories import MunicipalityFactory
from tests.offers.factories import OrganisationFactory, make_offer

VALID = {
    "kind": "course",
    "cost": "free",
    "registration": "none",
    "step_free": "unknown",
    # The places formset, left as it is.
    "places-TOTAL_FORMS": "0",
    "places-INITIAL_FORMS": "0",
}


@pytest.fixture
def vhs(goslar):
    return OrganisationFactory(region=goslar, name="VHS")


@pytest.fixture
def contact(goslar, vhs):
    return provider_contact_add(region=goslar, organisation=vhs, email="Kurse@VHS.example").user


@pytest.fixture
def own_offer(goslar, vhs):
    return make_offer(goslar, provider=vhs, title="Deutschkurs B1")


@pytest.fixture
def foreign_offer(goslar):
    return make_offer(goslar, title="Fremdes Angebot")


def test_a_provider_contact_has_no_password_but_a_verified_address(contact):
    assert contact.email == "kurse@vhs.example"
    assert not contact.has_usable_password()
    assert contact.emailaddress_set.get().verified


def test_the_login_page_offers_a_code_by_e_mail(client):
    html = client.get(reverse("account_login")).content.decode()
    assert reverse("account_request_login_code") in html


def test_a_provider_sees_only_their_organisations_offers(
    client_of, contact, own_offer, foreign_offer
):
    client = client_of(contact)
    html = client.get(reverse("offers:provider_home")).content.decode()
    assert "Deutschkurs B1" in html and "Fremdes Angebot" not in html
    url = reverse("offers:provider_offer_edit", kwargs={"pk": foreign_offer.pk})
    assert client.get(url).status_code == 404
    assert client.post(url, {**VALID, "title": "Gekapert"}).status_code == 404
    foreign_offer.refresh_from_db()
    assert foreign_offer.title == "Fremdes Angebot"
    other_org = foreign_offer.provider
    new_url = reverse("offers:provider_offer_new", kwargs={"organisation_pk": other_org.pk})
    assert client.get(new_url).status_code == 404


def test_people_without_a_provider_contact_get_404(client_of, coordinator_goslar, client):
    assert client_of(coordinator_goslar).get(reverse("offers:provider_home")).status_code == 404


def test_anonymous_visitors_are_sent_to_the_login(client):
    response = client.get(reverse("offers:provider_home"))
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_edits_wait_for_approval_when_the_region_says_so(client_of, contact, own_offer):
    response = client_of(contact).post(
        reverse("offers:provider_offer_edit", kwargs={"pk": own_offer.pk}),
        {**VALID, "title": "Deutschkurs B1 – neu"},
    )
    assert response.status_code == 302
    own_offer.refresh_from_db()
    assert own_offer.title == "Deutschkurs B1"
    cr = ChangeRequest.objects.get()
    assert cr.source == "provider" and cr.submitted_by == contact


def test_edits_go_live_at_once_when_the_region_trusts_providers(
    client_of, goslar, contact, own_offer
):
    goslar.provider_edits_need_approval = False
    goslar.save()
    client_of(contact).post(
        reverse("offers:provider_offer_edit", kwargs={"pk": own_offer.pk}),
        {**VALID, "title": "Deutschkurs B1 – neu"},
    )
    own_offer.refresh_from_db()
    assert own_offer.title == "Deutschkurs B1 – neu"
    assert not ChangeRequest.objects.exists()


def test_new_offers_from_providers(client_of, goslar, vhs, contact):
    url = reverse("offers:provider_offer_new", kwargs={"organisation_pk": vhs.pk})
    client = client_of(contact)
    assert client.post(url, {**VALID, "title": ""}).status_code == 400
    client.post(url, {**VALID, "title": "Alphabetisierung"})
    assert ChangeRequest.objects.get().kind == "offer_new"
    goslar.provider_edits_need_approval = False
    goslar.save()
    client.post(url, {**VALID, "title": "Alphabetisierung II"})
    assert Offer.objects.get(title="Alphabetisierung II").provider == vhs


def test_a_removed_contact_loses_access(client_of, contact, own_offer):
    contact.provider_contacts.update(is_active=False)
    assert client_of(contact).get(reverse("offers:provider_home")).status_code == 404


# --- places ----------------------------------------------------------------------------------


@pytest.fixture
def seesen(goslar):
    return MunicipalityFactory(region=goslar, name="Seesen", slug="seesen")


@pytest.fixture
def placed_offer(goslar, vhs, seesen):
    return make_offer(
        goslar,
        provider=vhs,
        title="Sprachcafé",
        municipality=seesen,
        place={"street": "Marktstraße 1", "postcode": "38723"},
    )


def _with_places(offer, *places, delete_first=False):
    """The edit form of ``offer`` with its first place changed to places[0] (or deleted) and
    further places added."""
    first = offer.places.get()
    data = {
        **VALID,
        "title": offer.title,
        "kind": offer.kind,
        "places-TOTAL_FORMS": str(len(places) + (1 if delete_first else 0)),
        "places-INITIAL_FORMS": "1",
        "places-0-id": str(first.pk),
        "places-0-offer": str(offer.pk),
    }
    rows = ([{"DELETE": "on", "city": first.city}] if delete_first else []) + list(places)
    for i, place in enumerate(rows):
        for key, value in place.items():
            data[f"places-{i}-{key}"] = value
    return data


def test_a_provider_moves_a_place_and_staff_see_it_in_the_diff(
    client_of, contact, placed_offer, goslar, seesen
):
    from offers.services.changes import change_request_diff

    langelsheim = MunicipalityFactory(region=goslar, name="Langelsheim", slug="langelsheim")
    url = reverse("offers:provider_offer_edit", kwargs={"pk": placed_offer.pk})
    html = client_of(contact).get(url).content.decode()
    assert 'name="places-0-street"' in html and "Marktstraße 1" in html
    moved = {
        "street": "Am Bahnhof 2",
        "postcode": "38685",
        "city": "Langelsheim",
        "municipality": str(langelsheim.pk),
        "latitude": "51.93",
        "longitude": "10.33",
    }
    response = client_of(contact).post(url, _with_places(placed_offer, moved))
    assert response.status_code == 302
    assert placed_offer.places.get().street == "Marktstraße 1"  # waits for approval
    change = ChangeRequest.objects.get()
    assert list(change.data) == ["places"]
    row = change_request_diff(change)[0]
    assert "Marktstraße 1" in row.old and "(Seesen)" in row.old
    assert "Am Bahnhof 2" in row.new and "(Langelsheim)" in row.new and "51.93" in row.new


def test_an_accepted_place_change_is_applied_with_the_same_validation(
    client_of, contact, placed_offer, goslar, coordinator_goslar
):
    from offers.selectors.search import SearchParams, search_offers
    from offers.services.changes import change_request_accept

    langelsheim = MunicipalityFactory(region=goslar, name="Langelsheim", slug="langelsheim")
    url = reverse("offers:provider_offer_edit", kwargs={"pk": placed_offer.pk})
    first = placed_offer.places.get()
    client_of(contact).post(
        url,
        _with_places(
            placed_offer,
            {"city": "Langelsheim", "municipality": str(langelsheim.pk)},
            delete_first=True,
        ),
    )
    change_request_accept(change_request=ChangeRequest.objects.get(), user=coordinator_goslar)
    place = placed_offer.places.get()
    assert place.pk != first.pk and place.municipality == langelsheim
    assert place.history.first().history_change_reason.startswith("Change request #")
    # The search index follows: the offer is found under its new municipality.
    result = search_offers(goslar, SearchParams(municipality="langelsheim"))
    assert [o.title for o in result.offers] == ["Sprachcafé"]


def test_place_edits_go_live_at_once_when_the_region_trusts_providers(
    client_of, contact, placed_offer, goslar
):
    goslar.provider_edits_need_approval = False
    goslar.save()
    url = reverse("offers:provider_offer_edit", kwargs={"pk": placed_offer.pk})
    client_of(contact).post(url, _with_places(placed_offer, {"street": "Neuer Weg 5"}))
    assert placed_offer.places.get().street == "Neuer Weg 5"
    assert not ChangeRequest.objects.exists()


def test_invalid_coordinates_are_refused_and_nothing_is_stored(client_of, contact, placed_offer):
    url = reverse("offers:provider_offer_edit", kwargs={"pk": placed_offer.pk})
    response = client_of(contact).post(
        url, _with_places(placed_offer, {"city": "Seesen", "latitude": "123", "longitude": "10"})
    )
    assert response.status_code == 400
    assert "-90" in response.content.decode()
    assert not ChangeRequest.objects.exists()


def test_a_new_offer_from_a_provider_brings_its_place(client_of, goslar, vhs, contact, seesen):
    from offers.services.changes import change_request_accept

    url = reverse("offers:provider_offer_new", kwargs={"organisation_pk": vhs.pk})
    data = {
        **VALID,
        "title": "Nähcafé",
        "places-TOTAL_FORMS": "1",
        "places-0-street": "Lange Straße 3",
        "places-0-municipality": str(seesen.pk),
    }
    client_of(contact).post(url, data)
    change = ChangeRequest.objects.get()
    offer = change_request_accept(change_request=change, user=None)
    place = offer.places.get()
    assert place.street == "Lange Straße 3" and place.municipality == seesen
