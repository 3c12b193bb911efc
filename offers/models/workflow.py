"""Keeping the directory current: change requests, the annual update round and imports."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from networks.models import Organisation
from offers.models.directory import Offer, ProviderContact
from portal.models import Region, RegionScopedQuerySet
from portal.models.regions import DaysRange, days_range_check


class ChangeRequestQuerySet(RegionScopedQuerySet):
    def pending(self):
        return self.filter(status=ChangeRequest.Status.PENDING)


class ChangeRequest(models.Model):
    """A proposed change (or a new offer) waiting for staff: from the public, a provider or an
    update-round answer. ``data`` holds only the proposed field values."""

    class Kind(models.TextChoices):
        OFFER_CHANGE = "offer_change", _("Change to an offer")
        OFFER_NEW = "offer_new", _("New offer")
        PROVIDER_CHANGE = "provider_change", _("Change to a provider")

    class Source(models.TextChoices):
        PUBLIC = "public", _("Public suggestion")
        PROVIDER = "provider", _("Provider")
        UPDATE_ROUND = "update_round", _("Update round")

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="change_requests")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    offer = models.ForeignKey(
        Offer, on_delete=models.CASCADE, null=True, blank=True, related_name="change_requests"
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="change_requests",
    )
    data = models.JSONField(default=dict)
    message = models.TextField(_("message"), blank=True)
    submitter_name = models.CharField(_("name"), max_length=150, blank=True)
    submitter_email = models.EmailField(_("e-mail"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(_("note to the submitter"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ChangeRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("change request")
        verbose_name_plural = _("change requests")

    def __str__(self) -> str:
        target = self.offer or self.organisation or self.data.get("title", "")
        return f"{self.get_kind_display()}: {target}"


# A reminder at most daily and at least once a year.
REMINDER_INTERVAL_DAYS = DaysRange(1, 365)


class UpdateRound(models.Model):
    """The annual update round (e.g. "Update 2027"): providers confirm, edit or archive."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="update_rounds")
    name = models.CharField(_("name"), max_length=120)
    deadline = models.DateField(_("deadline"))
    reminder_interval_days = models.PositiveSmallIntegerField(
        _("send a reminder every (days)"), default=14, validators=[REMINDER_INTERVAL_DAYS]
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Set when the deadline has passed and the region's policy was applied.
    closed_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()
    objects = RegionScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("update round")
        verbose_name_plural = _("update rounds")
        constraints = [
            days_range_check(
                "reminder_interval_days",
                REMINDER_INTERVAL_DAYS,
                "update_round_reminder_interval_days_range",
            )
        ]

    def __str__(self) -> str:
        return self.name


class UpdateRequestQuerySet(RegionScopedQuerySet):
    region_field = "round__region"

    def usable(self):
        """Links that still work: sent to the provider's address, or to an active contact."""
        return self.filter(
            models.Q(contact__isnull=True)
            | models.Q(contact__is_active=True, contact__user__is_active=True)
        )


class UpdateRequest(models.Model):
    """One provider contact's personal link in a round."""

    round = models.ForeignKey(UpdateRound, on_delete=models.CASCADE, related_name="requests")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    # A link sent to a contact is the contact's: it ends with them (see ``is_usable``).
    contact = models.ForeignKey(
        ProviderContact, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    email = models.EmailField(_("e-mail"))
    sent_at = models.DateTimeField(null=True, blank=True)
    reminders_sent = models.PositiveSmallIntegerField(default=0)
    last_sent_at = models.DateTimeField(null=True, blank=True)
    opened_at = models.DateTimeField(null=True, blank=True)

    objects = UpdateRequestQuerySet.as_manager()

    class Meta:
        ordering = ["organisation__name", "email"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "organisation", "email"], name="update_request_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.round}: {self.email}"

    @property
    def is_usable(self) -> bool:
        """False once the contact the link was sent to lost their access."""
        contact = self.contact  # no query when there is none
        if contact is None:
            return True
        return contact.is_active and contact.user.is_active


class OfferConfirmationQuerySet(RegionScopedQuerySet):
    region_field = "round__region"


class OfferConfirmation(models.Model):
    """A provider's answer for one offer in a round."""

    class Outcome(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        CHANGED = "changed", _("Changed")
        ARCHIVED = "archived", _("Archived")

    round = models.ForeignKey(UpdateRound, on_delete=models.CASCADE, related_name="answers")
    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="confirmations")
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    request = models.ForeignKey(
        UpdateRequest, on_delete=models.SET_NULL, null=True, blank=True, related_name="answers"
    )
    answered_at = models.DateTimeField(auto_now=True)

    objects = OfferConfirmationQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "offer"], name="offer_confirmation_unique")
        ]

    def __str__(self) -> str:
        return f"{self.offer}: {self.get_outcome_display()}"


class ImportBatch(models.Model):
    """An uploaded list kept between preview and commit (and afterwards, as a record)."""

    class What(models.TextChoices):
        OFFERS = "offers", _("Offers (with their providers)")
        PROVIDERS = "providers", _("Providers")

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="offer_imports")
    what = models.CharField(_("what the file contains"), max_length=10, choices=What.choices)
    filename = models.CharField(max_length=200)
    content = models.BinaryField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    committed_at = models.DateTimeField(null=True, blank=True)
    created_count = models.PositiveIntegerField(default=0)

    objects = RegionScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.filename
