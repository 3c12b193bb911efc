"""Working groups (Arbeitsgruppen, Arbeitskreise) of a region's network and their meetings."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from networks.models.actors import Organisation, Person
from portal.lib import l10n
from portal.lib.files import UnguessableName
from portal.models import FieldOfAction, Region, RegionScopedQuerySet


class WorkingGroupQuerySet(RegionScopedQuerySet):
    def public(self):
        return self.filter(is_public=True)

    def with_field_of_action(self, field_of_action):
        return self.filter(fields_of_action=field_of_action)


class WorkingGroup(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        PAUSED = "paused", _("Paused")
        CLOSED = "closed", _("Closed")

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="working_groups")
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("address"), max_length=200)
    fields_of_action = models.ManyToManyField(
        FieldOfAction,
        blank=True,
        related_name="working_groups",
        verbose_name=_("fields of action"),
    )
    purpose = models.TextField(_("purpose"), blank=True)
    public_description = models.TextField(
        _("public description"), blank=True, help_text=_("Markdown; shown on the public page.")
    )
    lead_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="led_working_groups",
        verbose_name=_("lead organisation"),
    )
    lead_person = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="led_working_groups",
        verbose_name=_("lead person"),
    )
    member_organisations = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="working_groups",
        verbose_name=_("member organisations"),
    )
    member_persons = models.ManyToManyField(
        Person, blank=True, related_name="working_groups", verbose_name=_("member persons")
    )
    founded = models.DateField(_("founded"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    is_public = models.BooleanField(_("shown to the public"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    translations = GenericRelation("portal.Translation")
    history = HistoricalRecords()
    objects = WorkingGroupQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")
        constraints = [
            models.UniqueConstraint(fields=["region", "slug"], name="working_group_unique_slug")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse(
            "networks:working_group_detail",
            kwargs={"region": self.region.slug, "slug": self.slug},
        )

    @property
    def accepts_members(self) -> bool:
        return self.status != self.Status.CLOSED


class MeetingQuerySet(RegionScopedQuerySet):
    region_field = "working_group__region"

    def upcoming(self, now=None):
        return self.filter(starts_at__gte=now or timezone.now()).order_by("starts_at")

    def past(self, now=None):
        return self.filter(starts_at__lt=now or timezone.now()).order_by("-starts_at")


class WorkingGroupMeeting(models.Model):
    working_group = models.ForeignKey(
        WorkingGroup, on_delete=models.CASCADE, related_name="meetings"
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=300, blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    minutes = models.TextField(_("minutes"), blank=True)
    minutes_public = models.BooleanField(
        _("minutes are public"),
        default=False,
        help_text=_("Public minutes and their files are shown on the group's public page."),
    )
    attendees = models.ManyToManyField(
        Person, blank=True, related_name="attended_meetings", verbose_name=_("attendance")
    )
    guests = models.PositiveIntegerField(_("further participants"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()
    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__isnull=True)
                | models.Q(ends_at__gte=models.F("starts_at")),
                name="meeting_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.working_group} – {l10n.format_date(self.starts_at, 'medium')}"


class MeetingDocumentQuerySet(RegionScopedQuerySet):
    region_field = "meeting__working_group__region"

    def public(self):
        return self.filter(meeting__minutes_public=True, meeting__working_group__is_public=True)


class MeetingDocument(models.Model):
    """A file attached to a meeting's minutes: PDF or office documents only (checked)."""

    meeting = models.ForeignKey(
        WorkingGroupMeeting, on_delete=models.CASCADE, related_name="documents"
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=UnguessableName("networks/minutes"))
    content_type = models.CharField(max_length=120)
    size = models.PositiveIntegerField(default=0)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    objects = MeetingDocumentQuerySet.as_manager()

    class Meta:
        ordering = ["uploaded_at"]
        verbose_name = _("meeting document")
        verbose_name_plural = _("meeting documents")

    def __str__(self) -> str:
        return self.title


class JoinRequestQuerySet(RegionScopedQuerySet):
    region_field = "working_group__region"

    def open(self):
        return self.filter(status=JoinRequest.Status.NEW)


class JoinRequest(models.Model):
    """Somebody asks to join a working group; staff answer it from the back-office."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    working_group = models.ForeignKey(
        WorkingGroup, on_delete=models.CASCADE, related_name="join_requests"
    )
    name = models.CharField(_("your name"), max_length=150)
    organisation_name = models.CharField(_("organisation (optional)"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone (optional)"), max_length=60, blank=True)
    message = models.TextField(_("why would you like to join?"), blank=True)
    # What the person stated when asking; accepting copies it to their contact person.
    public_consent = models.BooleanField(
        _("I agree to be named publicly as a member of this working group."),
        default=False,
        help_text=_("Your name and organisation appear on the working group's public page."),
    )
    member = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The contact person the request was accepted as.",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW
    )
    answer = models.TextField(_("answer"), blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True)

    objects = JoinRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("join request")
        verbose_name_plural = _("join requests")

    def __str__(self) -> str:
        return f"{self.name} → {self.working_group}"
