"""A provider's edits (offers.services.changes: provider_offer_update, provider_offer_create,
suggest_offer_change, and the public's suggest_provider_change): the services are given
validated values and the whole list of places, and decide themselves what changed by comparing
them with the offer (or provider) as stored."""

from dataclasses import replace
from decimal import Decimal

import pytest
from django.utils import timezone

from offers.forms import CHANGEABLE_OFFER_FIELDS
from offers.models import ChangeRequest, Offer
from offers.services.changes import (
    PlaceValues,
    provider_offer_create,
    provider_offer_update,
    suggest_offer_change,
    suggest_provider_change,
)
from tests.offers.factories import OrganisationFactory, make_offer

PROVIDER = ChangeRequest.Source.PROVIDER


@pytest.fixture
def offer(goslar, seesen):
    return make_offer(
        goslar,
        title="Sprachcafé",
        fields=[goslar.fields_of_action.get(slug="sprache")],
        target_groups=["refugees", "women"],
        municipality=seesen,
        place={"street": "Marktstraße 1", "latitude": Decimal("51.93")},
    )


@pytest.fixture
def trusted(goslar):
    goslar.provider_edits_need_approval = False
    goslar.save()


def as_shown(offer: Offer) -> dict:
    """The values of the provider's edit form left as it is."""
    offer = Offer.objects.get(pk=offer.pk)
    return {
        name: offer.fields_of_action.all() if name == "fields_of_action" else getattr(offer, name)
        for name in CHANGEABLE_OFFER_FIELDS
    }


def places_of(offer: Offer) -> list[PlaceValues]:
    return [PlaceValues.of(place) for place in offer.places.all()]


def test_an_edit_that_changes_nothing_creates_no_change_record(offer):
    result = provider_offer_update(
        offer=offer, values=as_shown(offer), places=places_of(offer), source=PROVIDER
    )
    assert result == "unchanged"
    assert not ChangeRequest.objects.exists()


def test_ticking_the_same_boxes_in_another_order_is_no_change(offer):
    values = {**as_shown(offer), "target_groups": ["women", "refugees"]}
    assert provider_offer_update(offer=offer, values=values, source=PROVIDER) == "unchanged"


def test_changing_only_the_places_records_only_the_places(offer):
    moved = [replace(places_of(offer)[0], street="Am Bahnhof 2")]
    result = provider_offer_update(
        offer=offer, values=as_shown(offer), places=moved, source=PROVIDER
    )
    assert result == "pending"
    change = ChangeRequest.objects.get()
    assert list(change.data) == ["places"]
    assert change.data["places"][0]["street"] == "Am Bahnhof 2"
    assert offer.places.get().street == "Marktstraße 1"  # waits for approval


def test_changing_only_a_field_records_only_that_field(offer):
    values = {**as_shown(offer), "schedule": "dienstags 10–12"}
    provider_offer_update(offer=offer, values=values, places=places_of(offer), source=PROVIDER)
    assert ChangeRequest.objects.get().data == {"schedule": "dienstags 10–12"}


def test_what_changed_is_decided_against_the_stored_offer_not_the_callers_copy(offer):
    # A bound model form writes its values onto the instance it edits before the service runs.
    offer.title = "Sprachcafé am Markt"
    values = {**as_shown(offer), "title": "Sprachcafé am Markt"}
    assert provider_offer_update(offer=offer, values=values, source=PROVIDER) == "pending"
    assert ChangeRequest.objects.get().data == {"title": "Sprachcafé am Markt"}


def test_a_trusted_providers_edit_goes_live_and_confirms_the_offer(offer, trusted, seesen):
    Offer.objects.filter(pk=offer.pk).update(confirmation_state=Offer.ConfirmationState.MARKED)
    kept = places_of(offer)[0]
    new = PlaceValues(street="Lange Straße 3", municipality=seesen)
    values = {**as_shown(offer), "title": "Sprachcafé am Markt"}
    result = provider_offer_update(offer=offer, values=values, places=[kept, new], source=PROVIDER)
    assert result == "applied"
    assert not ChangeRequest.objects.exists()
    offer.refresh_from_db()
    assert offer.title == "Sprachcafé am Markt"
    assert offer.confirmation_state == Offer.ConfirmationState.CURRENT
    assert offer.history.first().history_change_reason == "Vom Träger bearbeitet"
    assert [p.street for p in offer.places.all()] == ["Marktstraße 1", "Lange Straße 3"]
    assert offer.places.first().history.count() == 1  # the kept place was not saved again


def test_a_place_left_out_of_the_list_goes(offer, trusted):
    result = provider_offer_update(offer=offer, values=as_shown(offer), places=[], source=PROVIDER)
    assert result == "applied"
    assert not offer.places.exists()


def test_without_a_list_of_places_the_places_stay(offer, trusted):
    provider_offer_update(offer=offer, values=as_shown(offer) | {"title": "Neu"}, source=PROVIDER)
    assert offer.places.count() == 1


def test_a_suggestion_without_a_change_is_stored_only_with_a_message(offer):
    unchanged = {"offer": offer, "values": as_shown(offer), "source": PROVIDER}
    assert suggest_offer_change(**unchanged) is None
    change = suggest_offer_change(**unchanged, message="Der Kurs ist voll.")
    assert change.data == {} and change.message == "Der Kurs ist voll."


NEW = {"title": "Nähcafé", "kind": "meeting_place", "cost": "free", "registration": "none"}


def test_a_trusted_providers_new_offer_is_published_with_its_places(goslar, trusted, seesen):
    provider = OrganisationFactory(region=goslar)
    result = provider_offer_create(
        organisation=provider,
        values={**NEW, "lessons_learned": "only staff write this"},
        places=[PlaceValues(street="Lange Straße 3", municipality=seesen)],
    )
    assert result == "applied"
    offer = Offer.objects.get(title="Nähcafé")
    assert offer.provider == provider and offer.status == Offer.Status.PUBLISHED
    assert offer.published_at is not None
    assert offer.last_confirmed_at == timezone.localdate()
    assert offer.lessons_learned == ""  # not a field a provider may set
    assert offer.places.get().municipality == seesen


def test_a_new_offer_waiting_for_approval_keeps_its_places(goslar, seesen):
    provider = OrganisationFactory(region=goslar)
    places = [PlaceValues(street="Lange Straße 3", municipality=seesen)]
    assert provider_offer_create(organisation=provider, values=NEW, places=places) == "pending"
    change = ChangeRequest.objects.get()
    assert change.kind == ChangeRequest.Kind.OFFER_NEW and change.organisation == provider
    assert change.data["places"] == [
        {
            "id": None,
            "name": "",
            "street": "Lange Straße 3",
            "postcode": "",
            "city": "",
            "municipality": seesen.pk,
            "latitude": None,
            "longitude": None,
        }
    ]
    assert not Offer.objects.exists()


def test_a_provider_suggestion_proposes_only_what_differs_from_the_stored_provider(offer):
    provider = offer.provider
    sent = {"name": provider.name, "email": provider.email, "phone": "05321 123"}
    provider.name = "Changed in memory only"  # as a bound model form leaves its instance
    change = suggest_provider_change(organisation=provider, changes=sent)
    assert change.data == {"phone": "05321 123"}
    assert suggest_provider_change(organisation=provider, changes={"name": sent["name"]}) is None
