"""Fixtures of the offers tests: a published offer of Goslar in Seesen, with a consenting contact
person, a place on the map and Markdown to sanitise."""

import pytest

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
