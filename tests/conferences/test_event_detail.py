"""The public page of an event: places left per date and workshop, structured data, published
results only; drafts and other counties' events are not found."""

from __future__ import annotations

import json
import re
from datetime import timedelta

from django.utils import timezone

from tests.conferences.factories import (
    EventDateFactory,
    EventFactory,
    RegistrationFactory,
    WorkshopFactory,
)


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
