"""What the conferences app keeps about people, and for how long (see portal.retention)."""

from __future__ import annotations

from typing import Any

from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from conferences.models import Event, Registration
from conferences.tasks import anonymise_region
from portal import hooks
from portal.models import Region
from portal.retention import RetentionRule, SubjectData, record

REGISTRATION_FIELDS = (
    "name",
    "email",
    "organisation",
    "phone",
    "accessibility_needs",
    "dietary_needs",
    "token",
)
EVENT_CONTACT_FIELDS = ("contact_name", "contact_email", "contact_phone")


def _registrations(region: Region, email: str) -> Any:
    return Registration.objects.in_region(region).filter(
        email__iexact=email, anonymised_at__isnull=True
    )


def _find_registrations(region: Region, email: str) -> list[dict[str, Any]]:
    return [
        {
            str(_("event")): str(r.event_date.event),
            **record(
                r,
                (
                    "created_at",
                    "status",
                    "name",
                    "email",
                    "organisation",
                    "phone",
                    "accessibility_needs",
                    "dietary_needs",
                    "language",
                ),
            ),
        }
        for r in _registrations(region, email).select_related("event_date__event")
    ]


def _erase_registrations(region: Region, email: str) -> int:
    """Anonymise as the retention rule does: the seat counts stay right."""
    return _registrations(region, email).update(
        name="",
        email=Concat(Value("anonymised-"), Cast("id", CharField()), Value("@invalid")),
        organisation="",
        phone="",
        accessibility_needs="",
        dietary_needs="",
        token="",
        idempotency_key=None,
        anonymised_at=timezone.now(),
    )


def _find_event_contacts(region: Region, email: str) -> list[dict[str, Any]]:
    events = Event.objects.in_region(region).filter(contact_email__iexact=email)
    return [record(e, ("title", *EVENT_CONTACT_FIELDS)) for e in events]


def _erase_event_contacts(region: Region, email: str) -> int:
    """The event stays; its contact goes, in every earlier version too."""
    blank = {"contact_name": "", "contact_email": "", "contact_phone": ""}
    Event.history.filter(region_id=region.pk, contact_email__iexact=email).update(**blank)
    return Event.objects.in_region(region).filter(contact_email__iexact=email).update(**blank)


def register() -> None:
    for rule in (
        RetentionRule(
            key="registrations",
            label=_("Event registrations"),
            action=_("Anonymised, counted from the end of the event; the seat counts stay."),
            covers=tuple(f"conferences.Registration.{name}" for name in REGISTRATION_FIELDS),
            default_days=90,
            apply=anonymise_region,
            region_field="registration_retention_days",
            order=10,
        ),
        RetentionRule(
            key="event_contacts",
            label=_("Contacts, speakers and moderators of events"),
            action=_("Published with the event and kept while it exists; staff change them."),
            covers=(
                *(f"conferences.Event.{name}" for name in EVENT_CONTACT_FIELDS),
                "conferences.ProgrammeItem.speaker",
                "conferences.Workshop.moderation",
            ),
            order=11,
        ),
    ):
        hooks.register(hooks.RETENTION_RULES, rule)
    for source in (
        SubjectData(
            "registrations",
            _("Event registrations"),
            _find_registrations,
            _erase_registrations,
            order=10,
        ),
        SubjectData(
            "event_contacts",
            _("Contact of an event"),
            _find_event_contacts,
            _erase_event_contacts,
            order=11,
        ),
    ):
        hooks.register(hooks.SUBJECT_DATA, source)
    from conferences.tasks import REMINDERS

    hooks.register(hooks.REGION_JOBS, REMINDERS)
