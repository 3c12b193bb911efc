"""Calendar files and Atom feeds of events, announced by the pages that list them."""

from __future__ import annotations


def test_feeds_and_calendars(client, event, event_date):
    ics = client.get(f"/goslar/events/{event.slug}/event.ics")
    assert ics["Content-Type"].startswith("text/calendar")
    assert b"BEGIN:VEVENT" in ics.content and event.title.encode() in ics.content
    feed = client.get("/goslar/events/calendar.ics")
    assert b"BEGIN:VCALENDAR" in feed.content and event.title.encode() in feed.content
    atom = client.get("/goslar/events/feed/")
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert event.title.encode() in atom.content
    assert event.title.encode() in client.get("/events/feed/").content


def test_pages_announce_their_feeds(client, event, event_date):
    for url in ("/goslar/", "/goslar/events/", event.get_absolute_url()):
        page = client.get(url).content.decode()
        assert 'rel="alternate" type="application/atom+xml"' in page, url
        assert "/goslar/events/calendar.ics" in page, url
