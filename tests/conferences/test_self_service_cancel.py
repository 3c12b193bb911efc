"""A participant cancels from the link in their e-mail, after a confirmation page."""

from __future__ import annotations

from tests.conferences.factories import RegistrationFactory


def test_self_service_asks_before_it_cancels(client, event, event_date):
    registration = RegistrationFactory(event_date=event_date)
    url = registration.self_service_path()
    page = client.get(url).content.decode()
    assert registration.name in page
    confirm_url = f"{url}cancel/"
    assert f'href="{confirm_url}"' in page  # a link to a confirmation page, not a cancel button
    client.post(url, {"action": "cancel"})  # the old one-click cancel does nothing
    registration.refresh_from_db()
    assert registration.status == "confirmed"
    confirmation = client.get(confirm_url)
    assert confirmation.status_code == 200
    registration.refresh_from_db()
    assert registration.status == "confirmed"
    response = client.post(confirm_url)
    assert response.url == f"{url}?done=cancelled"
    registration.refresh_from_db()
    assert registration.status == "cancelled"


def test_a_cancelled_registration_has_no_confirmation_page(client, event_date):
    registration = RegistrationFactory(event_date=event_date, status="cancelled")
    response = client.get(registration.self_service_path() + "cancel/")
    assert response.url == registration.self_service_path()
