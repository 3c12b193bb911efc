"""The archive of past events, with their published workshop results."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from tests.conferences.factories import EventDateFactory, EventFactory, WorkshopFactory


def test_the_archive_shows_past_events_with_published_results(client, goslar):
    event = EventFactory(region=goslar, title="1. Konferenz", documentation_published=True)
    past = EventDateFactory(event=event, start=timezone.now() - timedelta(days=400))
    WorkshopFactory(event_date=past, title="Mobilität", needs="Busse fehlen abends.")
    assert "1. Konferenz" in client.get("/goslar/events/archive/").content.decode()
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Busse fehlen abends." in page
