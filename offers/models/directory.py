"""The offer directory: offers, their places, provider contacts and the search vocabulary."""

from __future__ import annotations

import zlib
from datetime import date, timedelta
from functools import cached_property

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from networks.models import Organisation, Person
from offers import languages
from offers.languages import Language
from portal.models import FieldOfAction, Municipality, Region, RegionScopedQuerySet

# The text search configuration created in migration 0001: German stemming plus unaccent.
SEARCH_CONFIG = "offers_german"
STARTING_SOON_DAYS = 28


class Kind(models.TextChoices):
    COURSE = "course", _("Course")
    COUNSELLING = "counselling", _("Counselling")
    MEETING_PLACE = "meeting_place", _("Meeting place")
    SPORTS_LEISURE = "sports_leisure", _("Sports and leisure")
    CHILDCARE = "childcare", _("Childcare")
    MENTORING = "mentoring", _("Mentoring and guides")
    INFORMATION = "information", _("Information")
    OTHER = "other", _("Other")


class TargetGroup(models.TextChoices):
    EVERYONE = "everyone", _("Everyone")
    REFUGEES = "refugees", _("Refugees")
    EU_CITIZENS = "eu_citizens", _("EU citizens")
    WOMEN = "women", _("Women")
    FAMILIES = "families", _("Families")
    CHILDREN = "children", _("Children")
    YOUNG_PEOPLE = "young_people", _("Young people")
    SENIORS = "seniors", _("Seniors")
    DISABILITIES = "disabilities", _("People with disabilities")


class Cost(models.TextChoices):
    FREE = "free", _("Free of charge")
    REDUCED = "reduced", _("Reduced fee possible")
    FEE = "fee", _("Fee")


class Registration(models.TextChoices):
    NONE = "none", _("No registration needed")
    PHONE = "phone", _("By phone")
    EMAIL = "email", _("By e-mail")
    LINK = "link", _("Online")


class StepFree(models.TextChoices):
    YES = "yes", _("Step-free")
    NO = "no", _("Not step-free")
    UNKNOWN = "unknown", _("Unknown")


class Weekday(models.IntegerChoices):
    MONDAY = 1, _("Monday")
    TUESDAY = 2, _("Tuesday")
    WEDNESDAY = 3, _("Wednesday")
    THURSDAY = 4, _("Thursday")
    FRIDAY = 5, _("Friday")
    SATURDAY = 6, _("Saturday")
    SUNDAY = 7, _("Sunday")


_KIND_LABELS = dict(Kind.choices)
_COST_LABELS = dict(Cost.choices)


# The facets of the search, numbered for ``facet_key``: never renumber, only add.
FACET_NUMBERS = {
    "kind": 1,
    "cost": 2,
    "target": 3,
    "lang": 4,
    "field": 5,
    "municipality": 6,
    "step_free": 7,
    "soon": 8,
}
# Facets whose values are primary keys; the others are choice values, stored as a checksum.
ID_FACETS = ("field", "municipality")


def facet_key(name: str, value: int | str) -> int:
    """One filter value as stored in ``Offer.facet_keys`` and asked for by the search: the
    facet's number in the high 32 bits, the value in the low ones (a primary key, or the CRC-32
    of a choice value — stable across processes and releases, unlike hash()). Integers, not
    "lang:ar" strings: the search hashes tens of thousands of them per page, a third faster."""
    code = int(value) if name in ID_FACETS else zlib.crc32(str(value).encode())
    return (FACET_NUMBERS[name] << 32) | code


def facet_lexeme(key: int) -> str:
    """A facet value as a lexeme of the search index ("#17179869185"): a query word naming it
    ("arabisch", "دورة" for the kind "course") matches it. Query words cannot contain "#"."""
    return f"#{key}"


def facet_of(key: int) -> int:
    """The facet number of a facet key."""
    return key >> 32


class OfferQuerySet(RegionScopedQuerySet):
    def published(self):
        """What the public sees: published, and not hidden after a missed update round."""
        return self.filter(status=Offer.Status.PUBLISHED).exclude(
            confirmation_state=Offer.ConfirmationState.HIDDEN
        )

    def for_listing(self):
        return self.select_related("provider", "region").prefetch_related(
            "fields_of_action", "places__municipality"
        )

    def starting_soon(self, today: date | None = None):
        today = today or timezone.localdate()
        return self.filter(
            start_date__gte=today, start_date__lte=today + timedelta(days=STARTING_SOON_DAYS)
        )


class Offer(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        ARCHIVED = "archived", _("Archived")

    class ConfirmationState(models.TextChoices):
        CURRENT = "", _("Current")
        MARKED = "marked", _("Not confirmed in the last update round")
        HIDDEN = "hidden", _("Hidden: not confirmed in the last update round")

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="offers")
    provider = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="offers", verbose_name=_("provider")
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.OTHER)
    fields_of_action = models.ManyToManyField(
        FieldOfAction, blank=True, related_name="offers", verbose_name=_("fields of action")
    )
    # Measures of the integration concept that this offer implements.
    measures = models.ManyToManyField(
        "networks.Measure", blank=True, related_name="offers", verbose_name=_("measures")
    )
    target_groups = ArrayField(
        models.CharField(max_length=20, choices=TargetGroup),
        default=list,
        blank=True,
        verbose_name=_("target groups"),
    )
    languages = ArrayField(
        models.CharField(max_length=5, choices=languages.CHOICES),
        default=list,
        blank=True,
        verbose_name=_("languages the offer is given in"),
    )
    cost = models.CharField(_("cost"), max_length=10, choices=Cost, default=Cost.FREE)
    cost_note = models.CharField(_("note on cost"), max_length=200, blank=True)
    schedule = models.CharField(
        _("schedule"), max_length=300, blank=True, help_text=_("e.g. every Tuesday 10–12")
    )
    weekdays = ArrayField(
        models.PositiveSmallIntegerField(choices=Weekday),
        default=list,
        blank=True,
        verbose_name=_("weekdays"),
    )
    time_start = models.TimeField(_("from"), null=True, blank=True)
    time_end = models.TimeField(_("until"), null=True, blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    registration = models.CharField(
        _("how to register"),
        max_length=10,
        choices=Registration,
        default=Registration.NONE,
    )
    registration_detail = models.CharField(
        _("phone, e-mail or link for registration"), max_length=300, blank=True
    )
    contact_person = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="offers",
        verbose_name=_("contact person"),
    )
    step_free = models.CharField(
        _("step-free access"), max_length=10, choices=StepFree, default=StepFree.UNKNOWN
    )
    childcare = models.BooleanField(_("childcare available"), default=False)
    women_only = models.BooleanField(_("for women only"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    last_confirmed_at = models.DateField(_("last confirmed on"), null=True, blank=True)
    confirmation_state = models.CharField(
        _("confirmation"),
        max_length=10,
        choices=ConfirmationState.choices,
        default=ConfirmationState.CURRENT,
        blank=True,
    )
    lessons_learned = models.TextField(
        _("lessons learned (internal)"),
        blank=True,
        help_text=_("Why the offer was not taken up, what others can learn. Only staff see it."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Every filter value the offer has, as ``facet_key`` integers (kind, cost, target groups,
    # languages, fields of action, municipalities of its places, step-free), kept in sync by
    # reindex_offers like the search text: the search filters with one GIN containment test
    # and counts all facets in one pass over this column instead of joining fields and places.
    facet_keys = ArrayField(models.BigIntegerField(), default=list, editable=False)

    translations = GenericRelation("portal.Translation")
    history = HistoricalRecords(
        m2m_fields=[fields_of_action],
        excluded_fields=["facet_keys", "updated_at"],
    )
    objects = OfferQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        indexes = [
            GinIndex(fields=["languages"], name="offer_languages"),
            GinIndex(fields=["target_groups"], name="offer_target_groups"),
            models.Index(fields=["region", "status"], name="offer_region_status"),
            GinIndex(fields=["facet_keys"], name="offer_facet_keys"),
            # What a search page reads of the public offers when there is no text to match:
            # the whole page (facets, total, sorted ids) comes from an index-only scan.
            models.Index(
                fields=["region"],
                include=["id", "facet_keys", "start_date", "published_at", "title"],
                condition=models.Q(status="published") & ~models.Q(confirmation_state="hidden"),
                name="offer_public_listing",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("offers:offer_detail", kwargs={"region": self.region.slug, "pk": self.pk})

    def clean(self) -> None:
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date lies before the start date.")})
        if self.time_start and self.time_end and self.time_end <= self.time_start:
            raise ValidationError({"time_end": _("The end time lies before the start time.")})

    def compute_facet_keys(self) -> list[int]:
        """The ``facet_keys`` of this offer (fields of action and places must be saved)."""
        keys = {facet_key("kind", self.kind), facet_key("cost", self.cost)}
        keys.update(facet_key("target", value) for value in self.target_groups)
        keys.update(facet_key("lang", code) for code in self.languages)
        keys.update(facet_key("field", field.pk) for field in self.fields_of_action.all())
        keys.update(
            facet_key("municipality", place.municipality_id)
            for place in self.places.all()
            if place.municipality_id
        )
        if self.step_free == StepFree.YES:
            keys.add(facet_key("step_free", "1"))
        return sorted(keys)

    @property
    def is_public(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.confirmation_state != self.ConfirmationState.HIDDEN
        )

    # get_FIELD_display() rebuilds a dict of all choices on every call; result lists show
    # twenty offers, so they use these instead.
    @property
    def kind_label(self) -> str:
        return str(_KIND_LABELS.get(self.kind, self.kind))

    @property
    def cost_label(self) -> str:
        return str(_COST_LABELS.get(self.cost, self.cost))

    @cached_property
    def place_names(self) -> list[str]:
        """Where the offer takes place, in short (the search sets it without loading places)."""
        return [
            place.municipality.name if place.municipality else place.city
            for place in self.places.all()
        ]

    @property
    def language_labels(self) -> list[str]:
        return [languages.label(code) for code in self.languages]

    @property
    def language_objects(self) -> list[Language]:
        return [languages.BY_CODE[c] for c in self.languages if c in languages.BY_CODE]

    @property
    def target_group_labels(self) -> list[str]:
        names = dict(TargetGroup.choices)
        return [str(names.get(value, value)) for value in self.target_groups]

    @property
    def weekday_labels(self) -> list[str]:
        names = dict(Weekday.choices)
        return [str(names.get(value, value)) for value in sorted(self.weekdays)]


class OfferPlaceQuerySet(RegionScopedQuerySet):
    region_field = "offer__region"


class OfferPlace(models.Model):
    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="places")
    name = models.CharField(_("name of the place"), max_length=200, blank=True)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="offer_places",
        verbose_name=_("municipality"),
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )

    history = HistoricalRecords()
    objects = OfferPlaceQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        verbose_name = _("place")
        verbose_name_plural = _("places")

    def __str__(self) -> str:
        return ", ".join(self.address_lines) or self.name

    @property
    def address_lines(self) -> list[str]:
        return [
            line
            for line in (self.name, self.street, f"{self.postcode} {self.city}".strip())
            if line
        ]

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def osm_url(self) -> str:
        """A plain link to OpenStreetMap; the visitor chooses to follow it."""
        from urllib.parse import urlencode

        if self.has_coordinates:
            lat, lon = self.latitude, self.longitude
            return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"
        query = ", ".join(part for part in (self.street, self.postcode, self.city) if part)
        return "https://www.openstreetmap.org/search?" + urlencode({"query": query})


class ProviderContactQuerySet(RegionScopedQuerySet):
    def active(self):
        return self.filter(is_active=True, user__is_active=True)


class ProviderContact(models.Model):
    """A person who keeps an organisation's offers current (logs in with an e-mailed code)."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="provider_contacts")
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="provider_contacts",
        verbose_name=_("organisation"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="provider_contacts"
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()
    objects = ProviderContactQuerySet.as_manager()

    class Meta:
        ordering = ["organisation__name", "user__email"]
        verbose_name = _("provider contact")
        verbose_name_plural = _("provider contacts")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="provider_contact_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.organisation})"
