"""Removing a provider contact takes their access away at once: update-round link and login."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from offers.models import Offer, ProviderContact
from offers.services import rounds
from offers.services.directory import provider_contact_add
from portal.models import Role
from tests.factories import staff_user
from tests.offers.factories import OrganisationFactory, make_offer


@pytest.fixture
def awo(goslar):
    return OrganisationFactory(region=goslar, name="AWO", email="")


@pytest.fixture
def contact(goslar, awo):
    return provider_contact_add(region=goslar, organisation=awo, email="kontakt@awo.example")


@pytest.fixture
def round_link(goslar, coordinator_goslar, awo, contact):
    make_offer(goslar, provider=awo, title="Hausaufgabenhilfe")
    update_round, _started = rounds.round_start(
        region=goslar,
        name="Update 2027",
        deadline=timezone.localdate() + datetime.timedelta(days=30),
        reminder_interval_days=14,
        user=coordinator_goslar,
    )
    request = update_round.requests.get(email="kontakt@awo.example")
    return reverse("offers:update_answer", kwargs={"token": rounds.make_token(request)})


def _remove(client, awo, contact):
    url = reverse(
        "offers_staff:contact_remove",
        kwargs={"region": "goslar", "pk": awo.pk, "contact_pk": contact.pk},
    )
    return client.post(url)


def test_the_update_round_link_stops_working_when_the_contact_is_removed(
    client, client_of, coordinator_goslar, awo, contact, round_link
):
    assert client.get(round_link).status_code == 200
    _remove(client_of(coordinator_goslar), awo, contact)
    client.logout()
    assert client.get(round_link).status_code == 404
    offer = Offer.objects.get(title="Hausaufgabenhilfe")
    response = client.post(round_link, {"offer": offer.pk, "action": "archive"})
    assert response.status_code == 404
    offer.refresh_from_db()
    assert offer.status == Offer.Status.PUBLISHED


def test_no_reminder_goes_to_a_removed_contact(
    client_of, coordinator_goslar, awo, contact, round_link
):
    _remove(client_of(coordinator_goslar), awo, contact)
    later = timezone.now() + datetime.timedelta(days=20)
    assert rounds.send_due_reminders(now=later) == 0


def test_the_removed_contacts_open_session_ends(client, django_user_model, awo, contact):
    from django.test import Client

    provider = Client()
    provider.force_login(contact.user)
    home = reverse("offers:provider_home")
    assert provider.get(home).status_code == 200
    staff = Client()
    staff.force_login(staff_user(awo.region, Role.EDITOR))
    _remove(staff, awo, contact)
    response = provider.get(home)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_a_contact_who_is_also_staff_keeps_the_back_office(client_of, goslar, awo):
    editor = staff_user(goslar, Role.EDITOR, email="editor@awo.example")
    contact = provider_contact_add(region=goslar, organisation=awo, email="editor@awo.example")
    coordinator = staff_user(goslar, Role.COORDINATOR)
    from django.test import Client

    editors_browser = Client()
    editors_browser.force_login(editor)
    _remove(client_of(coordinator), awo, contact)
    assert editors_browser.get("/staff/goslar/").status_code == 200
    assert editors_browser.get(reverse("offers:provider_home")).status_code == 404


def test_a_contact_added_again_has_access_again(client_of, coordinator_goslar, goslar, awo):
    contact = provider_contact_add(region=goslar, organisation=awo, email="kontakt@awo.example")
    _remove(client_of(coordinator_goslar), awo, contact)
    provider_contact_add(region=goslar, organisation=awo, email="kontakt@awo.example")
    assert ProviderContact.objects.active().filter(pk=contact.pk).exists()
