"""The back-office overview of one event: its dates, their waiting lists, delete or cancel."""

from __future__ import annotations

import re

from conferences.models import Event, Registration
from tests.conferences.factories import EventDateFactory, EventFactory, RegistrationFactory
from tests.conferences.staff_forms import staff_url

Status = Registration.Status


def test_the_overview_of_a_draft_offers_deletion_and_of_a_published_event_cancellation(
    client_of, editor_goslar, goslar
):
    draft = EventFactory(region=goslar, status=Event.Status.DRAFT)
    published = EventFactory(region=goslar)
    client = client_of(editor_goslar)
    html = client.get(staff_url(goslar, f"events/{draft.pk}/")).content.decode()
    assert f"events/{draft.pk}/delete/" in html
    html = client.get(staff_url(goslar, f"events/{published.pk}/")).content.decode()
    assert "/delete/" not in html and 'value="cancel"' in html


def test_the_overview_counts_each_dates_waiting_list_in_one_query(
    client_of, editor_goslar, goslar, django_assert_max_num_queries
):
    event = EventFactory(region=goslar)
    dates = [EventDateFactory(event=event, seats=1) for _day in range(3)]
    for n, event_date in enumerate(dates):
        RegistrationFactory.create_batch(n, event_date=event_date, status=Status.WAITING)
    client = client_of(editor_goslar)
    client.get(staff_url(goslar, f"events/{event.pk}/"))  # warm caches (session, region)
    with django_assert_max_num_queries(30) as captured:
        html = client.get(staff_url(goslar, f"events/{event.pk}/")).content.decode()
    waiting_queries = [q for q in captured.captured_queries if "'waiting'" in q["sql"]]
    assert len(waiting_queries) == 1
    counts = re.findall(r"Warteliste: <strong>(\d+)</strong>", html)
    assert counts == ["0", "1", "2"]
