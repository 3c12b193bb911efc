"""What the portal keeps about keeping personal data: retention periods per county, nightly
work that failed for a county, and the log of data subject requests."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.models.regions import Region, RegionScopedQuerySet

# Bounds of every retention period a county can set (days). Ten years covers any archive duty.
RETENTION_MIN_DAYS = 1
RETENTION_MAX_DAYS = 3650


class RetentionPeriod(models.Model):
    """A county's own period for one retention rule (portal.retention); without a row the
    rule's default applies."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="retention_periods")
    rule = models.CharField(max_length=60)
    days = models.PositiveIntegerField(
        _("days"),
        validators=[
            MinValueValidator(RETENTION_MIN_DAYS),
            MaxValueValidator(RETENTION_MAX_DAYS),
        ],
    )

    objects = RegionScopedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["region", "rule"], name="retention_period_unique"),
            models.CheckConstraint(
                condition=models.Q(days__gte=RETENTION_MIN_DAYS, days__lte=RETENTION_MAX_DAYS),
                name="retention_period_days_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rule}: {self.days}"


class RegionJobFailure(models.Model):
    """Nightly work that failed for one county (portal.lib.regionjobs). Removed when the work
    succeeds again; retried hourly; counted on /health/."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="job_failures")
    job = models.CharField(max_length=80)
    error = models.TextField()
    attempts = models.PositiveIntegerField(default=1)
    first_failed_at = models.DateTimeField(auto_now_add=True)
    last_failed_at = models.DateTimeField()

    objects = RegionScopedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["region", "job"], name="region_job_failure_unique")
        ]

    def __str__(self) -> str:
        return f"{self.job} ({self.region_id})"


class SubjectRequestLog(models.Model):
    """Who searched, exported or erased the data of an e-mail address, when, and how many
    records of which kind: never the address or the data itself."""

    class Action(models.TextChoices):
        SEARCH = "search", _("Searched")
        EXPORT = "export", _("Exported")
        ERASE = "erase", _("Erased")

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="subject_requests")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    counts = models.JSONField(default=dict)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    objects = RegionScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.action} {self.created_at:%Y-%m-%d}"
