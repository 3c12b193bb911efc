"""Actors of a region's network: organisations and contact persons.

One Organisation record per real organisation: the offers app uses the same record as the
provider of offers.
"""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.models import FieldOfAction, Municipality, Region, RegionScopedQuerySet


class OrganisationQuerySet(RegionScopedQuerySet):
    def public(self):
        return self.filter(is_public=True)


class Organisation(models.Model):
    class Kind(models.TextChoices):
        COUNTY_ADMINISTRATION = "county_administration", _("County administration")
        MUNICIPALITY = "municipality", _("Municipality")
        WELFARE_ASSOCIATION = "welfare_association", _("Welfare association")
        ASSOCIATION = "association", _("Association")
        MIGRANT_ORGANISATION = "migrant_organisation", _("Migrant-led organisation")
        EDUCATION_PROVIDER = "education_provider", _("Education provider")
        JOB_CENTRE = "job_centre", _("Job centre / employment agency")
        SCHOOL = "school", _("School")
        RELIGIOUS_COMMUNITY = "religious_community", _("Religious community")
        VOLUNTEER_INITIATIVE = "volunteer_initiative", _("Volunteer initiative")
        COMPANY = "company", _("Company")
        OTHER = "other", _("Other")

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="organisations")
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("address"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.OTHER)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("municipality"),
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    fields_of_action = models.ManyToManyField(
        FieldOfAction, blank=True, related_name="organisations", verbose_name=_("fields of action")
    )
    description = models.TextField(_("description"), blank=True)
    member_since = models.DateField(_("network member since"), null=True, blank=True)
    is_public = models.BooleanField(
        _("shown to the public"),
        default=True,
        help_text=_("Internal organisations are only visible to staff."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(m2m_fields=[fields_of_action])
    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(fields=["region", "slug"], name="organisation_unique_slug")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse(
            "networks:organisation_detail", kwargs={"region": self.region.slug, "slug": self.slug}
        )

    @property
    def address_lines(self) -> list[str]:
        return [line for line in (self.street, f"{self.postcode} {self.city}".strip()) if line]


class PersonQuerySet(RegionScopedQuerySet):
    def listed_publicly(self):
        """Only people who consented to be listed publicly, and never of internal organisations."""
        return self.filter(public_consent=True).exclude(organisation__is_public=False)


class Person(models.Model):
    """A contact person. Without consent a person appears only to staff."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="persons")
    name = models.CharField(_("name"), max_length=150)
    function = models.CharField(_("function"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="persons",
        verbose_name=_("organisation"),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    fields_of_action = models.ManyToManyField(
        FieldOfAction, blank=True, related_name="persons", verbose_name=_("fields of action")
    )
    public_consent = models.BooleanField(_("consents to be listed publicly"), default=False)
    consent_date = models.DateField(_("consent given on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(m2m_fields=[fields_of_action])
    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")

    def __str__(self) -> str:
        return self.name
