"""Suggestions from the public land in a review queue with a diff; staff accept or reject."""

import pytest
from django.urls import reverse

from offers.models import ChangeRequest, Offer
from offers.services import changes
from tests.offers.factories import ChangeRequestFactory, OrganisationFactory, make_offer

BASE = {"kind": "course", "cost": "free", "registration": "none", "step_free": "unknown"}


@pytest.fixture
def offer(goslar):
    provider = OrganisationFactory(region=goslar, name="VHS Goslar", slug="vhs")
    return make_offer(
        goslar,
        provider=provider,
        title="Deutschkurs A1",
        kind="course",
        languages=["de"],
        schedule="montags 9–12 Uhr",
    )


def suggest(client, offer, **data):
    """The public's short form, as the page fills it: current details pre-filled."""
    url = reverse("offers:offer_suggest_change", kwargs={"region": "goslar", "pk": offer.pk})
    shown = {
        "title": offer.title,
        "schedule": offer.schedule,
        "registration_detail": offer.registration_detail,
    }
    return client.post(url, {**shown, "wrong": "Die Zeiten stimmen nicht.", **data})


def test_the_public_form_is_short_and_in_plain_words(client, offer):
    url = reverse("offers:offer_suggest_change", kwargs={"region": "goslar", "pk": offer.pk})
    html = client.get(url).content.decode()
    assert "Was ist falsch oder veraltet?" in html
    assert html.count("<textarea") == 2
    assert html.count('type="checkbox"') == 0 and "Markdown" not in html
    assert 'value="montags 9–12 Uhr"' in html  # what the page shows now, to correct


def test_a_suggestion_stores_the_words_and_only_the_corrected_fields(client, offer):
    response = suggest(
        client,
        offer,
        wrong="Der Kurs ist jetzt abends.",
        right="Dienstags 18–20 Uhr",
        title="Deutschkurs A1 (abends)",
        submitter_email="hinweis@example.org",
    )
    assert response.status_code == 302
    cr = ChangeRequest.objects.get()
    assert cr.data == {"title": "Deutschkurs A1 (abends)"}
    assert "Was ist falsch oder veraltet?\nDer Kurs ist jetzt abends." in cr.message
    assert "Was ist richtig?\nDienstags 18–20 Uhr" in cr.message
    assert cr.status == "pending" and cr.submitter_email == "hinweis@example.org"
    offer.refresh_from_db()
    assert offer.title == "Deutschkurs A1"  # nothing applied yet


def test_the_staff_see_the_words_in_german_whatever_language_the_visitor_used(client, offer):
    client.cookies["django_language"] = "ar"
    suggest(client, offer, wrong="الدورة الآن مساءً")
    assert ChangeRequest.objects.get().message.startswith("Was ist falsch oder veraltet?")


def test_a_suggestion_without_saying_what_is_wrong_is_refused(client, offer):
    response = suggest(client, offer, wrong="")
    assert response.status_code == 400
    assert not ChangeRequest.objects.exists()


def test_an_emptied_name_or_a_broken_address_is_refused(client, offer):
    assert suggest(client, offer, title="").status_code == 400
    offer.registration, offer.registration_detail = "email", "kurs@vhs.example"
    offer.save()
    response = suggest(client, offer, registration_detail="keine Adresse")
    assert response.status_code == 400
    assert "gültige E-Mail-Adresse" in response.content.decode()
    assert not ChangeRequest.objects.exists()


def test_the_honeypot_refuses_bots(client, offer):
    response = suggest(client, offer, title="Spam", homepage="http://spam.example")
    assert response.status_code == 400
    assert not ChangeRequest.objects.exists()


def test_the_rate_limit_stops_floods(client, offer, settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 2
    for i in range(2):
        assert suggest(client, offer, title=f"T{i}").status_code == 302
    assert suggest(client, offer, title="T3").status_code == 429
    assert ChangeRequest.objects.count() == 2


def test_staff_see_the_diff_and_accepting_applies_and_records_history(
    client_of, coordinator_goslar, client, offer, mailoutbox_run, django_capture_on_commit_callbacks
):
    suggest(
        client,
        offer,
        title="Deutschkurs A1 (abends)",
        schedule="dienstags 18–20 Uhr",
        submitter_email="hinweis@example.org",
    )
    cr = ChangeRequest.objects.get()
    staff = client_of(coordinator_goslar)
    url = reverse("offers_staff:change_request_detail", kwargs={"region": "goslar", "pk": cr.pk})
    html = staff.get(url).content.decode()
    assert "<del><bdi>Deutschkurs A1</bdi></del>" in html
    assert "<ins><bdi>Deutschkurs A1 (abends)</bdi></ins>" in html
    assert "<ins><bdi>dienstags 18–20 Uhr</bdi></ins>" in html
    assert "Die Zeiten stimmen nicht." in html
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(url, {"decision": "accept", "note": "Danke!", "notify": "on"})
    offer.refresh_from_db()
    assert offer.title == "Deutschkurs A1 (abends)"
    assert offer.schedule == "dienstags 18–20 Uhr"
    latest = offer.history.latest()
    assert latest.history_user == coordinator_goslar
    assert latest.history_change_reason == f"Change request #{cr.pk}"
    cr.refresh_from_db()
    assert cr.status == "accepted" and cr.decided_by == coordinator_goslar
    mails = mailoutbox_run()
    assert [m.to for m in mails] == [["hinweis@example.org"]]
    assert "Danke!" in mails[0].body


def test_the_search_finds_the_accepted_title(client_of, coordinator_goslar, client, offer):
    from offers.selectors.search import SearchParams, search_offers

    suggest(client, offer, title="Integrationskurs mit Kinderbetreuung")
    cr = ChangeRequest.objects.get()
    changes.change_request_accept(change_request=cr, user=coordinator_goslar)
    assert search_offers(offer.region, SearchParams(q="Kinderbetreuung")).total == 1


def test_rejecting_changes_nothing(client_of, coordinator_goslar, client, offer):
    suggest(client, offer, title="Falsch")
    cr = ChangeRequest.objects.get()
    url = reverse("offers_staff:change_request_detail", kwargs={"region": "goslar", "pk": cr.pk})
    client_of(coordinator_goslar).post(url, {"decision": "reject"})
    offer.refresh_from_db()
    assert offer.title == "Deutschkurs A1"
    assert ChangeRequest.objects.get().status == "rejected"


def test_a_proposal_that_no_longer_validates_is_not_applied(coordinator_goslar, offer):
    cr = ChangeRequestFactory(
        region=offer.region,
        kind="offer_change",
        source="public",
        offer=offer,
        data={"registration": "email", "registration_detail": "keine-adresse"},
    )
    with pytest.raises(changes.ChangeNotApplicable):
        changes.change_request_accept(change_request=cr, user=coordinator_goslar)
    offer.refresh_from_db()
    assert offer.registration == "none"
    assert ChangeRequest.objects.get().status == "pending"


def test_provider_suggestions_apply_to_the_organisation(client, coordinator_goslar, offer):
    url = reverse("offers:provider_suggest_change", kwargs={"region": "goslar", "slug": "vhs"})
    response = client.post(
        url,
        {
            "name": "VHS Goslar",
            "phone": "05321 123",
            "city": "Goslar",
            "email": offer.provider.email,
        },
    )
    assert response.status_code == 302
    cr = ChangeRequest.objects.get(kind="provider_change")
    assert cr.data == {"phone": "05321 123", "city": "Goslar"}
    changes.change_request_accept(change_request=cr, user=coordinator_goslar)
    offer.provider.refresh_from_db()
    assert offer.provider.phone == "05321 123"


def test_an_accepted_new_provider_name_is_found_by_the_search(goslar, coordinator_goslar, offer):
    from offers.selectors.search import SearchParams, search_offers

    cr = changes.suggest_provider_change(
        organisation=offer.provider, changes={"name": "Volkshochschule Goslar"}
    )
    changes.change_request_accept(change_request=cr, user=coordinator_goslar)
    provider = offer.provider
    provider.refresh_from_db()
    assert provider.history.first().history_change_reason == f"Change request #{cr.pk}"
    found = search_offers(goslar, SearchParams(q="Volkshochschule")).offers
    assert [o.title for o in found] == ["Deutschkurs A1"]


def test_a_provider_suggestion_without_change_needs_a_message(client, offer):
    url = reverse("offers:provider_suggest_change", kwargs={"region": "goslar", "slug": "vhs"})
    unchanged = {"name": "VHS Goslar", "email": offer.provider.email}
    response = client.post(url, unchanged)
    assert response.status_code == 400
    assert response.context["form"].non_field_errors()  # nothing changed, no message
    assert not ChangeRequest.objects.exists()
    response = client.post(url, {**unchanged, "message": "Die VHS zieht im Mai um."})
    assert response.status_code == 302
    cr = ChangeRequest.objects.get(kind="provider_change")
    assert cr.data == {}
    assert cr.message == "Die VHS zieht im Mai um."


def test_a_suggested_new_offer_becomes_an_offer_when_accepted(client, goslar, coordinator_goslar):
    url = reverse("offers:offer_suggest_new", kwargs={"region": "goslar"})
    assert client.post(url, {"title": "", "provider_name": ""}).status_code == 400
    response = client.post(
        url,
        {
            **BASE,
            "title": "Nähcafé für Frauen",
            "provider_name": "Frauenhaus e. V.",
            "languages": ["fa"],
            "place_city": "Goslar",
            "message": "Jeden Donnerstag im Gemeindehaus.",
            "submitter_name": "Leyla",
            "submitter_email": "leyla@example.org",
        },
    )
    assert response.status_code == 302
    cr = ChangeRequest.objects.get(kind="offer_new")
    assert (cr.message, cr.submitter_name, cr.submitter_email) == (
        "Jeden Donnerstag im Gemeindehaus.",
        "Leyla",
        "leyla@example.org",
    )
    assert "message" not in cr.data and cr.data["provider_name"] == "Frauenhaus e. V."
    diff = changes.change_request_diff(cr)
    assert any(row.new == "Nähcafé für Frauen" for row in diff)
    offer = changes.change_request_accept(change_request=cr, user=coordinator_goslar)
    assert offer.status == Offer.Status.PUBLISHED
    assert offer.provider.name == "Frauenhaus e. V."
    assert offer.places.get().city == "Goslar"


def test_staff_of_another_region_cannot_open_a_change_request(
    client_of, editor_harz, client, offer
):
    suggest(client, offer, title="X")
    cr = ChangeRequest.objects.get()
    url = reverse("offers_staff:change_request_detail", kwargs={"region": "harz", "pk": cr.pk})
    assert client_of(editor_harz).get(url).status_code == 404


def decision_url(cr):
    return reverse("offers_staff:change_request_detail", kwargs={"region": "goslar", "pk": cr.pk})


def test_the_decision_form_offers_accept_and_reject_buttons_in_german(
    client_of, coordinator_goslar, client, offer
):
    suggest(client, offer, title="Neu", submitter_email="hinweis@example.org")
    html = client_of(coordinator_goslar).get(decision_url(ChangeRequest.objects.get())).content
    html = html.decode()
    assert 'name="decision" value="accept">Annehmen</button>' in html
    assert 'name="decision" value="reject">Ablehnen</button>' in html
    assert "Decision" not in html and '<select name="decision"' not in html
    assert 'name="notify"' in html and 'name="note"' in html


def test_without_a_submitter_address_nobody_is_offered_a_mail(
    client_of, coordinator_goslar, client, offer
):
    suggest(client, offer, title="Neu")
    html = client_of(coordinator_goslar).get(decision_url(ChangeRequest.objects.get())).content
    assert b'name="notify"' not in html


def test_a_decision_without_a_button_is_refused_with_a_message(
    client_of, coordinator_goslar, client, offer
):
    suggest(client, offer, title="Neu")
    response = client_of(coordinator_goslar).post(
        decision_url(ChangeRequest.objects.get()), {"note": "x"}
    )
    assert response.status_code == 400
    assert "Annehmen" in response.content.decode()
    assert ChangeRequest.objects.get().status == "pending"


def test_a_second_submit_changes_nothing_and_says_so(
    client_of, coordinator_goslar, client, offer, mailoutbox_run, django_capture_on_commit_callbacks
):
    suggest(client, offer, title="Neu", submitter_email="hinweis@example.org")
    cr = ChangeRequest.objects.get()
    staff = client_of(coordinator_goslar)
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(decision_url(cr), {"decision": "accept", "notify": "on"})
        response = staff.post(decision_url(cr), {"decision": "reject", "notify": "on"}, follow=True)
    assert "bereits entschieden" in response.content.decode()
    assert ChangeRequest.objects.get().status == "accepted"
    assert len(mailoutbox_run()) == 1
