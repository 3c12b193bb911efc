"""A form's idempotency key repeats a registration, never hands over another person's.

The key makes a double submit land on the same confirmation. Sent again with other personal
data (the browser's back button at a shared computer, a copied form), it must not open the
first person's confirmation page with their self-service link.
"""

from __future__ import annotations

import uuid

import pytest

from conferences.models import Registration
from conferences.services import registrations as services
from tests.conferences.factories import EventDateFactory


def _data(event_date, key, **extra):
    return {
        "idempotency_key": str(key),
        "event_date": event_date.pk,
        "name": "Amina Haddad",
        "email": "amina@example.org",
        "consent": "on",
        "homepage": "",
        **extra,
    }


def _url(event):
    return f"/{event.region.slug}/events/{event.slug}/register/"


@pytest.fixture
def first_registration(client, event, event_date):
    key = uuid.uuid4()
    response = client.post(_url(event), _data(event_date, key))
    assert response.status_code == 302
    return key, Registration.objects.get()


def test_the_same_key_with_another_email_gets_a_fresh_form(
    client, event, event_date, first_registration
):
    key, amina = first_registration
    response = client.post(
        _url(event), _data(event_date, key, name="Oleh Kovalenko", email="oleh@example.org")
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert amina.token not in page and "Amina" not in page
    assert "Oleh Kovalenko" in page  # the visitor's own data, ready to send again
    fresh_key = response.context["form"]["idempotency_key"].value()
    assert str(fresh_key) != str(key)
    assert Registration.objects.count() == 1

    again = client.post(
        _url(event),
        _data(event_date, fresh_key, name="Oleh Kovalenko", email="oleh@example.org"),
    )
    assert again.status_code == 302
    assert Registration.objects.get(email="oleh@example.org").name == "Oleh Kovalenko"
    assert str(amina.pk) not in again.url.split("/")


def test_the_same_key_for_another_date_gets_a_fresh_form(client, event, first_registration):
    key, amina = first_registration
    other_date = EventDateFactory(event=event, seats=5)
    response = client.post(_url(event), _data(other_date, key))
    assert response.status_code == 400
    assert amina.token not in response.content.decode()
    assert Registration.objects.count() == 1


def test_the_same_key_with_the_same_person_is_the_same_confirmation(
    client, event, event_date, first_registration
):
    key, amina = first_registration
    response = client.post(_url(event), _data(event_date, key, email="AMINA@example.org"))
    assert response.status_code == 302
    assert response.url.endswith(f"/{amina.pk}/{amina.token}/confirmation/")


def test_the_service_refuses_a_key_bound_to_someone_else(event_date, person):
    key = uuid.uuid4()
    services.registration_create(event_date=event_date, participant=person(1), idempotency_key=key)
    with pytest.raises(services.IdempotencyKeyReused):
        services.registration_create(
            event_date=event_date, participant=person(2), idempotency_key=key
        )
