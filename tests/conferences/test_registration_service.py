"""registration_create and friends: seats, waiting lists, preferences, duplicates."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from conferences.models import Event, Registration
from conferences.services import registrations as services
from tests.conferences.factories import EventDateFactory, RegistrationFactory, WorkshopFactory

Status = Registration.Status


def register(event_date, participant, *choices, **kwargs):
    first = choices[0] if choices else None
    second = choices[1] if len(choices) > 1 else None
    registration, _created = services.registration_create(
        event_date=event_date,
        participant=participant,
        first_choice=first,
        second_choice=second,
        **kwargs,
    )
    return registration


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


def test_a_cancellation_moves_the_first_on_the_waiting_list_up(event, person):
    event_date = EventDateFactory(event=event, seats=1)
    holder = register(event_date, person(1))
    first_waiting = register(event_date, person(2))
    second_waiting = register(event_date, person(3))
    services.registration_cancel(registration=holder)
    first_waiting.refresh_from_db()
    second_waiting.refresh_from_db()
    assert first_waiting.status == Status.CONFIRMED
    assert first_waiting.promoted_at is not None
    assert second_waiting.status == Status.WAITING


def test_a_freed_workshop_seat_goes_to_whoever_waits_for_that_workshop(event_date, person):
    event_date.seats = 100
    event_date.save()
    a = WorkshopFactory(event_date=event_date, seats=1)
    b = WorkshopFactory(event_date=event_date, seats=1)
    register(event_date, person(1), a)
    holder_b = register(event_date, person(2), b)
    waits_for_a = register(event_date, person(3), a)
    waits_for_b = register(event_date, person(4), b)
    services.registration_cancel(registration=holder_b)
    waits_for_a.refresh_from_db()
    waits_for_b.refresh_from_db()
    assert waits_for_a.status == Status.WAITING
    assert (waits_for_b.status, waits_for_b.workshop) == (Status.CONFIRMED, b)


def test_more_seats_move_people_up_in_order(event, person):
    event_date = EventDateFactory(event=event, seats=1)
    register(event_date, person(0))
    waiting = [register(event_date, person(i)) for i in range(1, 4)]
    event_date.seats = 3
    event_date.save()
    services.rebalance(event_date_ids=[event_date.pk])
    statuses = [Registration.objects.get(pk=r.pk).status for r in waiting]
    assert statuses == [Status.CONFIRMED, Status.CONFIRMED, Status.WAITING]


def test_changing_to_a_full_workshop_changes_nothing(event_date, workshops, person):
    first, second, _ = workshops
    mine = register(event_date, person(0), first)
    register(event_date, person(1), second)
    register(event_date, person(2), second)
    with pytest.raises(services.NoSeat):
        services.registration_change_workshops(registration=mine, first_choice=second)
    mine.refresh_from_db()
    assert (mine.workshop, mine.first_choice) == (first, first)


def test_changing_workshop_frees_the_old_seat_for_the_waiting_list(event_date, workshops, person):
    first, second, _ = workshops
    mine = register(event_date, person(0), first)
    register(event_date, person(1), first)
    waiting = register(event_date, person(2), first)
    services.registration_change_workshops(registration=mine, first_choice=second)
    mine.refresh_from_db()
    waiting.refresh_from_db()
    assert mine.workshop == second
    assert (waiting.status, waiting.workshop) == (Status.CONFIRMED, first)


def test_staff_move_someone_to_another_date_and_the_waiting_list_moves_up(event, person):
    one = EventDateFactory(event=event, seats=1)
    two = EventDateFactory(event=event, seats=5)
    mover = register(one, person(0))
    waiting = register(one, person(1))
    services.registration_move(registration=mover, event_date=two, workshop=None)
    mover.refresh_from_db()
    waiting.refresh_from_db()
    assert (mover.event_date, mover.status) == (two, Status.CONFIRMED)
    assert waiting.status == Status.CONFIRMED


def test_staff_cannot_move_someone_into_a_full_workshop(event_date, workshops, person):
    first, second, _ = workshops
    mover = register(event_date, person(0), first)
    register(event_date, person(1), second)
    register(event_date, person(2), second)
    with pytest.raises(services.NoSeat):
        services.registration_move(registration=mover, event_date=event_date, workshop=second)
    mover.refresh_from_db()
    assert mover.workshop == first


def test_staff_cannot_move_to_a_date_of_another_event(event_date, person):
    other = EventDateFactory()
    mover = register(event_date, person(0))
    with pytest.raises(services.InvalidChoice):
        services.registration_move(registration=mover, event_date=other, workshop=None)


def test_check_in_marks_attended_and_can_be_undone(event_date):
    registration = RegistrationFactory(event_date=event_date)
    services.registration_set_attended(registration=registration, attended=True)
    registration.refresh_from_db()
    assert registration.status == Status.ATTENDED and registration.checked_in_at
    services.registration_set_attended(registration=registration, attended=False)
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED and registration.checked_in_at is None


def test_people_on_the_waiting_list_cannot_be_checked_in(event_date):
    registration = RegistrationFactory(event_date=event_date, status=Status.WAITING)
    services.registration_set_attended(registration=registration, attended=True)
    registration.refresh_from_db()
    assert registration.status == Status.WAITING


# --- a participant moves to another date (self-service) -------------------------------------


def test_a_participant_moves_to_another_date_and_the_waiting_list_moves_up(event, person):
    one = EventDateFactory(event=event, seats=1)
    two = EventDateFactory(event=event, seats=5)
    mover = register(one, person(0))
    waiting = register(one, person(1))
    services.registration_move_date(registration=mover, event_date=two)
    mover.refresh_from_db()
    waiting.refresh_from_db()
    assert (mover.event_date, mover.status) == (two, Status.CONFIRMED)
    assert waiting.status == Status.CONFIRMED


def test_a_participant_with_a_seat_keeps_it_when_the_new_date_is_full(event, person):
    one = EventDateFactory(event=event, seats=5)
    full = EventDateFactory(event=event, seats=1)
    register(full, person(9))
    mover = register(one, person(0))
    with pytest.raises(services.NoSeat):
        services.registration_move_date(registration=mover, event_date=full)
    mover.refresh_from_db()
    assert (mover.event_date, mover.status) == (one, Status.CONFIRMED)


def test_someone_waiting_joins_the_end_of_the_new_dates_waiting_list(event, person):
    one = EventDateFactory(event=event, seats=1)
    full = EventDateFactory(event=event, seats=1)
    register(one, person(8))
    register(full, person(9))
    already_waiting = register(full, person(10))
    mover = register(one, person(0))
    services.registration_move_date(registration=mover, event_date=full)
    mover.refresh_from_db()
    assert (mover.event_date, mover.status) == (full, Status.WAITING)
    assert mover.waiting_since > already_waiting.waiting_since


def test_someone_waiting_gets_a_seat_on_a_date_that_has_one(event, person):
    full = EventDateFactory(event=event, seats=1)
    free = EventDateFactory(event=event, seats=3)
    register(full, person(9))
    mover = register(full, person(0))
    services.registration_move_date(registration=mover, event_date=free)
    mover.refresh_from_db()
    assert (mover.event_date, mover.status, mover.waiting_since) == (free, Status.CONFIRMED, None)


def test_the_move_takes_the_first_workshop_choice_with_a_seat(event, person):
    one = EventDateFactory(event=event)
    two = EventDateFactory(event=event)
    full = WorkshopFactory(event_date=two, seats=1)
    free = WorkshopFactory(event_date=two, seats=3)
    register(two, person(9), full)
    mover = register(one, person(0))
    services.registration_move_date(
        registration=mover, event_date=two, first_choice=full, second_choice=free
    )
    mover.refresh_from_db()
    assert (mover.workshop, mover.first_choice, mover.second_choice) == (free, full, free)


def test_a_participant_cannot_move_to_a_closed_date(event, person):
    one = EventDateFactory(event=event)
    cancelled = EventDateFactory(event=event, cancelled=True)
    mover = register(one, person(0))
    with pytest.raises(services.RegistrationClosed):
        services.registration_move_date(registration=mover, event_date=cancelled)
    mover.refresh_from_db()
    assert mover.event_date == one


def test_a_participant_cannot_move_to_a_date_of_another_event(event_date, person):
    mover = register(event_date, person(0))
    with pytest.raises(services.InvalidDate):
        services.registration_move_date(registration=mover, event_date=EventDateFactory())


def test_a_participant_cannot_move_where_the_same_email_is_registered(event, person):
    one = EventDateFactory(event=event)
    two = EventDateFactory(event=event)
    mover = register(one, person(0))
    register(two, person(0))
    with pytest.raises(services.AlreadyRegistered):
        services.registration_move_date(registration=mover, event_date=two)
