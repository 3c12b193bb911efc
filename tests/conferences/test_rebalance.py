"""rebalance: more seats on a date move the waiting list up in order."""

from __future__ import annotations

from conferences.models import Registration
from conferences.services import registrations as services
from tests.conferences.factories import EventDateFactory
from tests.conferences.registering import register

Status = Registration.Status


def test_more_seats_move_people_up_in_order(event, person):
    event_date = EventDateFactory(event=event, seats=1)
    register(event_date, person(0))
    waiting = [register(event_date, person(i)) for i in range(1, 4)]
    event_date.seats = 3
    event_date.save()
    services.rebalance(event_date_ids=[event_date.pk])
    statuses = [Registration.objects.get(pk=r.pk).status for r in waiting]
    assert statuses == [Status.CONFIRMED, Status.CONFIRMED, Status.WAITING]
