"""Reading translated texts: versions of the German source, statuses, the public choice."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Func, Q, Value
from django.utils.translation import gettext_lazy as _

from portal.models.translations import PLAIN_LANGUAGE, Translation
from portal.translations.registry import concrete_model, spec_for

SOURCE_LANGUAGE: str = settings.LANGUAGE_CODE
# Where texts are cached on model instances: {language: ObjectTexts}.
_CACHE_ATTR = "_portal_texts"


def normalise_source(text: str | None) -> str:
    """The German text as versions compare it: line ends unified, outer white space dropped
    (a text saved from a form with CRLF line ends is the same text)."""
    return (text or "").replace("\r\n", "\n").strip(" \t\r\n")


def source_version(text: str | None) -> str:
    """The version of a German text a translation was made from: SHA-256 of its normalised
    form. Compared, never timestamps: an edit that changes nothing keeps translations valid,
    and any change of the words makes them outdated. ``SourceVersion`` is the same in SQL."""
    return hashlib.sha256(normalise_source(text).encode()).hexdigest()


class SourceVersion(Func):
    """``source_version`` of a text column, computed by PostgreSQL (a parity test holds both
    together), e.g. ``Translation.objects.filter(source_version=SourceVersion("offer__title"))``
    -style comparisons for a whole table at once."""

    output_field = models.CharField()

    def __init__(self, expression: Any) -> None:
        text: models.TextField[Any, Any] = models.TextField()
        unified = Func(
            expression, Value("\r\n"), Value("\n"), function="REPLACE", output_field=text
        )
        trimmed = Func(unified, Value(" \t\r\n"), function="BTRIM", output_field=text)
        raw: models.BinaryField[Any, Any] = models.BinaryField()
        utf8 = Func(trimmed, Value("UTF8"), function="CONVERT_TO", output_field=raw)
        digest = Func(utf8, function="SHA256", output_field=raw)
        super().__init__(digest, Value("hex"), function="ENCODE")


class Status(StrEnum):
    SOURCE = "source"  # the German text itself (German was asked for)
    NOT_NEEDED = "not_needed"  # nothing to translate: empty, or a phone number or address
    MISSING = "missing"
    DRAFT = "draft"
    UP_TO_DATE = "up_to_date"
    OUTDATED = "outdated"  # the German text changed after the translation was made
    MACHINE = "machine"  # made by a machine-translation provider from the current German text

    @property
    def label(self) -> str:
        return str(STATUS_LABELS[self])

    @property
    def needs_work(self) -> bool:
        return self in (Status.MISSING, Status.DRAFT, Status.OUTDATED)


STATUS_LABELS = {
    Status.SOURCE: _("German original"),
    Status.NOT_NEEDED: _("nothing to translate"),
    Status.MISSING: _("missing"),
    Status.DRAFT: _("draft"),
    Status.UP_TO_DATE: _("up to date"),
    Status.OUTDATED: _("outdated"),
    Status.MACHINE: _("machine-translated"),
}

NOT_TRANSLATED_NOTE = _("Not yet translated: shown in German.")
MACHINE_NOTE = _("Machine translation")
OUTDATED_NOTE = _("The German text has changed since this translation was made.")


def status_of(row: Translation | None, source: str | None) -> Status:
    """The one rule for a translation's status against the current German text."""
    if not normalise_source(source):
        return Status.NOT_NEEDED
    if row is None or not row.text.strip():
        return Status.MISSING
    if row.is_draft:
        return Status.DRAFT
    if row.source_version != source_version(source):
        return Status.OUTDATED
    if row.origin == Translation.Origin.MACHINE:
        return Status.MACHINE
    return Status.UP_TO_DATE


@dataclass(frozen=True)
class RegionPolicy:
    """What a region publishes: its target languages and whether outdated texts are shown."""

    languages: frozenset[str]
    show_outdated: bool = True

    @classmethod
    def of(cls, region: Any) -> RegionPolicy:
        return cls(
            languages=frozenset(region.translation_languages or ()) | {PLAIN_LANGUAGE},
            show_outdated=region.outdated_translations == "note",
        )


NO_POLICY = RegionPolicy(languages=frozenset())


@dataclass(frozen=True)
class TranslatedText:
    """A text as the public sees it in ``requested``: the translation, or the German text.

    ``language`` is the language ``text`` is written in; when it differs from ``requested``
    the page marks the text with ``lang`` (and ``dir``) and ``note`` says why.
    """

    text: str
    language: str
    status: Status
    requested: str

    def __str__(self) -> str:
        return self.text

    def __bool__(self) -> bool:
        return bool(self.text)

    @property
    def is_fallback(self) -> bool:
        """German shown although another language was asked for."""
        return self.language != self.requested and bool(self.text)

    @property
    def note(self) -> str:
        """A short note in the reader's language, or "" when the text needs none."""
        if self.is_fallback and self.status != Status.NOT_NEEDED:
            return str(NOT_TRANSLATED_NOTE)
        if not self.is_fallback and self.status == Status.MACHINE:
            return str(MACHINE_NOTE)
        if not self.is_fallback and self.status == Status.OUTDATED:
            return str(OUTDATED_NOTE)
        return ""


def public_choice(
    row: Translation | None, source: str, requested: str, policy: RegionPolicy
) -> TranslatedText:
    """The one rule for what the public reads: an up-to-date or machine translation in a
    language the region publishes, an outdated one if the region shows those, else German."""
    source = source or ""
    if requested == SOURCE_LANGUAGE:
        return TranslatedText(source, SOURCE_LANGUAGE, Status.SOURCE, requested)
    status = status_of(row, source)
    shown = requested in policy.languages and (
        status in (Status.UP_TO_DATE, Status.MACHINE)
        or (status == Status.OUTDATED and policy.show_outdated)
    )
    if shown and row is not None:
        language = SOURCE_LANGUAGE if requested == PLAIN_LANGUAGE else requested
        return TranslatedText(row.text, language, status, language)
    if requested == PLAIN_LANGUAGE:
        # No plain version: the plain-language view is simply not offered.
        return TranslatedText("", SOURCE_LANGUAGE, status, SOURCE_LANGUAGE)
    return TranslatedText(source, SOURCE_LANGUAGE, status, requested)


class ObjectTexts:
    """The public texts of one object in one language: ``texts["title"]`` or, in templates,
    ``texts.title`` gives a ``TranslatedText``; ``texts.any_fallback`` tells whether German
    shows through anywhere."""

    def __init__(
        self,
        obj: models.Model,
        language: str,
        rows: dict[str, Translation],
        policy: RegionPolicy,
    ) -> None:
        self.obj = obj
        self.language = language
        self._rows = rows
        self._policy = policy
        self._spec = spec_for(obj)
        self._texts: dict[str, TranslatedText] = {}

    def __getitem__(self, field: str) -> TranslatedText:
        if field not in self._texts:
            if field not in self._spec.fields:
                raise KeyError(field)
            source = getattr(self.obj, field) or ""
            row = self._rows.get(field)
            if self.language != PLAIN_LANGUAGE and not self._spec.applies(self.obj, field):
                # A phone number or address reads the same in every language: unmarked.
                text = TranslatedText(source, self.language, Status.NOT_NEEDED, self.language)
            else:
                text = public_choice(row, source, self.language, self._policy)
            self._texts[field] = text
        return self._texts[field]

    def __getattr__(self, field: str) -> TranslatedText:
        if field.startswith("_"):
            raise AttributeError(field)
        try:
            return self[field]
        except KeyError:
            raise AttributeError(field) from None

    def all(self) -> list[TranslatedText]:
        """Every registered text of the object."""
        return [self[field] for field in self._spec.fields]

    @property
    def any_fallback(self) -> bool:
        return any(text.is_fallback for text in self.all())


def jsonld_value(
    text: TranslatedText, limit: int | None = None, *, document_language: str | None = None
) -> str | dict[str, str]:
    """A text for JSON-LD: a plain string when it is in the document's language (by default
    the language asked for, the page's ``inLanguage``), else a language-tagged value object -
    e.g. the German text standing in for a missing translation."""
    value = text.text[:limit] if limit else text.text
    if text.language != (document_language or text.requested):
        return {"@value": value, "@language": text.language}
    return value


def _group_by_model(objects: Iterable[models.Model]) -> dict[type, list[models.Model]]:
    groups: dict[type, list[models.Model]] = defaultdict(list)
    for obj in objects:
        groups[concrete_model(obj)].append(obj)
    return groups


def _policies(region: Any, region_ids: set[int]) -> dict[int, RegionPolicy]:
    if region is not None:
        return {region.pk: RegionPolicy.of(region)}
    from portal.models import Region

    regions = Region.objects.filter(pk__in=region_ids).only(
        "translation_languages", "outdated_translations"
    )
    return {r.pk: RegionPolicy.of(r) for r in regions}


def prefetch_texts(objects: Iterable[models.Model], language: str, *, region: Any = None) -> None:
    """Load the texts of many objects (of any registered models) in ``language`` with one
    query (plus one for the regions when ``region`` is not given and translations exist; none
    at all for German), and keep them on the objects for ``texts_of``/``translated`` and the
    ``{% tr %}`` template tag."""
    groups = _group_by_model(obj for obj in objects if obj is not None and obj.pk is not None)
    rows: dict[tuple[type, int], dict[str, Translation]] = defaultdict(dict)
    if language != SOURCE_LANGUAGE and groups:
        content_types = ContentType.objects.get_for_models(*groups)
        wanted = Q()
        for model, group in groups.items():
            wanted |= Q(content_type=content_types[model], object_id__in={obj.pk for obj in group})
        models_by_type = {ct.pk: model for model, ct in content_types.items()}
        query = Translation.objects.filter(wanted, language=language).only(
            "content_type_id",
            "object_id",
            "field",
            "text",
            "source_version",
            "origin",
            "is_draft",
            "region_id",
        )
        for row in query:
            rows[(models_by_type[row.content_type_id], row.object_id)][row.field] = row
    region_ids = {row.region_id for obj_rows in rows.values() for row in obj_rows.values()}
    policies = _policies(region, region_ids) if region_ids else {}
    for model, group in groups.items():
        for obj in group:
            obj_rows = rows.get((model, obj.pk), {})
            policy = NO_POLICY
            if obj_rows:
                region_id = region.pk if region else next(iter(obj_rows.values())).region_id
                policy = policies.get(region_id, NO_POLICY)
            cache = obj.__dict__.setdefault(_CACHE_ATTR, {})
            cache[language] = ObjectTexts(obj, language, obj_rows, policy)


def texts_of(obj: models.Model, language: str, *, region: Any = None) -> ObjectTexts:
    """The object's texts in ``language`` (loaded now unless ``prefetch_texts`` did)."""
    cache = obj.__dict__.get(_CACHE_ATTR, {})
    if language not in cache:
        prefetch_texts([obj], language, region=region)
    return obj.__dict__[_CACHE_ATTR][language]


def translated(
    obj: models.Model, field: str, language: str, *, region: Any = None
) -> TranslatedText:
    """What the public reads of ``obj.field`` in ``language``."""
    return texts_of(obj, language, region=region)[field]


def plain_text(obj: models.Model, field: str, *, region: Any = None) -> str:
    """The "Einfache Sprache" version of a text when one is published, else ""."""
    return translated(obj, field, PLAIN_LANGUAGE, region=region).text


def public_texts(
    objects: Iterable[models.Model], *, languages: Iterable[str] | None = None
) -> dict[int, dict[str, dict[str, str]]]:
    """``{pk: {language: {field: text}}}``: every translation the public reads, for objects of
    one model (e.g. offers to index for search or to publish as open data). Only texts shown
    as translations (up to date, machine, or outdated where the region shows those); German
    fallbacks and plain-language versions are left out. Two queries for any number."""
    objects = [obj for obj in objects if obj.pk is not None]
    if not objects:
        return {}
    model = concrete_model(objects[0])
    spec = spec_for(model)
    by_pk = {obj.pk: obj for obj in objects}
    wanted = set(languages) if languages is not None else None
    query = Translation.objects.for_objects(model, by_pk).exclude(language=PLAIN_LANGUAGE)
    if wanted is not None:
        query = query.filter(language__in=wanted)
    rows = list(query)
    policies = _policies(None, {row.region_id for row in rows})
    result: dict[int, dict[str, dict[str, str]]] = {}
    for row in rows:
        obj = by_pk[row.object_id]
        if row.field not in spec.fields or not spec.applies(obj, row.field):
            continue
        choice = public_choice(
            row, getattr(obj, row.field) or "", row.language, policies.get(row.region_id, NO_POLICY)
        )
        if not choice.is_fallback and choice.text and choice.status != Status.SOURCE:
            result.setdefault(obj.pk, {}).setdefault(row.language, {})[row.field] = choice.text
    return result
