"""Published event pages and the archive are in the sitemap, drafts are not."""

from __future__ import annotations

from tests.conferences.factories import EventFactory


def test_event_pages_are_in_the_sitemap(client, event, event_date):
    draft = EventFactory(region=event.region, status="draft")
    sitemap = client.get("/sitemap.xml").content.decode()
    assert event.get_absolute_url() in sitemap
    assert draft.get_absolute_url() not in sitemap
    assert "/goslar/events/archive/" in sitemap
