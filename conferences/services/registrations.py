"""Registrations: register, cancel, change workshops, move, check in.

Every writer that changes who holds a seat takes its locks and asks the rule through
``conferences.services.seats`` (lock order, the rule, promotion from the waiting list); this
module validates what people ask for, names what went wrong, and says which mail goes out.
Mails are sent by a job after the commit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from uuid import UUID

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from conferences.models import EventDate, Registration, Workshop
from conferences.services import mails, seats

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise as StrOrPromise

Status = Registration.Status


class RegistrationError(Exception):
    """A participant's or staff member's request that cannot be carried out; nothing changed."""

    code = "error"
    message: StrOrPromise = _("The registration could not be saved.")

    def __init__(self, message: StrOrPromise | None = None) -> None:
        super().__init__(message or self.message)
        if message:
            self.message = message


class RegistrationClosed(RegistrationError):
    code = "closed"
    message = _("Registration for this date is not open.")


class AlreadyRegistered(RegistrationError):
    code = "duplicate"
    message = _(
        "This e-mail address is already registered for this date. Please use the link in "
        "your confirmation e-mail to view or change your registration."
    )


class InvalidChoice(RegistrationError):
    code = "invalid_choice"
    message = _("Please choose a workshop that belongs to the chosen date.")


class IdempotencyKeyReused(RegistrationError):
    """The form's key already registered somebody else (or another date): a new form."""

    code = "key_reused"
    message = _(
        "This form was already sent for another registration. Please check your details and "
        "send the form again."
    )


class NoSeat(RegistrationError):
    code = "full"
    message = _("There is no free seat left there.")


class InvalidDate(InvalidChoice):
    message = _("Please choose one of the dates offered.")


class NoWorkshopChosen(InvalidChoice):
    message = _("Please choose a workshop.")


# What conferences_place_registration reports, as the error the participant is shown.
_PROBLEMS: dict[str, type[RegistrationError]] = {
    "invalid_date": InvalidDate,
    "closed": RegistrationClosed,
    "invalid_choice": InvalidChoice,
    "no_choice": NoWorkshopChosen,
}


@dataclass
class ParticipantData:
    name: str
    email: str
    organisation: str = ""
    phone: str = ""
    accessibility_needs: str = ""
    dietary_needs: str = ""
    language: str = ""
    consent: bool = False


def _validated_choices(event_date: EventDate, workshops: list[Workshop | None]) -> list[int]:
    """Workshop ids in order of preference; all must belong to the date, none twice."""
    ids = [w.pk for w in workshops if w is not None]
    if any(w.event_date_id != event_date.pk for w in workshops if w is not None):
        raise InvalidChoice
    if len(set(ids)) != len(ids):
        raise InvalidChoice(_("Please choose two different workshops."))
    return ids


def _constraint_name(error: IntegrityError) -> str:
    diag = getattr(error.__cause__, "diag", None)
    return getattr(diag, "constraint_name", "") or ""


def registration_create(
    *,
    event_date: EventDate,
    participant: ParticipantData,
    first_choice: Workshop | None = None,
    second_choice: Workshop | None = None,
    idempotency_key: UUID | None = None,
    source: str = Registration.Source.ONLINE,
    check_open: bool = True,
) -> tuple[Registration, bool]:
    """Register for one date; returns (registration, created).

    A seat if there is one (in the first workshop choice that has a seat), otherwise the
    waiting list. A repeated submit with the same idempotency key returns the first
    registration if it is the same e-mail and date (IdempotencyKeyReused otherwise); the same
    e-mail on the same date raises AlreadyRegistered. Both are decided
    by unique constraints, so the common case pays no extra query while the date is locked.

    Everything that does not depend on the seats is prepared before the lock is taken; the
    lock, the decision, the INSERT and the COMMIT are one round trip
    (``seats.place_and_insert``).
    """
    choices = [w.pk for w in (first_choice, second_choice) if w is not None]
    if len(set(choices)) != len(choices):
        raise InvalidChoice(_("Please choose two different workshops."))
    registration = Registration(
        event_date_id=event_date.pk,
        consent_at=timezone.now() if participant.consent else None,
        first_choice_id=choices[0] if choices else None,
        second_choice_id=choices[1] if len(choices) > 1 else None,
        name=participant.name.strip(),
        email=participant.email.strip(),
        organisation=participant.organisation,
        phone=participant.phone,
        accessibility_needs=participant.accessibility_needs,
        dietary_needs=participant.dietary_needs,
        language=participant.language,
        source=source,
        idempotency_key=idempotency_key,
    )
    try:
        with transaction.atomic(durable=True):
            # One statement under the lock, committed in the same round trip.
            decision = seats.place_and_insert(
                registration,
                event_id=event_date.event_id,
                choices=choices,
                check_open=check_open,
            )
            if decision.problem:
                raise _PROBLEMS[decision.problem]()
            # The statement inserted the confirmation's (or waiting list's) mail job too.
    except IntegrityError as error:
        if idempotency_key:
            existing = Registration.objects.filter(idempotency_key=idempotency_key).first()
            if existing is not None:
                # The same form sent twice lands on the same registration; the key reused with
                # someone else's address or another date must not reveal that registration.
                if (
                    existing.event_date_id == event_date.pk
                    and existing.email.casefold() == registration.email.casefold()
                ):
                    return existing, False
                raise IdempotencyKeyReused from None
        if _constraint_name(error) in ("registration_one_per_email_and_date", ""):
            raise AlreadyRegistered from None
        raise
    return registration, True


def rebalance(*, event_date_ids: Iterable[int]) -> list[Registration]:
    """After staff changed seats: fill freed seats from the waiting lists."""
    with transaction.atomic():
        return seats.recount_and_promote(seats.lock(date_ids=event_date_ids))


def _lock_with(
    registration: Registration, *, date_ids: Iterable[int] = ()
) -> tuple[seats.Capacity, Registration]:
    """Lock the registration's date (and ``date_ids``), then the registration itself.

    Staff may move the registration to another date while we wait for the lock; then the
    locks are taken again for the date it is on now.
    """
    for _attempt in range(3):
        current = Registration.objects.values_list("event_date_id", flat=True).get(
            pk=registration.pk
        )
        capacity = seats.lock(
            date_ids={current, *date_ids},
            registrations=Registration.objects.filter(pk=registration.pk),
        )
        if registration.pk in capacity.registrations:
            return capacity, capacity.registrations[registration.pk]
    raise RegistrationError(_("The registration is being changed. Please try again."))


def registration_cancel(*, registration: Registration, notify: bool = True) -> Registration:
    """The participant (or staff) cancels; a freed seat goes to the waiting list at once."""
    with transaction.atomic():
        capacity, registration = _lock_with(registration)
        if not registration.is_active:
            return registration
        registration.status = Status.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        if notify:
            mails.queue(registration, "cancelled")
        seats.recount_and_promote(capacity)
    return registration


def registration_change_workshops(
    *,
    registration: Registration,
    first_choice: Workshop | None,
    second_choice: Workshop | None = None,
) -> Registration:
    """The participant changes their workshop choice.

    Someone with a seat moves into the first new choice that has a seat; if none has one,
    nothing changes (NoSeat). Someone on the waiting list now waits for the new first choice.
    """
    with transaction.atomic():
        capacity, registration = _lock_with(registration)
        if not registration.is_active or registration.status == Status.ATTENDED:
            raise RegistrationClosed(_("This registration can no longer be changed."))
        choices = _validated_choices(
            capacity.dates[registration.event_date_id], [first_choice, second_choice]
        )
        if not choices:
            raise InvalidChoice(_("Please choose a workshop."))
        if registration.status == Status.CONFIRMED:
            target = capacity.first_with_seat(choices, held=registration.workshop_id)
            if target is None:
                raise NoSeat(_("The workshops you chose are full. Your seat stays as it was."))
            registration.workshop_id = target
        else:
            registration.workshop_id = choices[0]
        registration.first_choice_id = choices[0]
        registration.second_choice_id = choices[1] if len(choices) > 1 else None
        registration.save(update_fields=["workshop", "first_choice", "second_choice"])
        mails.queue(registration, "changed")
        seats.recount_and_promote(capacity)
    return registration


def _already_on(event_date_id: int, registration: Registration) -> bool:
    """Whether the same e-mail holds a seat or waits on that date. Asked under the date's lock,
    which every new registration for the date waits for, so the answer stays true."""
    return (
        Registration.objects.active()
        .filter(event_date_id=event_date_id, email__iexact=registration.email)
        .exclude(pk=registration.pk)
        .exists()
    )


def registration_move_date(
    *,
    registration: Registration,
    event_date: EventDate,
    first_choice: Workshop | None = None,
    second_choice: Workshop | None = None,
) -> Registration:
    """The participant moves to another date of the same event (self-service).

    The same rule as registering there (``seats.decide``): registration must be open for the
    new date, the first choice with a seat is taken, otherwise the waiting list of the first
    choice. Someone who holds a seat keeps it unless the new date has one for them (NoSeat);
    someone on the waiting list joins the new date's waiting list at its end. The seat left
    behind goes to the old date's waiting list.
    """
    with transaction.atomic():
        capacity, registration = _lock_with(registration, date_ids=[event_date.pk])
        source_date_id = registration.event_date_id
        source = capacity.dates[source_date_id]
        if not registration.is_active or registration.status == Status.ATTENDED:
            raise RegistrationClosed(_("This registration can no longer be changed."))
        if event_date.pk == source_date_id:
            raise InvalidDate(_("You are already registered for this date."))
        choices = [w.pk for w in (first_choice, second_choice) if w is not None]
        if len(set(choices)) != len(choices):
            raise InvalidChoice(_("Please choose two different workshops."))
        decision = seats.decide(
            capacity, event_id=source.event_id, date_id=event_date.pk, choices=choices
        )
        if decision.problem:
            raise _PROBLEMS[decision.problem]()
        if _already_on(event_date.pk, registration):
            raise AlreadyRegistered(_("You are already registered for that date."))
        if registration.holds_seat and not decision.seat:
            raise NoSeat(_("That date is full. Your seat stays as it was."))
        registration.event_date_id = event_date.pk
        registration.status = decision.status
        registration.workshop_id = decision.workshop_id
        registration.first_choice_id = choices[0] if choices else None
        registration.second_choice_id = choices[1] if len(choices) > 1 else None
        registration.waiting_since = None if decision.seat else timezone.now()
        registration.reminder_sent_at = None
        registration.save(
            update_fields=[
                "event_date",
                "status",
                "workshop",
                "first_choice",
                "second_choice",
                "waiting_since",
                "reminder_sent_at",
            ]
        )
        mails.queue(registration, "changed")
        seats.recount_and_promote(capacity)
    return registration


def registration_move(
    *, registration: Registration, event_date: EventDate, workshop: Workshop | None
) -> Registration:
    """Staff move a participant to another workshop and/or date of the same event.

    The target needs a free seat (staff decide; the waiting list is not jumped by accident);
    someone on the waiting list who is moved gets that seat. The seat left behind goes to that
    date's waiting list.
    """
    with transaction.atomic():
        capacity, registration = _lock_with(registration, date_ids=[event_date.pk])
        source_date_id = registration.event_date_id
        if event_date.event_id != capacity.dates[source_date_id].event_id:
            raise InvalidChoice(_("Please choose a date of the same event."))
        if not registration.is_active:
            raise RegistrationClosed(_("A cancelled registration cannot be moved."))
        if workshop is not None and workshop.event_date_id != event_date.pk:
            raise InvalidChoice
        if capacity.workshops_of(event_date.pk) and workshop is None:
            raise InvalidChoice(_("Please choose a workshop."))
        same_date = event_date.pk == source_date_id
        if not same_date and _already_on(event_date.pk, registration):
            raise AlreadyRegistered(_("This person is already registered for that date."))
        holds = registration.holds_seat
        if not (same_date and holds) and not capacity.date_has_seat(event_date.pk):
            raise NoSeat(_("That date is full."))
        keeps_workshop = (
            same_date and holds and workshop is not None and registration.workshop_id == workshop.pk
        )
        if (
            workshop is not None
            and not keeps_workshop
            and not capacity.workshop_has_seat(workshop.pk)
        ):
            raise NoSeat(_("That workshop is full."))
        registration.event_date_id = event_date.pk
        registration.workshop_id = workshop.pk if workshop else None
        if workshop is not None:
            registration.first_choice_id = workshop.pk
            registration.second_choice_id = None
        if registration.status == Status.WAITING:
            registration.status = Status.CONFIRMED
            registration.promoted_at = timezone.now()
        registration.save(
            update_fields=[
                "event_date",
                "workshop",
                "first_choice",
                "second_choice",
                "status",
                "promoted_at",
            ]
        )
        mails.queue(registration, "changed")
        seats.recount_and_promote(capacity)
    return registration


def registration_set_attended(*, registration: Registration, attended: bool) -> Registration:
    """Check-in on the day (and its undo). Only people with a seat can be checked in."""
    with transaction.atomic():
        _capacity, registration = _lock_with(registration)
        if attended and registration.status == Status.CONFIRMED:
            registration.status = Status.ATTENDED
            registration.checked_in_at = timezone.now()
        elif not attended and registration.status == Status.ATTENDED:
            registration.status = Status.CONFIRMED
            registration.checked_in_at = None
        else:
            return registration
        registration.save(update_fields=["status", "checked_in_at"])
    return registration
