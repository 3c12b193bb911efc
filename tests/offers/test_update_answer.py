"""Answering an update round through the personal link, without login: confirm or archive
the provider's own offers; tampered, forged and expired links change nothing."""

import datetime

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from offers.models import Offer, UpdateRound
from offers.services import rounds
from tests.offers.update_links import link


def test_the_link_confirms_and_archives_offers_without_login(client, started):
    url, request = link(started, "info@caritas.example")
    page = client.get(url)
    assert page.status_code == 200
    assert (
        "Sprachcafé" in page.content.decode() and "Hausaufgabenhilfe" not in page.content.decode()
    )
    cafe = Offer.objects.get(title="Sprachcafé")
    naeh = Offer.objects.get(title="Nähtreff")
    client.post(url, {"offer": cafe.pk, "action": "confirm"})
    client.post(url, {"offer": naeh.pk, "action": "archive"})
    naeh.refresh_from_db()
    assert naeh.status == Offer.Status.ARCHIVED
    progress = rounds.round_progress(started)
    assert progress.counts == {"confirmed": 1, "changed": 0, "archived": 1, "no_answer": 1}


def test_another_providers_offer_cannot_be_answered_through_a_link(client, started):
    url, _ = link(started, "info@caritas.example")
    awo_offer = Offer.objects.get(title="Hausaufgabenhilfe")
    assert client.post(url, {"offer": awo_offer.pk, "action": "archive"}).status_code == 404
    edit = reverse(
        "offers:update_offer_edit", kwargs={"token": url.split("/")[2], "pk": awo_offer.pk}
    )
    assert client.get(edit).status_code == 404


@pytest.mark.parametrize("mangle", [lambda t: t[:-2] + "xx", lambda t: "abc" + t, lambda t: "x"])
def test_a_tampered_link_is_refused_and_changes_nothing(client, started, mangle):
    url, request = link(started, "info@caritas.example")
    token = url.split("/")[2]
    bad = reverse("offers:update_answer", kwargs={"token": mangle(token)})
    cafe = Offer.objects.get(title="Sprachcafé")
    response = client.post(bad, {"offer": cafe.pk, "action": "archive"})
    assert response.status_code == 404
    cafe.refresh_from_db()
    assert cafe.status == Offer.Status.PUBLISHED


def test_a_forged_payload_with_another_request_number_fails_the_signature(client, started):
    _, request = link(started, "info@caritas.example")
    forged = signing.dumps({"r": request.pk + 1, "e": 4102444800}, salt="wrong-salt")
    response = client.get(reverse("offers:update_answer", kwargs={"token": forged}))
    assert response.status_code == 404


def test_an_expired_link_is_refused_and_changes_nothing(client, started):
    url, request = link(started, "info@caritas.example")
    UpdateRound.objects.filter(pk=started.pk).update(
        deadline=timezone.localdate() - datetime.timedelta(days=1)
    )
    cafe = Offer.objects.get(title="Sprachcafé")
    response = client.post(url, {"offer": cafe.pk, "action": "archive"})
    assert response.status_code == 410
    cafe.refresh_from_db()
    assert cafe.status == Offer.Status.PUBLISHED
    with pytest.raises(rounds.UpdateLinkExpired):
        rounds.load_request(url.split("/")[2])
