"""The participant list of a date: counts, workshops and the waiting list in its order."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from conferences.models import Registration
from tests.conferences.factories import RegistrationFactory, WorkshopFactory
from tests.conferences.staff_forms import staff_url

Status = Registration.Status


def test_the_participant_list_shows_counts_and_the_waiting_list_in_order(
    client_of, coordinator_goslar, event, event_date
):
    workshop = WorkshopFactory(event_date=event_date, title="Gesundheit")
    RegistrationFactory(event_date=event_date, workshop=workshop, name="Ali Seat")
    now = timezone.now()
    RegistrationFactory(
        event_date=event_date, status=Status.WAITING, name="Zora Early", waiting_since=now
    )
    RegistrationFactory(
        event_date=event_date,
        status=Status.WAITING,
        name="Anna Late",
        waiting_since=now + timedelta(seconds=1),
    )
    page = (
        client_of(coordinator_goslar)
        .get(staff_url(event.region, f"dates/{event_date.pk}/participants/"))
        .content.decode()
    )
    assert "Ali Seat" in page and "Gesundheit" in page
    waiting_part = page.split('id="waiting-list"')[1]
    assert waiting_part.index("Zora Early") < waiting_part.index("Anna Late")
