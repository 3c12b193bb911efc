"""The list of events of all counties."""

from __future__ import annotations

from tests.conferences.factories import EventDateFactory, EventFactory


def test_all_counties_list_shows_events_of_every_region(client, goslar, harz):
    EventDateFactory(event=EventFactory(region=goslar, title="Konferenz Goslar"))
    EventDateFactory(event=EventFactory(region=harz, title="Treffen Harz"))
    page = client.get("/events/").content.decode()
    assert "Konferenz Goslar" in page and "Treffen Harz" in page
