"""Public event lists, the archive, event pages, feeds and the sitemap."""

from __future__ import annotations

import json
import re
from datetime import timedelta

from django.utils import timezone

from conferences.models import Event
from tests.conferences.factories import (
    EventDateFactory,
    EventFactory,
    RegistrationFactory,
    VenueFactory,
    WorkshopFactory,
)
from tests.factories import MunicipalityFactory


def test_the_region_list_shows_published_upcoming_events_only(client, goslar, event_date):
    EventDateFactory(event=EventFactory(region=goslar, title="Entwurf", status="draft"))
    EventDateFactory(
        event=EventFactory(region=goslar, title="Vorbei"),
        start=timezone.now() - timedelta(days=3),
    )
    page = client.get("/goslar/events/").content.decode()
    assert event_date.event.title in page
    assert "Entwurf" not in page and "Vorbei" not in page


def test_all_counties_list_shows_events_of_every_region(client, goslar, harz):
    EventDateFactory(event=EventFactory(region=goslar, title="Konferenz Goslar"))
    EventDateFactory(event=EventFactory(region=harz, title="Treffen Harz"))
    page = client.get("/events/").content.decode()
    assert "Konferenz Goslar" in page and "Treffen Harz" in page


def test_filters_by_kind_field_of_action_municipality_and_date(client, goslar):
    seesen = MunicipalityFactory(region=goslar, name="Seesen", slug="seesen")
    field = goslar.fields_of_action.get(slug="sprache")
    soon = timezone.now() + timedelta(days=5)
    a = EventFactory(region=goslar, title="Sprachtreff", kind=Event.Kind.INFO_EVENT)
    a.fields_of_action.add(field)
    EventDateFactory(event=a, start=soon, venue=VenueFactory(region=goslar, municipality=seesen))
    EventDateFactory(event=EventFactory(region=goslar, title="Jahrestagung"))

    def titles(query):
        page = client.get(f"/goslar/events/?{query}").content.decode()
        return {t for t in ("Sprachtreff", "Jahrestagung") if f">{t}<" in page}

    assert titles("kind=info_event") == {"Sprachtreff"}
    assert titles("field=sprache") == {"Sprachtreff"}
    assert titles("municipality=seesen") == {"Sprachtreff"}
    later = (timezone.localdate() + timedelta(days=20)).isoformat()
    assert titles(f"date_from={later}") == {"Jahrestagung"}
    assert titles("kind=nonsense") == {"Sprachtreff", "Jahrestagung"}  # bad input: no filter


def test_the_archive_shows_past_events_with_published_results(client, goslar):
    event = EventFactory(region=goslar, title="1. Konferenz", documentation_published=True)
    past = EventDateFactory(event=event, start=timezone.now() - timedelta(days=400))
    WorkshopFactory(event_date=past, title="Mobilität", needs="Busse fehlen abends.")
    assert "1. Konferenz" in client.get("/goslar/events/archive/").content.decode()
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Busse fehlen abends." in page


def test_unpublished_results_stay_hidden(client, goslar):
    event = EventFactory(region=goslar, documentation_published=False)
    past = EventDateFactory(event=event, start=timezone.now() - timedelta(days=400))
    WorkshopFactory(event_date=past, needs="Geheim")
    assert "Geheim" not in client.get(event.get_absolute_url()).content.decode()


def test_the_event_page_shows_places_left_per_date_and_workshop(client, event, event_date):
    workshop = WorkshopFactory(event_date=event_date, title="Arbeit", seats=2)
    RegistrationFactory.create_batch(2, event_date=event_date, workshop=workshop)
    page = client.get(event.get_absolute_url()).content.decode()
    assert "18 places left" in page or "18 Plätze frei" in page
    assert "waiting list" in page or "Warteliste" in page
    assert event_date.venue.name in page


def test_the_event_page_has_json_ld_per_date_with_capacity(client, event, event_date):
    EventDateFactory(event=event, seats=None)
    RegistrationFactory.create_batch(3, event_date=event_date)
    page = client.get(event.get_absolute_url()).content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    data = [json.loads(b) for b in blocks]
    assert len(data) == 2
    assert data[0]["@type"] == "Event"
    assert data[0]["maximumAttendeeCapacity"] == 20
    assert data[0]["remainingAttendeeCapacity"] == 17
    assert data[0]["location"]["address"]["streetAddress"] == event_date.venue.street


def test_drafts_are_not_public(client, goslar):
    draft = EventFactory(region=goslar, status="draft")
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_an_event_of_another_region_is_not_found_under_this_region(client, goslar, harz):
    event = EventFactory(region=harz)
    assert client.get(f"/goslar/events/{event.slug}/").status_code == 404


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


def test_event_pages_are_in_the_sitemap(client, event, event_date):
    draft = EventFactory(region=event.region, status="draft")
    sitemap = client.get("/sitemap.xml").content.decode()
    assert event.get_absolute_url() in sitemap
    assert draft.get_absolute_url() not in sitemap
    assert "/goslar/events/archive/" in sitemap


def test_home_pages_list_upcoming_events(client, event, event_date):
    assert event.title in client.get("/goslar/").content.decode()
    assert event.title in client.get("/").content.decode()
