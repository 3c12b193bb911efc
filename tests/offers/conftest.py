"""Fixtures of the offers tests: a published offer of Goslar in Seesen (with a consenting contact
person, a place on the map and Markdown to sanitise), and an update round started for two
providers (Caritas reached by its own address, AWO through its provider contact)."""

import datetime

import pytest
from django.utils import timezone

from offers.services import rounds
from offers.services.directory import provider_contact_add
from tests.factories import MunicipalityFactory
from tests.networks.factories import PersonFactory
from tests.offers.factories import OrganisationFactory, make_offer


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


@pytest.fixture
def started(goslar, coordinator_goslar):
    caritas = OrganisationFactory(region=goslar, name="Caritas", email="info@caritas.example")
    awo = OrganisationFactory(region=goslar, name="AWO", email="")
    provider_contact_add(region=goslar, organisation=awo, email="kontakt@awo.example")
    make_offer(goslar, provider=caritas, title="Sprachcafé")
    make_offer(goslar, provider=caritas, title="Nähtreff")
    make_offer(goslar, provider=awo, title="Hausaufgabenhilfe")
    update_round, _started = rounds.round_start(
        region=goslar,
        name="Update 2027",
        deadline=timezone.localdate() + datetime.timedelta(days=30),
        reminder_interval_days=14,
        user=coordinator_goslar,
    )
    return update_round
