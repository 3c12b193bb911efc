"""Staff publish an event, close its registration and cancel it (only with the tick)."""

from __future__ import annotations

from tests.conferences.factories import EventDateFactory, EventFactory


def test_publish_close_and_cancel(client_of, coordinator_goslar, goslar):
    event = EventFactory(region=goslar, status="draft", published_at=None)
    EventDateFactory(event=event)
    client = client_of(coordinator_goslar)
    url = f"/staff/goslar/events/{event.pk}/status/"
    client.post(url, {"action": "publish"})
    event.refresh_from_db()
    assert event.status == "published" and event.published_at
    client.post(url, {"action": "close"})
    event.refresh_from_db()
    assert event.registration_closed
    client.post(url, {"action": "cancel"})  # without the confirmation tick nothing happens
    event.refresh_from_db()
    assert event.status == "published"
    client.post(url, {"action": "cancel", "confirm": "yes"})
    event.refresh_from_db()
    assert event.status == "cancelled"
