"""Deleting a draft in the back-office (instead of the Django admin); anything else is cancelled."""

from __future__ import annotations

import pytest
from django.utils.translation import gettext as _

from conferences.models import Event, EventDate
from tests.conferences.factories import (
    EventDateFactory,
    EventFactory,
    RegistrationFactory,
    WorkshopFactory,
)
from tests.conferences.staff_forms import staff_url


def test_a_draft_is_deleted_with_its_dates_programme_and_workshops(
    client_of, editor_goslar, goslar
):
    draft = EventFactory(region=goslar, status=Event.Status.DRAFT)
    WorkshopFactory(event_date=EventDateFactory(event=draft))
    response = client_of(editor_goslar).post(
        staff_url(goslar, f"events/{draft.pk}/delete/"), {"confirm": "yes"}
    )
    assert response.status_code == 302
    assert not Event.objects.filter(pk=draft.pk).exists()
    assert not EventDate.objects.filter(event_id=draft.pk).exists()


def test_without_the_tick_nothing_is_deleted(client_of, editor_goslar, goslar):
    draft = EventFactory(region=goslar, status=Event.Status.DRAFT)
    response = client_of(editor_goslar).post(
        staff_url(goslar, f"events/{draft.pk}/delete/"), follow=True
    )
    assert Event.objects.filter(pk=draft.pk).exists()
    assert _("Please tick the box to confirm the deletion.") in response.content.decode()


@pytest.mark.parametrize("published", [True, False])
def test_a_published_event_or_one_with_registrations_is_cancelled_not_deleted(
    client_of, editor_goslar, goslar, published
):
    status = Event.Status.PUBLISHED if published else Event.Status.DRAFT
    event = EventFactory(region=goslar, status=status)
    if not published:
        RegistrationFactory(event_date=EventDateFactory(event=event))
    response = client_of(editor_goslar).post(
        staff_url(goslar, f"events/{event.pk}/delete/"), {"confirm": "yes"}, follow=True
    )
    assert Event.objects.filter(pk=event.pk).exists()
    assert (
        _("Only a draft nobody has registered for can be deleted; cancel this event.")
        in response.content.decode()
    )
