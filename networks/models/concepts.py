"""The integration concept (Integrationskonzept): versions, guidelines, chapters, measures.

A region keeps every version: drafts, the one adopted by the county council, and superseded
ones that stay readable. A revision (Fortschreibung) is a deep copy of the adopted version;
measures carry a ``lineage`` key through copies so versions can be compared.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from networks.models.actors import Organisation
from networks.models.working_groups import WorkingGroup
from portal.lib.files import UnguessableName
from portal.models import FieldOfAction, Region, RegionScopedQuerySet


class ConceptQuerySet(RegionScopedQuerySet):
    def public(self):
        """Versions the public may read: in consultation, adopted and superseded."""
        return self.exclude(status=IntegrationConcept.Status.DRAFT)

    def adopted(self):
        return self.filter(status=IntegrationConcept.Status.ADOPTED)


class IntegrationConcept(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        CONSULTATION = "consultation", _("In consultation")
        ADOPTED = "adopted", _("Adopted")
        SUPERSEDED = "superseded", _("Superseded")

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="concepts")
    title = models.CharField(_("title"), max_length=200)
    version = models.PositiveIntegerField(
        _("version (year)"), validators=[MinValueValidator(1990), MaxValueValidator(2100)]
    )
    status = models.CharField(
        _("status"), max_length=15, choices=Status.choices, default=Status.DRAFT
    )
    adopted_on = models.DateField(_("adopted by the county council on"), null=True, blank=True)
    foreword = models.TextField(_("foreword"), blank=True, help_text=_("Markdown."))
    revision_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="revisions",
        verbose_name=_("revision of"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    translations = GenericRelation("portal.Translation")
    history = HistoricalRecords()
    objects = ConceptQuerySet.as_manager()

    class Meta:
        ordering = ["-version"]
        verbose_name = _("integration concept")
        verbose_name_plural = _("integration concepts")
        constraints = [
            models.UniqueConstraint(fields=["region", "version"], name="concept_unique_version"),
            # One adopted version per region: adopting a revision supersedes the previous one.
            models.UniqueConstraint(
                fields=["region"],
                condition=models.Q(status="adopted"),
                name="concept_one_adopted_per_region",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.version})"

    def get_absolute_url(self) -> str:
        return reverse(
            "networks:concept_detail", kwargs={"region": self.region.slug, "version": self.version}
        )

    @property
    def is_public(self) -> bool:
        return self.status != self.Status.DRAFT

    @property
    def is_editable(self) -> bool:
        """Adopted and superseded versions are records of a council decision."""
        return self.status in (self.Status.DRAFT, self.Status.CONSULTATION)


class ConceptPartQuerySet(RegionScopedQuerySet):
    region_field = "concept__region"


class Guideline(models.Model):
    """Leitlinie: an ordered statement of the concept."""

    concept = models.ForeignKey(
        IntegrationConcept, on_delete=models.CASCADE, related_name="guidelines"
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    translations = GenericRelation("portal.Translation")
    history = HistoricalRecords()
    objects = ConceptPartQuerySet.as_manager()

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("guideline")
        verbose_name_plural = _("guidelines")

    def __str__(self) -> str:
        return self.title


class ConceptChapter(models.Model):
    """One chapter per field of action: situation and inventory, goals.

    RESTRICT (not PROTECT): a field of action in use cannot be deleted on its own, but a whole
    region can be, since its concepts go in the same cascade.
    """

    concept = models.ForeignKey(
        IntegrationConcept, on_delete=models.CASCADE, related_name="chapters"
    )
    field_of_action = models.ForeignKey(
        FieldOfAction,
        on_delete=models.RESTRICT,
        related_name="concept_chapters",
        verbose_name=_("field of action"),
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    situation = models.TextField(_("situation and inventory"), blank=True, help_text=_("Markdown."))
    goals = models.TextField(_("goals"), blank=True, help_text=_("Markdown."))
    updated_at = models.DateTimeField(auto_now=True)

    translations = GenericRelation("portal.Translation")
    history = HistoricalRecords()
    objects = ConceptPartQuerySet.as_manager()

    class Meta:
        ordering = ["order", "field_of_action__order", "id"]
        verbose_name = _("chapter")
        verbose_name_plural = _("chapters")
        constraints = [
            models.UniqueConstraint(
                fields=["concept", "field_of_action"], name="chapter_one_per_field"
            )
        ]

    def __str__(self) -> str:
        return str(self.field_of_action)


class MeasureQuerySet(ConceptPartQuerySet):
    def with_relations(self):
        return self.select_related(
            "field_of_action", "responsible_organisation", "responsible_working_group"
        ).prefetch_related("partners")


class Measure(models.Model):
    """Maßnahme of the action plan."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    concept = models.ForeignKey(
        IntegrationConcept, on_delete=models.CASCADE, related_name="measures"
    )
    # The same measure in different versions shares its lineage (copied on revision).
    lineage = models.UUIDField(default=uuid.uuid4, editable=False)
    field_of_action = models.ForeignKey(
        FieldOfAction,
        on_delete=models.RESTRICT,
        related_name="measures",
        verbose_name=_("field of action"),
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    responsible_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="responsible_for_measures",
        verbose_name=_("responsible organisation"),
    )
    responsible_working_group = models.ForeignKey(
        WorkingGroup,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="measures",
        verbose_name=_("responsible working group"),
    )
    partners = models.ManyToManyField(
        Organisation, blank=True, related_name="partner_in_measures", verbose_name=_("partners")
    )
    start = models.DateField(_("start"), null=True, blank=True)
    end = models.DateField(_("end"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=15, choices=Status.choices, default=Status.PLANNED
    )
    progress = models.PositiveSmallIntegerField(
        _("progress in percent"), default=0, validators=[MaxValueValidator(100)]
    )
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()
    objects = MeasureQuerySet.as_manager()

    class Meta:
        ordering = ["field_of_action__order", "order", "id"]
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        constraints = [
            models.UniqueConstraint(fields=["concept", "lineage"], name="measure_unique_lineage"),
            models.CheckConstraint(condition=models.Q(progress__lte=100), name="measure_progress"),
            models.CheckConstraint(
                condition=models.Q(start__isnull=True)
                | models.Q(end__isnull=True)
                | models.Q(end__gte=models.F("start")),
                name="measure_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def responsible(self) -> str:
        return str(self.responsible_working_group or self.responsible_organisation or "")

    # Public output (pages, the PDF, the version comparison) names public actors only: an
    # internal organisation or working group has no public page and is not named there either.

    @property
    def public_responsible(self) -> str:
        for actor in (self.responsible_working_group, self.responsible_organisation):
            if actor is not None and actor.is_public:
                return str(actor)
        return ""

    @property
    def public_partners(self) -> list:
        """Partners shown to the public (filters the prefetched ``partners`` in Python)."""
        return [p for p in self.partners.all() if p.is_public]


class ProgressNoteQuerySet(RegionScopedQuerySet):
    region_field = "measure__concept__region"


class MeasureProgressNote(models.Model):
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="progress_notes")
    date = models.DateField(_("date"))
    text = models.TextField(_("note"))
    progress = models.PositiveSmallIntegerField(
        _("progress in percent"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_("Optional: updates the measure's progress."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()
    objects = ProgressNoteQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("progress note")
        verbose_name_plural = _("progress notes")

    def __str__(self) -> str:
        return f"{self.date}: {self.text[:40]}"


class ConceptAnnex(models.Model):
    """An annex chosen for a concept's PDF; ``key`` names an entry of networks.annexes."""

    concept = models.ForeignKey(
        IntegrationConcept, on_delete=models.CASCADE, related_name="annexes"
    )
    key = models.CharField(_("annex"), max_length=60)
    order = models.PositiveIntegerField(_("order"), default=0)

    objects = ConceptPartQuerySet.as_manager()

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("annex")
        verbose_name_plural = _("annexes")
        constraints = [
            models.UniqueConstraint(fields=["concept", "key"], name="annex_unique_per_concept")
        ]

    def __str__(self) -> str:
        return self.key


class ConceptExportQuerySet(ConceptPartQuerySet):
    def ready(self):
        return self.filter(status=ConceptExport.Status.DONE)


class ConceptExport(models.Model):
    """A generated PDF of a concept, valid while the concept's fingerprint is unchanged."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        RUNNING = "running", _("Being generated")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    class Variant(models.TextChoices):
        PDF_UA = "pdf/ua-1", _("PDF/UA-1 (accessible, for publication)")
        PDF_A = "pdf/a-3b", _("PDF/A-3b (archive)")

    concept = models.ForeignKey(
        IntegrationConcept, on_delete=models.CASCADE, related_name="exports"
    )
    variant = models.CharField(
        _("variant"), max_length=10, choices=Variant.choices, default=Variant.PDF_UA
    )
    # The language of the file: German, or one of the region's target languages (translated
    # parts in that language, the rest in German and marked as such).
    language = models.CharField(_("language"), max_length=15, default="de")
    fingerprint = models.CharField(max_length=64)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    progress = models.PositiveSmallIntegerField(default=0)
    file = models.FileField(upload_to=UnguessableName("networks/concepts"), blank=True)
    pages = models.PositiveIntegerField(null=True, blank=True)
    size = models.PositiveIntegerField(null=True, blank=True)
    error = models.TextField(blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = ConceptExportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("PDF export")
        verbose_name_plural = _("PDF exports")
        indexes = [models.Index(fields=["concept", "variant", "language", "fingerprint"])]
        constraints = [
            # One WeasyPrint job at a time per concept, variant and language, whatever the
            # traffic.
            models.UniqueConstraint(
                fields=["concept", "variant", "language"],
                condition=models.Q(status__in=["pending", "running"]),
                name="concept_export_one_unfinished",
            )
        ]

    def __str__(self) -> str:
        return f"{self.concept} {self.variant} {self.status}"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)
