"""registration_create: seats, waiting lists, workshop preferences, duplicates, open or closed."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from conferences.models import Event, Registration
from conferences.services import registrations as services
from tests.conferences.factories import EventDateFactory, WorkshopFactory
from tests.conferences.registering import register

Status = Registration.Status


def test_it_gives_a_seat_while_there_is_one_then_the_waiting_list(event, person):
    event_date = EventDateFactory(event=event, seats=2)
    results = [register(event_date, person(i)).status for i in range(4)]
    assert results == [Status.CONFIRMED, Status.CONFIRMED, Status.WAITING, Status.WAITING]


def test_it_records_consent_with_the_time(event_date, person):
    registration = register(event_date, person(1))
    assert registration.consent_at is not None
    assert registration.token and len(registration.token) >= 40


def test_it_takes_the_second_choice_when_the_first_is_full(event_date, workshops, person):
    first, second, _third = workshops
    register(event_date, person(1), first)
    register(event_date, person(2), first)
    registration = register(event_date, person(3), first, second)
    assert (registration.status, registration.workshop) == (Status.CONFIRMED, second)


def test_it_waits_for_the_first_choice_when_all_choices_are_full(event_date, workshops, person):
    first, second, _third = workshops
    for i in range(2):
        register(event_date, person(i), first)
        register(event_date, person(10 + i), second)
    registration = register(event_date, person(3), first, second)
    assert (registration.status, registration.workshop) == (Status.WAITING, first)


def test_the_same_email_cannot_hold_two_seats_on_one_date(event_date, person):
    register(event_date, person(1, email="Anna@Example.org"))
    with pytest.raises(services.AlreadyRegistered):
        register(event_date, person(2, email="anna@example.org"))
    assert Registration.objects.count() == 1


def test_after_cancelling_the_same_email_may_register_again(event_date, person):
    registration = register(event_date, person(1))
    services.registration_cancel(registration=registration)
    assert register(event_date, person(1)).status == Status.CONFIRMED


def test_a_double_submit_creates_one_registration(event_date, person):
    key = uuid.uuid4()
    first = register(event_date, person(1), idempotency_key=key)
    second = register(event_date, person(1), idempotency_key=key)
    assert first.pk == second.pk
    assert Registration.objects.count() == 1


@pytest.mark.parametrize(
    "change",
    [
        {"registration_closed": True},
        {"status": Event.Status.DRAFT},
        {"status": Event.Status.CANCELLED},
        {"registration_opens": timezone.now() + timedelta(days=1)},
        {"registration_closes": timezone.now() - timedelta(minutes=1)},
    ],
    ids=["closed", "draft", "cancelled", "not-yet-open", "deadline-passed"],
)
def test_it_refuses_when_registration_is_not_open(event, event_date, person, change):
    Event.objects.filter(pk=event.pk).update(**change)
    with pytest.raises(services.RegistrationClosed):
        register(event_date, person(1))
    assert not Registration.objects.exists()


def test_it_refuses_a_cancelled_or_past_date(event, person):
    cancelled = EventDateFactory(event=event, cancelled=True)
    past = EventDateFactory(event=event, start=timezone.now() - timedelta(days=2))
    for event_date in (cancelled, past):
        with pytest.raises(services.RegistrationClosed):
            register(event_date, person(1))
    assert not Registration.objects.exists()


def test_staff_may_register_people_while_online_registration_is_closed(event, event_date, person):
    Event.objects.filter(pk=event.pk).update(registration_closed=True)
    registration = register(event_date, person(1), check_open=False)
    assert registration.status == Status.CONFIRMED


def test_a_workshop_of_another_date_is_refused(event, event_date, workshops, person):
    other = WorkshopFactory(event_date=EventDateFactory(event=event))
    with pytest.raises(services.InvalidChoice):
        register(event_date, person(1), other)
    assert not Registration.objects.exists()


def test_a_date_with_workshops_needs_a_choice(event_date, workshops, person):
    with pytest.raises(services.InvalidChoice):
        register(event_date, person(1))
