"""Event workflows of the staff: publish, close, cancel, copy, message participants."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from conferences.models import Event, EventDate, ProgrammeItem, Registration, Workshop
from conferences.services import mails, seats
from conferences.services.registrations import rebalance
from portal.lib import jobs
from portal.lib.models import delete_files_after_commit
from portal.models import Region


def event_publish(*, event: Event) -> Event:
    event.status = Event.Status.PUBLISHED
    event.published_at = event.published_at or timezone.now()
    event.save(update_fields=["status", "published_at", "updated_at"])
    return event


class EventNotDeletable(Exception):
    """Only a draft nobody registered for may be deleted; anything else is cancelled."""


@transaction.atomic
def event_delete(*, event: Event) -> None:
    """Delete a draft event with its dates, programme and workshops (its image goes with it).
    A published event has been announced and may hold registrations: it is cancelled, so
    everyone registered is told, never deleted."""
    # The dates' locks, as registrations take them: one added by staff meanwhile waits, then
    # finds the event gone (or is seen here and the draft stays).
    seats.lock(date_ids=EventDate.objects.filter(event=event).values_list("pk", flat=True))
    current = Event.objects.filter(pk=event.pk).first()
    if current is None:
        return  # deleted by a double submit
    if (
        current.status != Event.Status.DRAFT
        or Registration.objects.filter(event_date__event=current).exists()
    ):
        raise EventNotDeletable
    current.delete()


def event_set_registration_closed(*, event: Event, closed: bool) -> Event:
    event.registration_closed = closed
    event.save(update_fields=["registration_closed", "updated_at"])
    return event


def event_cancel(*, event: Event) -> int:
    """Cancel the event and every registration; everyone registered is told. Returns how many.

    Takes the locks of every date first, as registrations and promotions do: a registration
    that arrives meanwhile waits, then finds the event cancelled and is refused, instead of
    being confirmed for a cancelled event and never told.
    """
    with transaction.atomic():
        date_ids = list(EventDate.objects.filter(event=event).values_list("pk", flat=True))
        capacity = seats.lock(
            date_ids=date_ids,
            registrations=Registration.objects.filter(event_date__event=event).active(),
        )
        # Under the locks a second cancellation (double submit) finds nothing left to do.
        if (
            not Event.objects.filter(pk=event.pk)
            .exclude(status=Event.Status.CANCELLED)
            .update(status=Event.Status.CANCELLED, updated_at=timezone.now())
        ):
            event.status = Event.Status.CANCELLED
            return 0
        event.status = Event.Status.CANCELLED
        registrations = list(capacity.registrations.values())
        now = timezone.now()
        for registration in registrations:
            registration.status = Registration.Status.CANCELLED
            registration.cancelled_at = now
            mails.queue(registration, "event_cancelled")
        Registration.objects.bulk_update(registrations, ["status", "cancelled_at"])
    return len(registrations)


def event_saved(*, event: Event) -> None:
    """After the editor saved dates and workshops: seats may have grown, so move people up."""
    rebalance(event_date_ids=list(event.dates.values_list("pk", flat=True)))


def _shift_year(value: datetime, years: int) -> datetime:
    """The same weekday and local time, 52 weeks per year later.

    A conference on a Friday stays on a Friday: 52 weeks is the same weekday nearest to one
    calendar year later (364 days; a year has 365 or 366). The shift is done on the local wall
    clock, so 14:00 stays 14:00 across daylight saving time.
    """
    local = timezone.localtime(value)
    shifted = local.replace(tzinfo=None) + timedelta(weeks=52 * years)
    return timezone.make_aware(shifted, local.tzinfo)


def _free_slug(event: Event, base: str) -> str:
    slug, n = base, 2
    while Event.objects.in_region(event.region).filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def event_copy(*, event: Event, years: int = 1) -> Event:
    """A draft copy for next year: same programme, workshops and venues, no registrations."""
    dates = list(event.dates.prefetch_related("programme", "workshops"))
    fields = list(event.fields_of_action.all())
    first_year = (
        timezone.localtime(_shift_year(dates[0].start, years)).year
        if dates
        else timezone.now().year
    )
    copy = Event.objects.get(pk=event.pk)
    copy.pk = None
    copy.id = None
    copy._state.adding = True
    copy.status = Event.Status.DRAFT
    copy.published_at = None
    copy.registration_closed = False
    copy.registration_opens = None
    copy.registration_closes = None
    copy.documentation = ""
    copy.documentation_published = False
    copy.copied_from = event
    base = slugify(f"{event.slug.rstrip('0123456789-')}-{first_year}")[:190]
    copy.slug = _free_slug(event, base)
    copy.save()
    copy.fields_of_action.set(fields)
    for old in dates:
        new = EventDate.objects.create(
            event=copy,
            label=old.label,
            start=_shift_year(old.start, years),
            end=_shift_year(old.end, years),
            venue=old.venue,
            seats=old.seats,
        )
        ProgrammeItem.objects.bulk_create(
            ProgrammeItem(
                event_date=new, start=p.start, end=p.end, title=p.title, speaker=p.speaker
            )
            for p in old.programme.all()
        )
        Workshop.objects.bulk_create(
            Workshop(
                event_date=new,
                title=w.title,
                description=w.description,
                field_of_action=w.field_of_action,
                seats=w.seats,
                room=w.room,
                moderation=w.moderation,
                order=w.order,
            )
            for w in old.workshops.all()
        )
    return copy


def date_message_send(
    *, event_date: EventDate, subject: str, body: str, include_waiting: bool = False
) -> int:
    """Staff write to everyone with a seat (and optionally the waiting list) of one date.

    The request only fixes who gets the message (one query) and queues one job per recipient
    (one INSERT); the jobs render and queue the mails, each retried on its own. Returns the
    number of recipients.
    """
    from conferences.tasks import send_date_message

    statuses = list(Registration.SEAT_STATUSES)
    if include_waiting:
        statuses.append(Registration.Status.WAITING)
    recipient_ids = list(
        Registration.objects.filter(
            event_date=event_date, status__in=statuses, anonymised_at__isnull=True
        ).values_list("pk", flat=True)
    )
    recipients = [{"registration_id": pk, "subject": subject, "body": body} for pk in recipient_ids]
    jobs.batch_defer(send_date_message, *recipients)
    return len(recipients)


def region_files_delete(*, region: Region) -> None:
    """The region is being deleted: its events' images go with it (after commit). Listens to
    portal's hooks.REGION_DELETED."""
    delete_files_after_commit(Event.objects.in_region(region), "image")
