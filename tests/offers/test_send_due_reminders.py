"""send_due_reminders: reminders go only to providers with unanswered offers, once per interval."""

import datetime

from django.utils import timezone

from offers.models import Offer
from offers.services import rounds
from tests.offers.update_links import link


def test_reminders_go_only_to_providers_with_unanswered_offers(started, client):
    url, _ = link(started, "kontakt@awo.example")
    client.post(
        url, {"offer": Offer.objects.get(title="Hausaufgabenhilfe").pk, "action": "confirm"}
    )
    later = timezone.now() + datetime.timedelta(days=15)
    assert rounds.send_due_reminders(now=later) == 1
    assert started.requests.get(email="info@caritas.example").reminders_sent == 1
    assert rounds.send_due_reminders(now=later) == 0  # not again within the interval
