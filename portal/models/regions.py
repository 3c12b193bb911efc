"""Regions (counties) and what every app hangs on them."""

from __future__ import annotations

import hashlib

from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.lib.files import UnguessableName
from portal.models.languages import validate_target_language

# Region pages live at /<slug>/, so a slug may not shadow a top-level route.
RESERVED_SLUGS = {
    "accounts",
    "admin",
    "staff",
    "static",
    "media",
    "health",
    "i18n",
    "sitemap.xml",
    "events",
    "offers",
    "network",
    "imprint",
    "privacy",
    "accessibility",
    "api",
    "feeds",
    "self-service",
    "provider",
    "update",
    "registration",
    "r",
    "invitation",
}


def validate_region_slug(value: str) -> None:
    if value in RESERVED_SLUGS:
        raise ValidationError(_("This address is reserved; please choose another one."))


@deconstructible
class DaysRange:
    """A number of days the nightly jobs can compute with: ``low`` to ``high`` inclusive.

    Unbounded periods (up to 2^31 days) overflowed the date arithmetic of the nightly jobs.
    The same bounds are check constraints in the database (``days_range_check``).
    """

    def __init__(self, low: int, high: int) -> None:
        self.low, self.high = low, high

    def __call__(self, value: int) -> None:
        if value is None or not self.low <= value <= self.high:
            raise ValidationError(
                _("Enter a number of days from %(low)s to %(high)s."),
                code="days_range",
                params={"low": self.low, "high": self.high},
            )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DaysRange) and (self.low, self.high) == (other.low, other.high)

    def __hash__(self) -> int:
        return hash((self.low, self.high))


def days_range_check(field: str, days: DaysRange, name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=models.Q(**{f"{field}__gte": days.low, f"{field}__lte": days.high}), name=name
    )


# Registration data is kept at least a day (the event's own follow-up) and at most ten years.
REGISTRATION_RETENTION_DAYS = DaysRange(1, 3650)
# Reminders go out on the day (0) up to two months before.
REMINDER_DAYS_BEFORE = DaysRange(0, 60)


class RegionScopedQuerySet(models.QuerySet):
    """Base for every model that belongs to one region: scoping is a method, not a memory."""

    region_field = "region"

    def in_region(self, region):
        queryset = self.filter(**{self.region_field: region})
        if self.region_field == "region" and isinstance(region, Region):
            # Every row is of this region: give each object the Region we already hold, as a
            # related manager would, so ``obj.region`` (get_absolute_url, templates) costs no
            # query per row.
            field = self.model._meta.get_field("region")
            queryset._known_related_objects = {
                **queryset._known_related_objects,
                field: {region.pk: region},
            }
        return queryset


class RegionQuerySet(models.QuerySet):
    def for_user(self, user):
        """Regions whose back-office the user may open."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self.all()
        return self.filter(memberships__user=user).distinct()


class Region(models.Model):
    class UnconfirmedOfferPolicy(models.TextChoices):
        MARK = "mark", _("Mark as not confirmed")
        HIDE = "hide", _("Hide from the public")

    class OutdatedTranslations(models.TextChoices):
        NOTE = "note", _("Shown with a note that the German text has changed")
        HIDE = "hide", _("Hidden: the German text is shown instead")

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("address"), unique=True, max_length=60, validators=[validate_region_slug]
    )
    county_key = models.CharField(
        _("official county key"),
        max_length=5,
        unique=True,
        validators=[RegexValidator(r"^\d{5}$", _("The county key has five digits."))],
        help_text=_("Amtlicher Kreisschlüssel, e.g. 03153"),
    )
    coat_of_arms = models.ImageField(
        _("coat of arms or logo"), upload_to=UnguessableName("regions"), blank=True
    )
    # The coordination office
    office_name = models.CharField(_("name of the coordination office"), max_length=200)
    office_department = models.CharField(_("department"), max_length=200, blank=True)
    postal_address = models.TextField(_("postal address"), blank=True)
    po_box = models.CharField(_("PO box"), max_length=120, blank=True)
    visiting_address = models.TextField(_("visiting address"), blank=True)
    opening_hours = models.TextField(_("opening hours"), blank=True)
    introduction = models.TextField(_("introduction"), blank=True)
    # Legal pages: the county is the publisher of its pages.
    imprint = models.TextField(_("imprint"), blank=True)
    privacy_notice = models.TextField(_("privacy notice"), blank=True)
    accessibility_statement = models.TextField(_("accessibility statement"), blank=True)
    # Settings the apps read
    registration_retention_days = models.PositiveIntegerField(
        _("keep registration data for (days after the event)"),
        default=90,
        validators=[REGISTRATION_RETENTION_DAYS],
    )
    reminder_days_before = models.PositiveIntegerField(
        _("send event reminders (days before)"), default=2, validators=[REMINDER_DAYS_BEFORE]
    )
    provider_edits_need_approval = models.BooleanField(
        _("provider edits wait for staff approval"), default=True
    )
    unconfirmed_offer_policy = models.CharField(
        _("after the update round's deadline, unconfirmed offers are"),
        max_length=10,
        choices=UnconfirmedOfferPolicy.choices,
        default=UnconfirmedOfferPolicy.MARK,
    )
    map_tile_url = models.CharField(
        _("map tile server URL"),
        max_length=300,
        blank=True,
        help_text=_("Leave empty to show no map tiles (no request to a third party)."),
    )
    map_attribution = models.CharField(_("map attribution"), max_length=300, blank=True)
    # Content translations (portal.translations): German is the source, these the targets.
    translation_languages = ArrayField(
        models.CharField(max_length=15, validators=[validate_target_language]),
        default=list,
        blank=True,
        verbose_name=_("languages our texts are translated into"),
    )
    outdated_translations = models.CharField(
        _("translations whose German text has changed are"),
        max_length=10,
        choices=OutdatedTranslations.choices,
        default=OutdatedTranslations.NOTE,
    )
    machine_translation = models.BooleanField(
        _("offer machine translation"),
        default=False,
        help_text=_(
            "Only when the portal's operator has configured a provider: the German texts are "
            "then sent to it when staff ask for a machine translation."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()
    objects = RegionQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        constraints = [
            days_range_check(
                "registration_retention_days",
                REGISTRATION_RETENTION_DAYS,
                "region_registration_retention_days_range",
            ),
            days_range_check(
                "reminder_days_before", REMINDER_DAYS_BEFORE, "region_reminder_days_before_range"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("portal:region_home", kwargs={"region": self.slug})

    @property
    def coat_of_arms_url(self) -> str:
        """The coat of arms through its view (never from /media/). Browsers keep it for an
        hour, so the address names the stored file: a new upload is a new address."""
        version = hashlib.sha256(self.coat_of_arms.name.encode()).hexdigest()[:12]
        return reverse("portal:coat_of_arms", kwargs={"region": self.slug}) + f"?v={version}"


class RegionContact(models.Model):
    """A phone number, fax or e-mail address of the coordination office."""

    class Kind(models.TextChoices):
        PHONE = "phone", _("Phone")
        FAX = "fax", _("Fax")
        EMAIL = "email", _("E-mail")

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="contacts")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    label = models.CharField(_("label"), max_length=120, blank=True)
    value = models.CharField(_("value"), max_length=200)
    order = models.PositiveIntegerField(_("order"), default=0)

    history = HistoricalRecords()
    objects = RegionScopedQuerySet.as_manager()

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("office contact")
        verbose_name_plural = _("office contacts")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.value}"

    @property
    def href(self) -> str:
        if self.kind == self.Kind.EMAIL:
            return f"mailto:{self.value}"
        digits = "".join(c for c in self.value if c.isdigit() or c == "+")
        return f"tel:{digits}"


class TeamMember(models.Model):
    """A member of the coordination office as shown to the public (not an account)."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="team")
    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)

    translations = GenericRelation("portal.Translation")
    history = HistoricalRecords()
    objects = RegionScopedQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("team member")
        verbose_name_plural = _("team members")

    def __str__(self) -> str:
        return self.name


class RegionStatistic(models.Model):
    """A dated figure with its source, e.g. "11,108 people from 122 nations" (Gifhorn)."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="statistics")
    label = models.CharField(_("label"), max_length=200)
    value = models.CharField(_("value"), max_length=60)
    as_of = models.DateField(_("as of"))
    source = models.CharField(_("source"), max_length=300)
    order = models.PositiveIntegerField(_("order"), default=0)

    translations = GenericRelation("portal.Translation")
    history = HistoricalRecords()
    objects = RegionScopedQuerySet.as_manager()

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("statistic")
        verbose_name_plural = _("statistics")

    def __str__(self) -> str:
        return f"{self.label}: {self.value}"


class Municipality(models.Model):
    class Kind(models.TextChoices):
        CITY = "city", _("City")
        TOWN = "town", _("Town")
        MUNICIPALITY = "municipality", _("Municipality")
        JOINT = "joint", _("Joint municipality")

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="municipalities")
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("address"), max_length=120)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.TOWN)

    history = HistoricalRecords()
    objects = RegionScopedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        constraints = [
            models.UniqueConstraint(fields=["region", "slug"], name="municipality_unique_slug")
        ]

    def __str__(self) -> str:
        return self.name


class FieldOfAction(models.Model):
    """Handlungsfeld: the spine that workshops, working groups, offers and measures hang on."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="fields_of_action")
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("address"), max_length=120)
    description = models.TextField(_("short description"), blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)

    translations = GenericRelation("portal.Translation")
    history = HistoricalRecords()
    objects = RegionScopedQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("field of action")
        verbose_name_plural = _("fields of action")
        constraints = [
            models.UniqueConstraint(fields=["region", "slug"], name="field_of_action_unique_slug")
        ]

    def __str__(self) -> str:
        return self.name


class BarrierReport(models.Model):
    """A reported accessibility barrier (duty under the accessibility statement)."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        IN_PROGRESS = "in_progress", _("In progress")
        RESOLVED = "resolved", _("Resolved")

    region = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="barrier_reports", null=True, blank=True
    )
    page_url = models.CharField(_("page concerned"), max_length=500, blank=True)
    description = models.TextField(_("description of the barrier"))
    name = models.CharField(_("name (optional)"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail for our answer (optional)"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True)

    history = HistoricalRecords()
    objects = RegionScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("barrier report")
        verbose_name_plural = _("barrier reports")

    def __str__(self) -> str:
        return self.description[:60]
