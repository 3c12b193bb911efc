"""Background jobs of the conferences app: participant mails, reminders, anonymisation."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone
from procrastinate.contrib.django import app

from conferences import ical
from conferences.models import Registration
from portal.lib.mail import Attachment, queue_templated_mail
from portal.lib.regionjobs import RegionJob, run_for_regions
from portal.models import Region
from portal.tasks import MAIL_RETRY
from portal.translations import translated

logger = logging.getLogger(__name__)

# Kinds whose mail carries the date as a calendar file.
WITH_CALENDAR = {"confirmed", "moved_up", "changed", "reminder"}


def mail_context(registration: Registration) -> dict:
    event_date = registration.event_date
    event = event_date.event
    return {
        "registration": registration,
        "event_date": event_date,
        "event": event,
        "venue": event_date.venue,
        "region": event.region,
        "self_service_url": settings.SITE_URL + registration.self_service_path(),
        "event_url": settings.SITE_URL + event.get_absolute_url(),
    }


def registration_mail(registration: Registration, kind: str, purpose: str = ""):
    """Queue the mail of one kind for one registration (in its language)."""
    event = registration.event_date.event
    language = registration.language or event.language
    attachments = []
    if kind in WITH_CALENDAR and registration.holds_seat:
        title = translated(event, "title", language, region=event.region).text
        attachments.append(
            Attachment(
                filename="termin.ics",
                mimetype="text/calendar",
                content=ical.calendar_bytes(title, [registration.event_date], language),
            )
        )
    return queue_templated_mail(
        to=registration.email,
        template_prefix=f"conferences/email/{kind}",
        context=mail_context(registration),
        language=language,
        region=event.region,
        reply_to=event.contact_email,
        attachments=attachments,
        purpose=purpose,
    )


def _purpose(context) -> str:
    """The job owes one mail: a rerun of the job (a retry, a recovered stalled job) finds the
    mail it queued before instead of queueing a second one."""
    job = getattr(context, "job", None)
    return f"job:{job.id}" if job is not None and job.id is not None else ""


@app.task(
    name="conferences.send_registration_mail",
    queue="mail",
    pass_context=True,
    retry=MAIL_RETRY,
)
def send_registration_mail(context, registration_id: int, kind: str) -> None:
    registration = (
        Registration.objects.select_related(
            "event_date__event__region", "event_date__venue", "workshop"
        )
        .filter(pk=registration_id, anonymised_at__isnull=True)
        .first()
    )
    if registration is None:
        return
    with transaction.atomic():
        registration_mail(registration, kind, purpose=_purpose(context))


@app.task(
    name="conferences.send_date_message",
    queue="mail",
    pass_context=True,
    retry=MAIL_RETRY,
)
def send_date_message(context, registration_id: int, subject: str, body: str) -> None:
    """Staff's message to the participants of a date: one job (and one mail) per recipient."""
    registration = (
        Registration.objects.select_related("event_date__event__region", "event_date__venue")
        .filter(pk=registration_id, anonymised_at__isnull=True)
        .first()
    )
    if registration is None:
        return
    event = registration.event_date.event
    with transaction.atomic():
        queue_templated_mail(
            to=registration.email,
            template_prefix="conferences/email/staff_message",
            context={**mail_context(registration), "subject": subject, "body": body},
            language=registration.language or event.language,
            region=event.region,
            reply_to=event.contact_email,
            purpose=_purpose(context),
        )


def remind_region(region: Region, now: datetime) -> int:
    """Remind everyone with a seat, ``region.reminder_days_before`` days before their date."""
    day = timezone.localdate(now) + timedelta(days=region.reminder_days_before)
    due = (
        Registration.objects.in_region(region)
        .holding_seat()
        .filter(
            reminder_sent_at__isnull=True,
            event_date__start__date=day,
            event_date__cancelled=False,
            event_date__event__status="published",
        )
        .select_related("event_date__event__region", "event_date__venue", "workshop")
    )
    sent = 0
    for registration in due:
        registration_mail(registration, "reminder")
        registration.reminder_sent_at = now
        registration.save(update_fields=["reminder_sent_at"])
        sent += 1
    return sent


def anonymise_region(region: Region, now: datetime, days: int | None = None) -> int:
    """Erase personal data of registrations whose event ended more than the region's retention
    period ago. Status, date and workshop stay, so the counts stay right."""
    days = region.registration_retention_days if days is None else days
    cutoff = now - timedelta(days=days)
    expired = (
        Registration.objects.in_region(region)
        .filter(anonymised_at__isnull=True)
        .exclude(event_date__event__dates__end__gt=cutoff)
    )
    return expired.update(
        name="",
        email=Concat(Value("anonymised-"), Cast("id", CharField()), Value("@invalid")),
        organisation="",
        phone="",
        accessibility_needs="",
        dietary_needs="",
        token="",
        idempotency_key=None,
        anonymised_at=now,
    )


REMINDERS = RegionJob("conferences.reminders", remind_region)


def send_reminders(now: datetime | None = None) -> int:
    """Every county's reminders; a county that fails is recorded and retried on its own."""
    return run_for_regions(REMINDERS, now=now).total


def anonymise_registrations(now: datetime | None = None) -> int:
    """Every county's expired registrations (the nightly retention job does this per rule)."""
    now = now or timezone.now()
    return sum(anonymise_region(region, now) for region in Region.objects.all())


@app.periodic(cron="0 7 * * *")
@app.task(name="conferences.daily_reminders", queue="default")
def daily_reminders(timestamp: int) -> None:
    logger.info("Event reminders sent: %s", send_reminders())
