"""Translations of the texts that regions write in German (see ``portal.translations``)."""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.models.languages import (  # noqa: F401 (re-exported)
    PLAIN_LANGUAGE,
    target_language_codes,
    validate_target_language,
)
from portal.models.regions import RegionScopedQuerySet


class TranslationQuerySet(RegionScopedQuerySet):
    def for_objects(self, model: type[models.Model], ids) -> TranslationQuerySet:
        """The translations of these objects of one model (one query, any number of ids)."""
        content_type = ContentType.objects.get_for_model(model)
        return self.filter(content_type=content_type, object_id__in=list(ids))

    def for_object(self, obj: models.Model) -> TranslationQuerySet:
        return self.for_objects(type(obj), [obj.pk])


class Translation(models.Model):
    """One field of one object in one language, and the German text it was made from.

    The status (up to date, outdated, ...) is never stored: it follows from comparing
    ``source_version`` with the version of the object's current German text, so no edit of
    the German text can forget to mark its translations outdated.
    """

    class Origin(models.TextChoices):
        HUMAN = "human", _("Written by staff")
        IMPORTED = "imported", _("Imported from a translation agency (XLIFF)")
        MACHINE = "machine", _("Machine translation")

    region = models.ForeignKey(
        "portal.Region", on_delete=models.CASCADE, related_name="translations"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    field = models.CharField(_("field"), max_length=60)
    language = models.CharField(_("language"), max_length=15, validators=[validate_target_language])
    text = models.TextField(_("translation"))
    # The German text the translation was made from (shown as a diff when it changed) and its
    # version (portal.translations.source_version), compared with the current German text's.
    source_text = models.TextField(_("German text translated"))
    source_version = models.CharField(max_length=64)
    origin = models.CharField(
        _("origin"), max_length=10, choices=Origin.choices, default=Origin.HUMAN
    )
    is_draft = models.BooleanField(
        _("draft"), default=False, help_text=_("Drafts are not shown to the public.")
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = TranslationQuerySet.as_manager()

    class Meta:
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field", "language"],
                name="translation_unique_unit_language",
            )
        ]
        indexes = [
            models.Index(fields=["region", "language"], name="translation_region_language"),
        ]

    def __str__(self) -> str:
        return f"{self.content_type.model} {self.object_id} {self.field} [{self.language}]"
