"""Events, their dates, venues, programme and parallel workshops."""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.lib import l10n
from portal.lib.files import UnguessableName
from portal.models import FieldOfAction, Municipality, Region, RegionScopedQuerySet


class Venue(models.Model):
    """A place where event dates happen, with what people need to know to get in."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="venues")
    name = models.CharField(_("name"), max_length=200)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="venues",
        verbose_name=_("municipality"),
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    step_free_access = models.BooleanField(_("step-free access"), default=False)
    accessible_toilet = models.BooleanField(_("accessible toilet"), default=False)
    hearing_loop = models.BooleanField(_("hearing loop"), default=False)
    accessibility_notes = models.TextField(_("further accessibility notes"), blank=True)
    public_transport = models.TextField(_("public transport"), blank=True)

    history = HistoricalRecords()
    objects = RegionScopedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("venue")
        verbose_name_plural = _("venues")

    def __str__(self) -> str:
        return f"{self.name}, {self.city}" if self.city else self.name

    @property
    def address_lines(self) -> list[str]:
        return [line for line in (self.street, f"{self.postcode} {self.city}".strip()) if line]

    @property
    def address(self) -> str:
        return ", ".join([self.name, *self.address_lines])


class EventQuerySet(RegionScopedQuerySet):
    def published(self):
        """Visible to the public: published or cancelled (a cancellation must stay visible)."""
        return self.exclude(status=Event.Status.DRAFT)

    def upcoming(self):
        return self.filter(dates__end__gte=timezone.now()).distinct()

    def past(self):
        return self.exclude(dates__end__gte=timezone.now()).filter(dates__isnull=False).distinct()


class Event(models.Model):
    class Kind(models.TextChoices):
        CONFERENCE = "conference", _("Conference")
        NETWORK_MEETING = "network_meeting", _("Network meeting")
        PARTICIPATION_WORKSHOP = "participation_workshop", _("Participation workshop")
        INFO_EVENT = "info_event", _("Information event")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        CANCELLED = "cancelled", _("Cancelled")

    class Access(models.TextChoices):
        OPEN = "open", _("Open to everyone")
        INVITATION = "invitation", _("By invitation code")

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.CONFERENCE)
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address"), max_length=200)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    description = models.TextField(
        _("description"), blank=True, help_text=_("Markdown: **bold**, lists with -, links.")
    )
    fields_of_action = models.ManyToManyField(
        FieldOfAction, blank=True, related_name="events", verbose_name=_("fields of action")
    )
    language = models.CharField(
        _("language of the event"),
        max_length=10,
        choices=l10n.interface_languages,
        default="de",
        help_text=_("E-mails go out in this language when a participant chose none."),
    )
    image = models.ImageField(_("image"), upload_to=UnguessableName("events"), blank=True)
    image_alt = models.CharField(_("image description (alt text)"), max_length=200, blank=True)
    # Organiser contact
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=60, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    # Registration settings
    registration_enabled = models.BooleanField(_("online registration"), default=True)
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(_("registration closes"), null=True, blank=True)
    registration_closed = models.BooleanField(_("registration closed by staff"), default=False)
    access = models.CharField(
        _("who may register"), max_length=12, choices=Access.choices, default=Access.OPEN
    )
    invitation_code = models.CharField(_("invitation code"), max_length=60, blank=True)
    ask_organisation = models.BooleanField(_("ask for the organisation"), default=True)
    ask_phone = models.BooleanField(_("ask for a phone number"), default=False)
    ask_accessibility_needs = models.BooleanField(_("ask about accessibility needs"), default=True)
    ask_dietary_needs = models.BooleanField(_("ask about dietary needs"), default=False)
    # Documentation after the event (workshop results are on the workshops)
    documentation = models.TextField(_("documentation"), blank=True)
    documentation_published = models.BooleanField(_("documentation published"), default=False)
    copied_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="copies"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    translations = GenericRelation("portal.Translation")
    history = HistoricalRecords(m2m_fields=[fields_of_action])
    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [models.UniqueConstraint(fields=["region", "slug"], name="event_unique_slug")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "conferences:event_detail", kwargs={"region": self.region.slug, "slug": self.slug}
        )

    @property
    def image_url(self) -> str:
        """The image through its view (public once the event is), never from /media/."""
        return reverse(
            "conferences:event_image", kwargs={"region": self.region.slug, "slug": self.slug}
        )

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    def registration_state(self, now=None) -> str:
        """Why registration is (not) possible: "open", "not_yet", "closed" or "none"."""
        now = now or timezone.now()
        if self.status != self.Status.PUBLISHED or not self.registration_enabled:
            return "none"
        if self.registration_closed:
            return "closed"
        if self.registration_opens and now < self.registration_opens:
            return "not_yet"
        if self.registration_closes and now >= self.registration_closes:
            return "closed"
        return "open"

    @property
    def registration_open(self) -> bool:
        return self.registration_state() == "open"


class EventDateQuerySet(RegionScopedQuerySet):
    region_field = "event__region"

    def upcoming(self):
        return self.filter(end__gte=timezone.now())


class EventDate(models.Model):
    """One date of an event (identical workshops at four places are four dates)."""

    # Set by conferences.selectors.annotate_seats for display (None = no limit).
    taken: int
    remaining: int | None
    # Set by the staff event overview (conferences.views.staff_events) for display.
    waiting_count: int

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="dates")
    label = models.CharField(
        _("label"), max_length=120, blank=True, help_text=_("e.g. the town, if several dates")
    )
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    venue = models.ForeignKey(
        Venue,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="dates",
        verbose_name=_("venue"),
    )
    seats = models.PositiveIntegerField(
        _("seats"), null=True, blank=True, help_text=_("Empty = no limit.")
    )
    cancelled = models.BooleanField(_("cancelled"), default=False)

    history = HistoricalRecords()
    objects = EventDateQuerySet.as_manager()

    class Meta:
        ordering = ["start", "id"]
        verbose_name = _("date")
        verbose_name_plural = _("dates")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")), name="eventdate_end_after_start"
            )
        ]

    def __str__(self) -> str:
        when = l10n.format_datetime(self.start, "medium")
        return f"{self.event.title} – {self.label or when}" if self.label else when

    @property
    def is_past(self) -> bool:
        return self.end < timezone.now()


class ProgrammeItemQuerySet(RegionScopedQuerySet):
    region_field = "event_date__event__region"


class ProgrammeItem(models.Model):
    event_date = models.ForeignKey(EventDate, on_delete=models.CASCADE, related_name="programme")
    start = models.TimeField(_("time"))
    end = models.TimeField(_("until"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=200)
    speaker = models.CharField(_("speaker"), max_length=200, blank=True)

    translations = GenericRelation("portal.Translation")
    objects = ProgrammeItemQuerySet.as_manager()

    class Meta:
        ordering = ["start", "id"]
        verbose_name = _("programme item")
        verbose_name_plural = _("programme")

    def __str__(self) -> str:
        return f"{l10n.format_time(self.start)} {self.title}"


class WorkshopQuerySet(RegionScopedQuerySet):
    region_field = "event_date__event__region"


class Workshop(models.Model):
    """A parallel workshop of one date, with its own seats and, afterwards, its results."""

    # Set by conferences.selectors.annotate_seats for display (None = no limit).
    taken: int
    remaining: int | None

    event_date = models.ForeignKey(EventDate, on_delete=models.CASCADE, related_name="workshops")
    title = models.CharField(_("title"), max_length=200)
    # What the workshop is about, for people choosing one (plain text, a few sentences).
    description = models.TextField(_("description"), blank=True, max_length=2000)
    field_of_action = models.ForeignKey(
        FieldOfAction,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="workshops",
        verbose_name=_("field of action"),
    )
    seats = models.PositiveIntegerField(
        _("seats"), null=True, blank=True, help_text=_("Empty = no limit.")
    )
    room = models.CharField(_("room"), max_length=120, blank=True)
    moderation = models.CharField(_("moderation"), max_length=200, blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    # Results (Handlungsbedarfe, Handlungsempfehlungen), published as the event's documentation
    needs = models.TextField(_("identified needs"), blank=True)
    recommendations = models.TextField(_("recommendations"), blank=True)
    # The measures of the integration concept these results led to (issue: results become
    # inputs to the concept). Revisions copy measures with their lineage, so a link also
    # names the later versions of the measure (see conferences.selectors.measure_origins).
    measures = models.ManyToManyField(
        "networks.Measure",
        blank=True,
        related_name="workshop_results",
        verbose_name=_("measures of the integration concept"),
    )

    translations = GenericRelation("portal.Translation")
    history = HistoricalRecords()
    objects = WorkshopQuerySet.as_manager()

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")

    def __str__(self) -> str:
        return self.title

    @property
    def has_results(self) -> bool:
        return bool(self.needs or self.recommendations)
