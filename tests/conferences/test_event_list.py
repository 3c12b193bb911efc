"""A county's public list of events: published upcoming ones only, with filters."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from conferences.models import Event
from tests.conferences.factories import EventDateFactory, EventFactory, VenueFactory
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
