"""Seats and waiting lists: every write that changes who holds a seat goes through here.

The promise: seats are never exceeded, per date and per workshop, however many people
register at once. Each write locks the capacity rows (the date first, then its workshops, both
in primary-key order so two transactions never wait on each other crosswise), counts, and
writes, in one durable transaction. Mails are sent by a job after the commit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from uuid import UUID

from django.db import IntegrityError, transaction
from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from conferences.models import EventDate, Registration, Workshop
from conferences.services import mails, seat_lock

Status = Registration.Status


class RegistrationError(Exception):
    """A participant's or staff member's request that cannot be carried out; nothing changed."""

    code = "error"
    message = _("The registration could not be saved.")

    def __init__(self, message=None):
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


@dataclass
class Capacity:
    """Locked dates and workshops with the seats taken in each (holders only)."""

    dates: dict[int, EventDate]
    workshops: dict[int, Workshop]
    taken_on_date: dict[int, int] = field(default_factory=dict)
    taken_in_workshop: dict[int, int] = field(default_factory=dict)

    def date_has_seat(self, date_id: int) -> bool:
        seats = self.dates[date_id].seats
        return seats is None or self.taken_on_date.get(date_id, 0) < seats

    def workshop_has_seat(self, workshop_id: int) -> bool:
        seats = self.workshops[workshop_id].seats
        return seats is None or self.taken_in_workshop.get(workshop_id, 0) < seats

    def take(self, date_id: int, workshop_id: int | None) -> None:
        self.taken_on_date[date_id] = self.taken_on_date.get(date_id, 0) + 1
        if workshop_id:
            self.taken_in_workshop[workshop_id] = self.taken_in_workshop.get(workshop_id, 0) + 1

    def recount(self) -> None:
        """Count the seat holders of the locked dates (one grouped query)."""
        self.taken_on_date = dict.fromkeys(self.dates, 0)
        self.taken_in_workshop = {}
        rows = (
            Registration.objects.filter(
                event_date_id__in=list(self.dates), status__in=Registration.SEAT_STATUSES
            )
            .values_list("event_date_id", "workshop_id")
            .annotate(n=Count("id"))
            .order_by()
        )
        for date_id, workshop_id, n in rows:
            self.taken_on_date[date_id] += n
            if workshop_id:
                self.taken_in_workshop[workshop_id] = n


def lock_rows(queryset: QuerySet) -> QuerySet:
    """SELECT ... FOR UPDATE. A module-level function so a test can remove the lock and show
    that seats are then overbooked."""
    return queryset.select_for_update(of=("self",))


def lock_capacity(*, date_ids: Iterable[int], all_workshops: bool = True) -> Capacity:
    """Lock the dates (and their workshops) in a fixed order, then count who holds a seat."""
    date_ids = sorted(set(date_ids))
    dates = {
        d.pk: d
        for d in lock_rows(
            EventDate.objects.select_related("event").filter(pk__in=date_ids)
        ).order_by("pk")
    }
    workshops: dict[int, Workshop] = {}
    if all_workshops:
        workshops = {
            w.pk: w
            for w in lock_rows(Workshop.objects.filter(event_date_id__in=date_ids)).order_by("pk")
        }
    capacity = Capacity(dates=dates, workshops=workshops)
    capacity.recount()
    return capacity


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
    registration; the same e-mail on the same date raises AlreadyRegistered. Both are decided
    by unique constraints, so the common case pays no extra query while the date is locked.

    Everything that does not depend on the seats is prepared before the lock is taken; the
    lock, the decision, the INSERT and the COMMIT are one round trip (see ``seat_lock``).
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
            # One statement under the lock, committed in the same round trip (seat_lock).
            outcome = seat_lock.place_and_insert(
                registration,
                event_id=event_date.event_id,
                choices=choices,
                check_open=check_open,
            )
            if outcome.problem:
                raise _PROBLEMS[outcome.problem]()
            mails.after_commit(
                registration, "confirmed" if outcome.status == Status.CONFIRMED else "waiting"
            )
    except IntegrityError as error:
        if idempotency_key:
            existing = Registration.objects.filter(idempotency_key=idempotency_key).first()
            if existing is not None:
                return existing, False  # the same form sent twice
        if _constraint_name(error) in ("registration_one_per_email_and_date", ""):
            raise AlreadyRegistered from None
        raise
    return registration, True


def promote_waiting(capacity: Capacity, date_id: int) -> list[Registration]:
    """Move people up from the waiting list, first come first served, while seats are free.

    Must run inside the transaction that holds the lock on the date and all its workshops.
    A person waiting for a full workshop does not block the next person whose workshop has
    a seat; each moves up into the first of their choices with a seat.
    """
    promoted: list[Registration] = []
    if capacity.dates[date_id].event.is_cancelled or capacity.dates[date_id].cancelled:
        return promoted
    now = timezone.now()
    for registration in Registration.objects.filter(event_date_id=date_id).waiting():
        if not capacity.date_has_seat(date_id):
            break
        preferences = [
            pk
            for pk in (
                registration.workshop_id,
                registration.first_choice_id,
                registration.second_choice_id,
            )
            if pk and pk in capacity.workshops
        ]
        preferences = list(dict.fromkeys(preferences))
        has_workshops = any(w.event_date_id == date_id for w in capacity.workshops.values())
        if has_workshops and not preferences:
            continue
        target = next((w for w in preferences if capacity.workshop_has_seat(w)), None)
        if preferences and target is None:
            continue
        registration.status = Status.CONFIRMED
        registration.workshop_id = target
        registration.promoted_at = now
        registration.save(update_fields=["status", "workshop", "promoted_at"])
        capacity.take(date_id, target)
        promoted.append(registration)
        mails.after_commit(registration, "moved_up")
    return promoted


def rebalance(*, event_date_ids: Iterable[int]) -> list[Registration]:
    """After staff changed seats: fill freed seats from the waiting lists."""
    promoted: list[Registration] = []
    with transaction.atomic():
        capacity = lock_capacity(date_ids=event_date_ids)
        for date_id in capacity.dates:
            promoted += promote_waiting(capacity, date_id)
    return promoted


def registration_cancel(*, registration: Registration, notify: bool = True) -> Registration:
    """The participant (or staff) cancels; a freed seat goes to the waiting list at once."""
    with transaction.atomic():
        capacity = lock_capacity(date_ids=[registration.event_date_id])
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if not registration.is_active:
            return registration
        registration.status = Status.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        if notify:
            mails.after_commit(registration, "cancelled")
        capacity.recount()
        promote_waiting(capacity, registration.event_date_id)
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
        capacity = lock_capacity(date_ids=[registration.event_date_id])
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if not registration.is_active or registration.status == Status.ATTENDED:
            raise RegistrationClosed(_("This registration can no longer be changed."))
        choices = _validated_choices(registration.event_date, [first_choice, second_choice])
        if not choices:
            raise InvalidChoice(_("Please choose a workshop."))
        if registration.status == Status.CONFIRMED:
            target = next(
                (
                    w
                    for w in choices
                    if w == registration.workshop_id or capacity.workshop_has_seat(w)
                ),
                None,
            )
            if target is None:
                raise NoSeat(_("The workshops you chose are full. Your seat stays as it was."))
            registration.workshop_id = target
        else:
            registration.workshop_id = choices[0]
        registration.first_choice_id = choices[0]
        registration.second_choice_id = choices[1] if len(choices) > 1 else None
        registration.save(update_fields=["workshop", "first_choice", "second_choice"])
        mails.after_commit(registration, "changed")
        capacity.recount()
        promote_waiting(capacity, registration.event_date_id)
    return registration


def registration_move(
    *, registration: Registration, event_date: EventDate, workshop: Workshop | None
) -> Registration:
    """Staff move a participant to another workshop and/or date of the same event.

    The target needs a free seat; the seat left behind goes to that waiting list.
    """
    if event_date.event_id != registration.event_date.event_id:
        raise InvalidChoice(_("Please choose a date of the same event."))
    source_date_id = registration.event_date_id
    with transaction.atomic():
        capacity = lock_capacity(date_ids={source_date_id, event_date.pk})
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if not registration.is_active:
            raise RegistrationClosed(_("A cancelled registration cannot be moved."))
        if workshop is not None and workshop.event_date_id != event_date.pk:
            raise InvalidChoice
        date_workshops = [
            w for w in capacity.workshops.values() if w.event_date_id == event_date.pk
        ]
        if date_workshops and workshop is None:
            raise InvalidChoice(_("Please choose a workshop."))
        if event_date.pk != source_date_id and (
            Registration.objects.active()
            .filter(event_date=event_date, email__iexact=registration.email)
            .exists()
        ):
            raise AlreadyRegistered(_("This person is already registered for that date."))
        same_date = event_date.pk == source_date_id
        holds = registration.holds_seat
        needs_date_seat = not (same_date and holds)
        if needs_date_seat and not capacity.date_has_seat(event_date.pk):
            raise NoSeat(_("That date is full."))
        needs_workshop_seat = workshop is not None and not (
            same_date and holds and registration.workshop_id == workshop.pk
        )
        if needs_workshop_seat and not capacity.workshop_has_seat(workshop.pk):
            raise NoSeat(_("That workshop is full."))
        registration.event_date = event_date
        registration.workshop = workshop
        if workshop is not None:
            registration.first_choice = workshop
            registration.second_choice = None
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
        mails.after_commit(registration, "changed")
        capacity.recount()
        for date_id in capacity.dates:
            promote_waiting(capacity, date_id)
    return registration


def registration_set_attended(*, registration: Registration, attended: bool) -> Registration:
    """Check-in on the day (and its undo). Only people with a seat can be checked in."""
    with transaction.atomic():
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
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
