"""Every outgoing e-mail is a row first: stored with the change that owes it, sent by a job,
retried, logged."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.lib import l10n
from portal.models.regions import Region, RegionScopedQuerySet

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise as StrOrPromise


class OutgoingMailQuerySet(RegionScopedQuerySet):
    def with_job_state(self) -> OutgoingMailQuerySet:
        """Annotate what the sending job is doing, for the mail log's "true state": waiting
        for a retry (and until when), being sent, or stalled (its worker stopped)."""
        job = "SELECT {} FROM procrastinate_jobs j WHERE j.id = portal_outgoingmail.job_id"
        return self.annotate(
            job_status=RawSQL(job.format("j.status::text"), ()),
            job_scheduled_at=RawSQL(job.format("j.scheduled_at"), ()),
            job_stalled=RawSQL(
                "SELECT j.status = 'doing' AND (w.id IS NULL OR w.last_heartbeat "
                "< now() - make_interval(secs => %s)) FROM procrastinate_jobs j "
                "LEFT JOIN procrastinate_workers w ON w.id = j.worker_id "
                "WHERE j.id = portal_outgoingmail.job_id",
                (settings.JOB_STALLED_AFTER_SECONDS,),
            ),
        )

    def visible_to(self, membership) -> OutgoingMailQuerySet:
        """The mails a role needs: event staff see participants' mails only, editors all but
        the staff's own account mails, coordinators everything."""
        if membership.can("manage_region"):
            return self
        if membership.can("manage_content"):
            return self.exclude(topic=OutgoingMail.Topic.ACCOUNT)
        return self.filter(topic=OutgoingMail.Topic.REGISTRATION)


class OutgoingMail(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    class Topic(models.TextChoices):
        REGISTRATION = "registration", _("Event registrations")
        NETWORK = "network", _("Network and working groups")
        DIRECTORY = "directory", _("Offers and providers")
        OFFICE = "office", _("Messages to the office")
        ACCOUNT = "account", _("Staff accounts and invitations")

    region = models.ForeignKey(
        Region, on_delete=models.SET_NULL, null=True, blank=True, related_name="mails"
    )
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices, default=Topic.OFFICE)
    # What owes this mail, for writers that may run twice (a retried job): one row per
    # purpose, so a retry never queues the same mail again. Empty for mails queued by the
    # change itself, in its own transaction.
    purpose = models.CharField(max_length=200, blank=True, default="")
    to = models.EmailField(_("recipient"))
    reply_to = models.EmailField(_("reply to"), blank=True)
    subject = models.CharField(_("subject"), max_length=300)
    body_text = models.TextField()
    body_html = models.TextField(blank=True)
    # [{"filename": ..., "mimetype": ..., "content": <base64>}]
    attachments = models.JSONField(default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    # The procrastinate job that sends it (the latest one, after a resend): the mail log reads
    # the job's state from there (waiting for a retry, being sent, stalled).
    job_id = models.BigIntegerField(null=True, blank=True, editable=False)
    resent_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="resends"
    )

    objects = OutgoingMailQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("e-mail")
        verbose_name_plural = _("e-mails")
        indexes = [models.Index(fields=["region", "-created_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["purpose"], condition=~Q(purpose=""), name="one_mail_per_purpose"
            )
        ]

    def __str__(self) -> str:
        return f"{self.to}: {self.subject}"

    @property
    def delivery_state(self) -> StrOrPromise:
        """What is really happening to the mail (needs ``with_job_state()``)."""
        if self.status == self.Status.SENT:
            return _("Sent")
        if self.status == self.Status.FAILED:
            return _("Failed after %(attempts)s attempts") % {"attempts": self.attempts}
        job_status = getattr(self, "job_status", None)
        if job_status == "doing":
            if getattr(self, "job_stalled", False):
                return _("Stalled (its worker stopped): will be sent again within a minute")
            return _("Being sent")
        scheduled = getattr(self, "job_scheduled_at", None)
        if job_status == "todo" and scheduled and scheduled > timezone.now():
            return _("Next attempt at %(time)s") % {"time": l10n.format_time(scheduled)}
        return _("Waiting to be sent")

    @property
    def can_be_resent(self) -> bool:
        """Failed or sent mails whose text is still kept (the log blanks it after a while)."""
        return self.status != self.Status.QUEUED and bool(self.body_text or self.body_html)
