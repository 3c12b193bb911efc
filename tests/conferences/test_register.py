"""The public registration form of an event and the confirmation page it leads to."""

from __future__ import annotations

import uuid

import pytest
from django.test import override_settings

from conferences.models import Event, Registration
from tests.conferences.factories import EventDateFactory, RegistrationFactory, WorkshopFactory


def form_data(event_date, **extra):
    return {
        "idempotency_key": str(uuid.uuid4()),
        "event_date": event_date.pk,
        "name": "Amina Haddad",
        "email": "amina@example.org",
        "consent": "on",
        "homepage": "",
        **extra,
    }


def register_url(event):
    return f"/{event.region.slug}/events/{event.slug}/register/"


def test_the_form_offers_the_dates_with_places_left(client, event, event_date):
    page = client.get(register_url(event)).content.decode()
    assert 'name="idempotency_key"' in page
    assert "20 places left" in page or "20 Plätze frei" in page


def test_places_left_take_the_plural_form_of_the_language(client, event, event_date):
    page = client.get(register_url(event) + "?language=ar").content.decode()
    # Arabic counts 11-99 in the singular accusative, 3-10 in the plural (was "20 أماكن").
    assert "20 مكاناً متبقياً" in page


def test_the_only_date_of_an_event_is_chosen_already(client, event, event_date):
    page = client.get(register_url(event)).content.decode()
    radio = page.split(f'value="{event_date.pk}"')[1].split(">")[0]
    assert "checked" in radio


def test_with_several_dates_none_is_chosen_unless_the_visitor_picked_one(client, event):
    first, second = EventDateFactory(event=event), EventDateFactory(event=event)
    assert "checked" not in client.get(register_url(event)).content.decode()
    page = client.get(register_url(event) + f"?date={second.pk}").content.decode()
    assert "checked" in page.split(f'value="{second.pk}"')[1].split(">")[0]
    assert "checked" not in page.split(f'value="{first.pk}"')[1].split(">")[0]


def test_a_visitor_registers_and_sees_the_confirmation(client, event, event_date):
    response = client.post(register_url(event), form_data(event_date), follow=True)
    registration = Registration.objects.get()
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.consent_at is not None
    assert registration.language == "de"
    assert response.redirect_chain[-1][0].endswith("/confirmation/")
    assert "Amina Haddad" in response.content.decode()


def test_a_visitor_who_finds_no_seat_is_told_about_the_waiting_list(client, event):
    event_date = EventDateFactory(event=event, seats=1)
    RegistrationFactory(event_date=event_date)
    response = client.post(register_url(event), form_data(event_date), follow=True)
    assert Registration.objects.get(email="amina@example.org").status == "waiting"
    assert "waiting list" in response.content.decode() or "Warteliste" in response.content.decode()


def test_the_registration_is_stored_in_the_visitors_language(client, event, event_date):
    client.cookies["django_language"] = "ar"
    client.post(register_url(event), form_data(event_date))
    assert Registration.objects.get().language == "ar"


def test_a_double_submit_creates_one_registration(client, event, event_date):
    data = form_data(event_date)
    first = client.post(register_url(event), data)
    second = client.post(register_url(event), data)
    assert Registration.objects.count() == 1
    assert first.url == second.url


def test_a_second_registration_with_the_same_email_is_refused_clearly(client, event, event_date):
    client.post(register_url(event), form_data(event_date))
    response = client.post(register_url(event), form_data(event_date, email="AMINA@example.org"))
    assert response.status_code == 400
    assert Registration.objects.count() == 1


def test_workshop_choices_with_fallback(client, event, event_date):
    full = WorkshopFactory(event_date=event_date, seats=1)
    free = WorkshopFactory(event_date=event_date, seats=5)
    RegistrationFactory(event_date=event_date, workshop=full)
    client.post(
        register_url(event),
        form_data(event_date, first_choice=full.pk, second_choice=free.pk),
    )
    registration = Registration.objects.get(email="amina@example.org")
    assert (registration.status, registration.workshop) == ("confirmed", free)


@pytest.mark.parametrize("field", ["event_date", "first_choice"])
def test_a_tampered_date_or_workshop_id_writes_nothing(client, event, event_date, field):
    WorkshopFactory(event_date=event_date)
    other_event_date = EventDateFactory()  # another event
    other_workshop = WorkshopFactory(event_date=other_event_date)
    tampered = other_event_date.pk if field == "event_date" else other_workshop.pk
    data = form_data(event_date, first_choice=event_date.workshops.first().pk)
    data[field] = tampered
    response = client.post(register_url(event), data)
    assert response.status_code == 400
    assert not Registration.objects.exists()


def test_a_workshop_of_another_date_of_the_same_event_is_refused(client, event, event_date):
    WorkshopFactory(event_date=event_date)
    other = WorkshopFactory(event_date=EventDateFactory(event=event))
    response = client.post(register_url(event), form_data(event_date, first_choice=other.pk))
    assert response.status_code == 400
    assert not Registration.objects.exists()


@pytest.mark.parametrize("value", ["-1", "0", str(2**70), "1e3", "99999999"])
def test_an_impossible_date_id_writes_nothing(client, event, event_date, value):
    response = client.post(register_url(event), {**form_data(event_date), "event_date": value})
    assert response.status_code == 400
    assert not Registration.objects.exists()


def test_a_cancelled_date_of_an_open_event_is_refused(client, event, event_date):
    cancelled = EventDateFactory(event=event, cancelled=True)
    response = client.post(register_url(event), form_data(cancelled))
    assert response.status_code == 400
    assert not Registration.objects.exists()


def test_a_date_with_workshops_needs_a_workshop_choice(client, event, event_date):
    WorkshopFactory(event_date=event_date)
    response = client.post(register_url(event), form_data(event_date))
    assert response.status_code == 400
    assert not Registration.objects.exists()


def test_garbage_input_gives_a_form_error_not_a_500(client, event, event_date):
    response = client.post(
        register_url(event),
        {"idempotency_key": "not-a-uuid", "event_date": "x", "email": "no", "consent": ""},
    )
    assert response.status_code == 400
    assert not Registration.objects.exists()


def test_the_honeypot_stops_bots(client, event, event_date):
    response = client.post(register_url(event), form_data(event_date, homepage="http://spam"))
    assert response.status_code == 400
    assert not Registration.objects.exists()


@override_settings(PUBLIC_FORM_RATE_LIMIT=2)
def test_the_rate_limit_stops_a_flood(client, event, event_date):
    for n in range(2):
        client.post(register_url(event), form_data(event_date, email=f"p{n}@example.org"))
    response = client.post(register_url(event), form_data(event_date, email="p3@example.org"))
    assert response.status_code == 429
    assert Registration.objects.count() == 2


def test_consent_is_required(client, event, event_date):
    data = form_data(event_date)
    del data["consent"]
    assert client.post(register_url(event), data).status_code == 400
    assert not Registration.objects.exists()


def test_an_invitation_code_is_checked(client, event, event_date):
    Event.objects.filter(pk=event.pk).update(access="invitation", invitation_code="Harz2025")
    assert client.post(register_url(event), form_data(event_date)).status_code == 400
    client.post(register_url(event), form_data(event_date, invitation_code="harz2025"))
    assert Registration.objects.count() == 1


@pytest.mark.parametrize("change", [{"registration_closed": True}, {"status": "cancelled"}])
def test_a_closed_or_cancelled_event_takes_no_registration(client, event, event_date, change):
    Event.objects.filter(pk=event.pk).update(**change)
    assert client.get(register_url(event)).status_code == 200
    response = client.post(register_url(event), form_data(event_date))
    assert response.status_code == 409
    assert not Registration.objects.exists()
