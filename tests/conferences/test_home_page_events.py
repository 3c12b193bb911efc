"""The home pages of the portal and of a county list upcoming events."""

from __future__ import annotations


def test_home_pages_list_upcoming_events(client, event, event_date):
    assert event.title in client.get("/goslar/").content.decode()
    assert event.title in client.get("/").content.decode()
