"""The search reads only its entries, so an entry must say what the offer says: public exactly
when ``Offer.objects.published()`` has the offer, with the offer's dates, title and facet keys —
after reindexing and after any later change of the offer, whichever code path makes it."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from offers.models import Offer, SearchEntry
from offers.selectors.search import SearchParams, search_offers
from offers.services.directory import offer_set_status
from tests.offers.factories import make_offer

STATES = [
    (status, confirmation)
    for status in Offer.Status.values
    for confirmation in Offer.ConfirmationState.values
]


def assert_entry_mirrors(offer: Offer) -> None:
    offer.refresh_from_db()
    entry = SearchEntry.objects.get(offer=offer)
    assert entry.public == Offer.objects.published().filter(pk=offer.pk).exists()
    assert entry.region_id == offer.region_id
    assert (entry.published_at, entry.start_date) == (offer.published_at, offer.start_date)
    assert (entry.title, entry.facet_keys) == (offer.title, offer.facet_keys)


@pytest.mark.parametrize("status, confirmation", STATES)
def test_an_indexed_offer_is_public_in_the_index_exactly_when_published(
    goslar, status, confirmation
):
    offer = make_offer(goslar, status=status, confirmation_state=confirmation)
    assert_entry_mirrors(offer)


@pytest.mark.parametrize("status, confirmation", STATES)
def test_a_change_without_reindexing_reaches_the_index(goslar, status, confirmation):
    offer = make_offer(goslar, title="Sprachkurs", start_date=datetime.date(2030, 1, 1))
    # A bulk update, as the update round does, bypasses every Python code path.
    Offer.objects.filter(pk=offer.pk).update(
        status=status,
        confirmation_state=confirmation,
        title="Sprachkurs am Abend",
        start_date=datetime.date(2030, 2, 1),
        published_at=timezone.now(),
        facet_keys=[42],
    )
    assert_entry_mirrors(offer)


def test_archiving_removes_the_offer_from_the_search_at_once(goslar):
    offer = make_offer(goslar, title="Sprachkurs")
    assert search_offers(goslar, SearchParams(q="Sprachkurs")).total == 1
    offer_set_status(offer=offer, status=Offer.Status.ARCHIVED)
    assert search_offers(goslar, SearchParams(q="Sprachkurs")).total == 0
    offer_set_status(offer=offer, status=Offer.Status.PUBLISHED)
    assert search_offers(goslar, SearchParams(q="Sprachkurs")).total == 1


def test_an_offer_hidden_after_an_update_round_is_not_found(goslar):
    offer = make_offer(goslar, title="Sprachkurs")
    Offer.objects.filter(pk=offer.pk).update(confirmation_state=Offer.ConfirmationState.HIDDEN)
    assert search_offers(goslar, SearchParams(q="Sprachkurs")).total == 0


def test_deleting_an_offer_deletes_its_entry(goslar):
    offer = make_offer(goslar, title="Sprachkurs")
    offer.delete()
    assert not SearchEntry.objects.exists()


def test_the_reindex_command_rebuilds_every_entry(goslar):
    offer = make_offer(goslar, title="Sprachkurs")
    SearchEntry.objects.all().delete()
    call_command("reindex_offers", stdout=io.StringIO())
    assert_entry_mirrors(offer)
    assert search_offers(goslar, SearchParams(q="Sprachkurs")).total == 1
