"""Archiving an offer keeps the lessons learned for staff, never for the public."""

from django.urls import reverse

from offers.selectors.search import SearchParams, search_offers
from tests.offers.factories import make_offer
from tests.offers.staff_forms import url


def test_archiving_keeps_lessons_learned_that_staff_can_search(
    client_of, coordinator_goslar, goslar
):
    offer = make_offer(goslar, title="Frauenfrühstück")
    client = client_of(coordinator_goslar)
    client.post(
        url("offer_archive", pk=offer.pk),
        {"lessons_learned": "Uhrzeit passte nicht zu den Kita-Zeiten"},
    )
    offer.refresh_from_db()
    assert offer.status == "archived"
    assert search_offers(goslar, SearchParams(q="Frauenfrühstück")).total == 0
    html = client.get(url("offer_list"), {"q": "Kita-Zeiten"}).content.decode()
    assert "Frauenfrühstück" in html


def test_lessons_learned_never_reach_the_public(client, goslar):
    offer = make_offer(goslar, title="Sprachtreff", lessons_learned="Geheim: zu wenig Werbung")
    assert "Geheim" not in client.get(offer.get_absolute_url()).content.decode()
    data = client.get(
        reverse("offers:data_file", kwargs={"region": "goslar", "dataset": "offers", "fmt": "json"})
    ).content.decode()
    assert "Geheim" not in data
