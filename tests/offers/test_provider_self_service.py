"""Provider contacts log in by e-mailed code and keep only their own organisation's offers."""

import pytest
from django.urls import reverse

from offers.models import ChangeRequest, Offer
from offers.services.directory import provider_contact_add
from tests.offers.factories import OrganisationFactory, make_offer

VALID = {"kind": "course", "cost": "free", "registration": "none", "step_free": "unknown"}


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
