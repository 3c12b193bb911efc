"""Cached event pages never show stale seats: every registration, cancellation and promotion
from the waiting list changes the page (and its JSON-LD capacity) the moment it commits."""

from __future__ import annotations

import json
import re
import uuid

from conferences.models import Registration
from conferences.services.registrations import registration_cancel
from tests.conferences.factories import EventDateFactory


def capacity(page: str) -> tuple[int, int]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    data = json.loads(blocks[0])
    return data["maximumAttendeeCapacity"], data["remainingAttendeeCapacity"]


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response


def register(client, event, event_date, n):
    return client.post(
        f"/{event.region.slug}/events/{event.slug}/register/",
        {
            "idempotency_key": str(uuid.uuid4()),
            "event_date": event_date.pk,
            "name": f"Person {n}",
            "email": f"person{n}@example.org",
            "consent": "on",
            "homepage": "",
        },
    )


def test_a_registration_shows_on_the_cached_event_page_at_once(client, event):
    event_date = EventDateFactory(event=event, seats=2)
    url = event.get_absolute_url()
    assert get(client, url)["X-Page-Cache"] == "miss"
    assert get(client, url)["X-Page-Cache"] == "hit"
    assert capacity(get(client, url).content.decode()) == (2, 2)

    visitor = client.__class__()
    assert register(visitor, event, event_date, 1).status_code == 302
    page = get(client, url)
    assert page["X-Page-Cache"] == "miss"
    assert capacity(page.content.decode()) == (2, 1)
    assert "1 place left" in page.content.decode() or "1 Platz frei" in page.content.decode()

    register(client.__class__(), event, event_date, 2)
    assert capacity(get(client, url).content.decode()) == (2, 0)
    # The third waits; the page still says no seat is left.
    register(client.__class__(), event, event_date, 3)
    assert Registration.objects.filter(status=Registration.Status.WAITING).count() == 1
    assert capacity(get(client, url).content.decode()) == (2, 0)


def test_a_cancellation_and_the_promotion_it_causes_show_at_once(client, event):
    event_date = EventDateFactory(event=event, seats=1)
    url = event.get_absolute_url()
    register(client.__class__(), event, event_date, 1)
    register(client.__class__(), event, event_date, 2)
    assert capacity(get(client, url).content.decode()) == (1, 0)
    get(client, url)  # cached now

    first = Registration.objects.get(email="person1@example.org")
    registration_cancel(registration=first, notify=False)
    waiting = Registration.objects.get(email="person2@example.org")
    assert waiting.status == Registration.Status.CONFIRMED  # promoted
    assert capacity(get(client, url).content.decode()) == (1, 0)

    registration_cancel(registration=waiting, notify=False)
    page = get(client, url)
    assert page["X-Page-Cache"] == "miss"
    assert capacity(page.content.decode()) == (1, 1)


def test_a_write_that_bypasses_the_orm_signals_invalidates_too(client, event, event_date):
    url = event.get_absolute_url()
    get(client, url)
    assert get(client, url)["X-Page-Cache"] == "hit"
    type(event).objects.filter(pk=event.pk).update(title="Neuer Titel der Konferenz")
    page = get(client, url)
    assert "Neuer Titel der Konferenz" in page.content.decode()


def test_a_participants_own_pages_are_never_stored_by_any_cache(client, event):
    """The confirmation and self-service pages show the participant's name and address: not in
    the shared page cache, and a proxy or browser is told not to keep them either."""
    event_date = EventDateFactory(event=event, seats=5)
    visitor = client.__class__()
    confirmation = register(visitor, event, event_date, 7)["Location"]
    registration = Registration.objects.get(email="person7@example.org")
    for url in (confirmation, registration.self_service_path()):
        for _ in range(2):
            response = client.__class__().get(url)
            assert response.status_code == 200, url
            assert response.get("X-Page-Cache") != "hit", url
            control = response["Cache-Control"]
            assert "private" in control and "no-store" in control, (url, control)
            assert "public" not in control
