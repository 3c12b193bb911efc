"""Editing an offer through the update link waits for approval when the county wants it."""

from django.urls import reverse

from offers.models import ChangeRequest, Offer, OfferConfirmation
from tests.offers.update_links import link


def test_editing_through_the_link_waits_for_approval_when_the_region_wants_it(client, started):
    url, _ = link(started, "info@caritas.example")
    cafe = Offer.objects.get(title="Sprachcafé")
    token = url.split("/")[2]
    edit = reverse("offers:update_offer_edit", kwargs={"token": token, "pk": cafe.pk})
    response = client.post(
        edit,
        {
            "title": "Sprachcafé am Markt",
            "kind": "other",
            "cost": "free",
            "registration": "none",
            "step_free": "unknown",
            "places-TOTAL_FORMS": "0",
            "places-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    cafe.refresh_from_db()
    assert cafe.title == "Sprachcafé"
    pending = ChangeRequest.objects.get(offer=cafe)
    assert pending.source == "update_round" and pending.data == {"title": "Sprachcafé am Markt"}
    assert OfferConfirmation.objects.get(offer=cafe).outcome == "changed"
