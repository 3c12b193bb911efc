"""The self-service page behind the link in every e-mail: move to another date, change the
workshop, and a clear page for a broken link."""

from __future__ import annotations

from tests.conferences.factories import EventDateFactory, RegistrationFactory, WorkshopFactory


def test_self_service_moves_to_another_date(client, event):
    one, two = EventDateFactory(event=event), EventDateFactory(event=event, label="Weinsberg")
    registration = RegistrationFactory(event_date=one)
    page = client.get(registration.self_service_path()).content.decode()
    assert "Weinsberg" in page
    response = client.post(
        registration.self_service_path(), {"action": "move", "event_date": two.pk}
    )
    assert response.status_code == 302
    assert response.url.endswith("?done=moved")
    registration.refresh_from_db()
    assert (registration.event_date, registration.status) == (two, "confirmed")


def test_self_service_refuses_a_move_to_a_full_date_and_says_why(client, event):
    one, full = EventDateFactory(event=event), EventDateFactory(event=event, seats=1)
    RegistrationFactory(event_date=full)
    registration = RegistrationFactory(event_date=one)
    response = client.post(
        registration.self_service_path(), {"action": "move", "event_date": full.pk}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "ausgebucht" in html or "is full" in html
    registration.refresh_from_db()
    assert registration.event_date == one


def test_a_single_date_event_offers_no_move(client, event_date):
    registration = RegistrationFactory(event_date=event_date)
    page = client.get(registration.self_service_path()).content.decode()
    assert 'value="move"' not in page


def test_self_service_changes_the_workshop(client, event, event_date):
    a = WorkshopFactory(event_date=event_date)
    b = WorkshopFactory(event_date=event_date)
    registration = RegistrationFactory(event_date=event_date, workshop=a, first_choice=a)
    response = client.post(
        registration.self_service_path(), {"action": "change", "first_choice": b.pk}
    )
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.workshop == b


def test_a_tampered_token_gets_a_clear_404_page(client, event_date):
    registration = RegistrationFactory(event_date=event_date)
    for url in (
        f"/events/registration/{registration.pk}/{registration.token[:-1]}x/",
        f"/events/registration/{registration.pk + 1}/{registration.token}/",
        f"/events/registration/{registration.pk}/{registration.token}x/confirmation/",
    ):
        response = client.get(url)
        assert response.status_code == 404
        assert "link" in response.content.decode().lower()
    response = client.post(f"/events/registration/{registration.pk}/wrong/", {"action": "cancel"})
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_the_self_service_page_shows_the_workshops_with_their_seats(client, goslar):
    """The link in every e-mail works for a date with parallel workshops (it once answered 500)."""
    from conferences.services import registrations as services

    event_date = EventDateFactory(event__region=goslar, seats=20)
    arbeit = WorkshopFactory(event_date=event_date, title="Arbeit", seats=5)
    WorkshopFactory(event_date=event_date, title="Sprache", seats=5)
    registration, _created = services.registration_create(
        event_date=event_date,
        participant=services.ParticipantData(name="Amal", email="amal@example.org", consent=True),
        first_choice=arbeit,
    )
    response = client.get(registration.self_service_path())
    assert response.status_code == 200
    assert "Sprache" in response.content.decode()
