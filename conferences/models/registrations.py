"""Registrations: one seat (or a place on the waiting list) for one date of an event."""

from __future__ import annotations

import secrets
import uuid
from collections import defaultdict
from collections.abc import Iterable
from typing import Self

from django.db import models
from django.db.models import Count
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from conferences.models.events import EventDate, Workshop
from portal.models import RegionScopedQuerySet


def new_token() -> str:
    return secrets.token_urlsafe(32)


class RegistrationQuerySet(RegionScopedQuerySet):
    region_field = "event_date__event__region"

    def holding_seat(self) -> Self:
        return self.filter(status__in=Registration.SEAT_STATUSES)

    def active(self) -> Self:
        return self.filter(status__in=Registration.ACTIVE_STATUSES)

    def waiting(self) -> Self:
        """The waiting list, first come first served."""
        return self.filter(status=Registration.Status.WAITING).order_by("waiting_since", "id")

    def seats_taken(self, date_ids: Iterable[int]) -> tuple[dict[int, int], dict[int, int]]:
        """Seat holders per date and per workshop, in one grouped query.

        The one count of seats: shown to visitors and staff, and used under the lock by
        ``conferences.services.seats`` (whose database function counts the same statuses).
        """
        per_date: dict[int, int] = defaultdict(int)
        per_workshop: dict[int, int] = {}
        rows = (
            self.filter(event_date_id__in=list(date_ids))
            .holding_seat()
            .values_list("event_date_id", "workshop_id")
            .annotate(n=Count("id"))
            .order_by()
        )
        for date_id, workshop_id, n in rows:
            per_date[date_id] += n
            if workshop_id:
                per_workshop[workshop_id] = n
        return dict(per_date), per_workshop


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("Waiting list")
        CANCELLED = "cancelled", _("Cancelled")
        ATTENDED = "attended", _("Attended")

    class Source(models.TextChoices):
        ONLINE = "online", _("Online form")
        STAFF = "staff", _("Entered by staff")

    SEAT_STATUSES = (Status.CONFIRMED, Status.ATTENDED)
    ACTIVE_STATUSES = (Status.CONFIRMED, Status.WAITING, Status.ATTENDED)
    # Set by conferences.selectors.participants on the waiting list, for display (1 = next).
    position: int

    event_date = models.ForeignKey(
        EventDate, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("date")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    # The workshop the seat is in (confirmed) or the one waited for (waiting list).
    workshop = models.ForeignKey(
        Workshop,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registrations",
        verbose_name=_("workshop"),
    )
    first_choice = models.ForeignKey(
        Workshop,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("first choice"),
    )
    second_choice = models.ForeignKey(
        Workshop,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("second choice"),
    )
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail"))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    accessibility_needs = models.TextField(_("accessibility needs"), blank=True)
    dietary_needs = models.CharField(_("dietary needs"), max_length=300, blank=True)
    language = models.CharField(_("language"), max_length=10, blank=True)
    consent_at = models.DateTimeField(_("consent to the privacy notice given at"), null=True)
    source = models.CharField(
        _("source"), max_length=10, choices=Source.choices, default=Source.ONLINE
    )
    token = models.CharField(max_length=64, default=new_token, editable=False)
    # A hidden UUID in the form: a double submit finds the first registration instead of
    # creating a second one.
    idempotency_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    waiting_since = models.DateTimeField(_("on the waiting list since"), null=True, blank=True)
    promoted_at = models.DateTimeField(_("moved up at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            # The same e-mail cannot hold two seats (or waiting places) on one date.
            models.UniqueConstraint(
                "event_date",
                Lower("email"),
                condition=models.Q(status__in=["confirmed", "waiting", "attended"]),
                name="registration_one_per_email_and_date",
            ),
        ]
        indexes = [
            models.Index(fields=["event_date", "status"], name="registration_date_status"),
            models.Index(fields=["workshop", "status"], name="registration_ws_status"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_status_display()})"

    @property
    def holds_seat(self) -> bool:
        return self.status in self.SEAT_STATUSES

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE_STATUSES

    @property
    def choices(self) -> list[Workshop]:
        return [w for w in (self.first_choice, self.second_choice) if w is not None]

    def self_service_path(self) -> str:
        return reverse("conferences:self_service", kwargs={"pk": self.pk, "token": self.token})

    @staticmethod
    def new_idempotency_key() -> uuid.UUID:
        return uuid.uuid4()
