"""Writing translations: one home for the rules every writer (editor, XLIFF, machine) obeys."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from portal.models import Region
from portal.models.translations import PLAIN_LANGUAGE, Translation
from portal.translations.registry import concrete_model, notify, spec_for
from portal.translations.texts import normalise_source, source_version


@dataclass(frozen=True)
class TextUpdate:
    """One translated text to store: ``text`` "" removes the translation."""

    obj: models.Model
    field: str
    text: str
    # The German text it was made from; None: the object's current German text.
    source_text: str | None = None
    is_draft: bool = False


def check_language(region: Region, language: str, obj: models.Model, field: str) -> None:
    """Raise ValidationError unless staff of ``region`` may translate ``obj.field`` into
    ``language``: a registered field, into one of the region's languages (or the plain
    German version of a field that has one)."""
    spec = spec_for(obj)
    if field not in spec.fields:
        raise ValidationError(_("This text cannot be translated."))
    if language == PLAIN_LANGUAGE:
        if field not in spec.plain_language:
            raise ValidationError(_("This text has no plain-language version."))
    elif language not in (region.translation_languages or ()):
        raise ValidationError(_("The region does not publish texts in this language."))


@transaction.atomic
def translations_save(
    *,
    region: Region,
    language: str,
    updates: Iterable[TextUpdate],
    origin: str = Translation.Origin.HUMAN,
) -> int:
    """Store many translations into one language at once (all or nothing) and tell the
    listeners (the offer search) after commit. The objects must belong to ``region``; the
    caller fetched them through region-scoped querysets. Returns the number written."""
    rows: dict[tuple[type, int, str], Translation] = {}
    removed: dict[type, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    touched: dict[type, set[int]] = defaultdict(set)
    for update in updates:
        check_language(region, language, update.obj, update.field)
        model = concrete_model(update.obj)
        touched[model].add(update.obj.pk)
        text = update.text.replace("\r\n", "\n").strip()
        if not text:
            removed[model][update.obj.pk].add(update.field)
            rows.pop((model, update.obj.pk, update.field), None)
            continue
        source = normalise_source(
            getattr(update.obj, update.field) if update.source_text is None else update.source_text
        )
        # The last update of a text wins (an upsert may not touch one row twice).
        rows[(model, update.obj.pk, update.field)] = Translation(
            region=region,
            content_type=_content_type(model),
            object_id=update.obj.pk,
            field=update.field,
            language=language,
            text=text,
            source_text=source,
            source_version=source_version(source),
            origin=origin,
            is_draft=update.is_draft,
        )
        removed[model][update.obj.pk].discard(update.field)
    if rows:
        # One upsert: two editors saving the same text at once leave one row, the last word.
        Translation.objects.bulk_create(
            list(rows.values()),
            update_conflicts=True,
            unique_fields=["content_type", "object_id", "field", "language"],
            update_fields=[
                "text",
                "source_text",
                "source_version",
                "origin",
                "is_draft",
                "updated_at",
            ],
        )
    for model, fields_by_pk in removed.items():
        for pk, fields in fields_by_pk.items():
            Translation.objects.for_objects(model, [pk]).filter(
                language=language, field__in=fields
            ).delete()
    for model, ids in touched.items():
        transaction.on_commit(partial(notify, model, sorted(ids)))
    return len(rows)


def translation_save(
    *,
    region: Region,
    obj: models.Model,
    field: str,
    language: str,
    text: str,
    origin: str = Translation.Origin.HUMAN,
    is_draft: bool = False,
    source_text: str | None = None,
) -> None:
    """Store one translation (see ``translations_save``)."""
    translations_save(
        region=region,
        language=language,
        origin=origin,
        updates=[TextUpdate(obj, field, text, source_text=source_text, is_draft=is_draft)],
    )


def copy_translations(*, source: models.Model, target: models.Model) -> int:
    """Give ``target`` the translations of ``source`` (a concept revision copies its
    guidelines): they stay up to date exactly as long as the copied German text is unchanged."""
    rows = [
        Translation(
            region_id=row.region_id,
            content_type=_content_type(type(target)),
            object_id=target.pk,
            field=row.field,
            language=row.language,
            text=row.text,
            source_text=row.source_text,
            source_version=row.source_version,
            origin=row.origin,
            is_draft=row.is_draft,
        )
        for row in Translation.objects.for_object(source)
    ]
    Translation.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def _content_type(model: type[models.Model]) -> Any:
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(model)
