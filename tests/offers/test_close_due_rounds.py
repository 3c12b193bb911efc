"""close_due_rounds: after the deadline unconfirmed offers are marked or hidden, as the county
chose."""

import datetime

import pytest

from offers.models import Offer
from offers.services import rounds
from tests.offers.update_links import link


@pytest.mark.parametrize("policy, state", [("mark", "marked"), ("hide", "hidden")])
def test_after_the_deadline_unconfirmed_offers_are_marked_or_hidden(client, started, policy, state):
    started.region.unconfirmed_offer_policy = policy
    started.region.save()
    url, _ = link(started, "info@caritas.example")
    cafe = Offer.objects.get(title="Sprachcafé")
    client.post(url, {"offer": cafe.pk, "action": "confirm"})
    assert rounds.close_due_rounds(today=started.deadline + datetime.timedelta(days=1)) == 1
    assert Offer.objects.get(title="Sprachcafé").confirmation_state == ""
    assert Offer.objects.get(title="Nähtreff").confirmation_state == state
    public = Offer.objects.published().values_list("title", flat=True)
    assert ("Nähtreff" in public) == (policy == "mark")
    started.refresh_from_db()
    assert started.closed_at is not None
