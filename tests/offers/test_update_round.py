"""The annual update round: personal links, answers, reminders, the deadline policy."""

import datetime

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from offers.models import ChangeRequest, Offer, OfferConfirmation, UpdateRound
from offers.services import rounds
from offers.services.directory import provider_contact_add
from tests.offers.factories import OrganisationFactory, make_offer


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


def link(update_round, email):
    request = update_round.requests.get(email=email)
    return reverse("offers:update_answer", kwargs={"token": rounds.make_token(request)}), request


def test_starting_a_round_mails_each_contact_a_personal_link(started):
    from portal.models import OutgoingMail

    assert sorted(started.requests.values_list("email", flat=True)) == [
        "info@caritas.example",
        "kontakt@awo.example",
    ]
    mails = OutgoingMail.objects.filter(region=started.region)
    assert sorted(mails.values_list("to", flat=True)) == sorted(
        ["info@caritas.example", "kontakt@awo.example"]
    )
    assert all("/update/" in mail.body_text for mail in mails)


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


def test_reminders_go_only_to_providers_with_unanswered_offers(started, client):
    url, _ = link(started, "kontakt@awo.example")
    client.post(
        url, {"offer": Offer.objects.get(title="Hausaufgabenhilfe").pk, "action": "confirm"}
    )
    later = timezone.now() + datetime.timedelta(days=15)
    assert rounds.send_due_reminders(now=later) == 1
    assert started.requests.get(email="info@caritas.example").reminders_sent == 1
    assert rounds.send_due_reminders(now=later) == 0  # not again within the interval


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


def test_staff_see_progress_and_can_resend(client_of, coordinator_goslar, started):
    client = client_of(coordinator_goslar)
    page = client.get(
        reverse("offers_staff:round_detail", kwargs={"region": "goslar", "pk": started.pk})
    )
    assert "info@caritas.example" in page.content.decode()
    request = started.requests.get(email="info@caritas.example")
    client.post(
        reverse(
            "offers_staff:round_resend",
            kwargs={"region": "goslar", "pk": started.pk, "request_pk": request.pk},
        )
    )
    request.refresh_from_db()
    assert request.reminders_sent == 1


def test_staff_start_a_round_through_the_form(client_of, coordinator_goslar, goslar):
    make_offer(goslar, provider=OrganisationFactory(region=goslar, email="x@example.org"))
    client = client_of(coordinator_goslar)
    url = reverse("offers_staff:round_list", kwargs={"region": "goslar"})
    bad = client.post(
        url, {"name": "Update", "deadline": "2000-01-01", "reminder_interval_days": 7}
    )
    assert bad.status_code == 400 and not UpdateRound.objects.exists()
    deadline = (timezone.localdate() + datetime.timedelta(days=20)).isoformat()
    client.post(url, {"name": "Update 2027", "deadline": deadline, "reminder_interval_days": 7})
    assert UpdateRound.objects.get().requests.count() == 1
