"""Back-office reads: what needs translating in a region, per document and per language."""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F

from portal.models import Region
from portal.models.translations import PLAIN_LANGUAGE, Translation
from portal.translations.registry import (
    DocumentKind,
    TranslatableModel,
    document_kinds,
    spec_by_label,
    spec_for,
)
from portal.translations.texts import Status, normalise_source, source_version, status_of

_WORDS = re.compile(r"(\s+)")
STATUS_ORDER = (Status.OUTDATED, Status.MISSING, Status.DRAFT, Status.MACHINE, Status.UP_TO_DATE)


@dataclass(frozen=True)
class DiffPart:
    kind: str  # "same", "removed", "added"
    text: str


def source_diff(old: str, new: str) -> list[DiffPart]:
    """The change of a German text, word by word (difflib), for the translator to see."""
    before, after = _WORDS.split(old), _WORDS.split(new)
    parts: list[DiffPart] = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(DiffPart("same", "".join(before[a1:a2])))
            continue
        if op in ("replace", "delete"):
            parts.append(DiffPart("removed", "".join(before[a1:a2])))
        if op in ("replace", "insert"):
            parts.append(DiffPart("added", "".join(after[b1:b2])))
    return parts


@dataclass
class Unit:
    """One text of one object to translate into one language."""

    spec: TranslatableModel
    obj: models.Model
    field: str
    source: str
    row: Translation | None
    status: Status

    @property
    def key(self) -> str:
        """Stable address of the text, e.g. "offers.offer.12.title" (form fields, XLIFF ids)."""
        return unit_key(self.spec, self.obj.pk, self.field)

    @property
    def label(self) -> str:
        field_label = self.spec.field_label(self.field)
        if self.spec.document_path is None:
            return field_label
        return f"{self.spec.model._meta.verbose_name} „{_short(str(self.obj))}“: {field_label}"

    @property
    def text(self) -> str:
        return self.row.text if self.row else ""

    @property
    def source_version(self) -> str:
        return source_version(self.source)

    @property
    def is_multiline(self) -> bool:
        return isinstance(self.spec.model._meta.get_field(self.field), models.TextField)

    @property
    def diff(self) -> list[DiffPart]:
        """How the German text changed since the translation was made (outdated only)."""
        if self.status != Status.OUTDATED or self.row is None:
            return []
        return source_diff(self.row.source_text, normalise_source(self.source))


def _short(text: str, length: int = 60) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def unit_key(spec: TranslatableModel, pk: int, field: str) -> str:
    return f"{spec.label}.{pk}.{field}"


@dataclass
class DocumentWork:
    """A document (offer, event, ...) with its texts in one language."""

    kind: DocumentKind
    document: models.Model
    units: list[Unit] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.kind.title(self.document)

    @property
    def counts(self) -> Counter[Status]:
        return Counter(unit.status for unit in self.units)

    @property
    def status_counts(self) -> list[tuple[Status, int]]:
        """(status, number of texts), most urgent first (templates cannot loop a Counter)."""
        counts = self.counts
        return [(status, counts[status]) for status in STATUS_ORDER if counts[status]]

    @property
    def needs_work(self) -> bool:
        return any(unit.status.needs_work for unit in self.units)

    @property
    def status(self) -> Status:
        """The worst status of its texts: what the list shows for the whole document."""
        for status in (Status.OUTDATED, Status.MISSING, Status.DRAFT, Status.MACHINE):
            if any(unit.status == status for unit in self.units):
                return status
        return Status.UP_TO_DATE


def _fields_for(spec: TranslatableModel, language: str) -> tuple[str, ...]:
    return spec.plain_language if language == PLAIN_LANGUAGE else spec.fields


def _rows(region: Region, language: str, models_: Iterable[type[models.Model]]) -> dict:
    content_types = ContentType.objects.get_for_models(*models_)
    by_type = {ct.pk: model for model, ct in content_types.items()}
    rows = Translation.objects.in_region(region).filter(
        language=language, content_type__in=content_types.values()
    )
    return {(by_type[row.content_type_id], row.object_id, row.field): row for row in rows}


def region_work(
    region: Region,
    language: str,
    *,
    kinds: Iterable[DocumentKind] | None = None,
    documents: dict[str, list[int]] | None = None,
) -> list[DocumentWork]:
    """Every document of the region (or of ``kinds``, or the given ``documents`` by kind key
    and pk) with its texts and their status in ``language``; a query per registered model
    and one for all translations."""
    kinds = list(kinds) if kinds is not None else document_kinds()
    if documents is not None:
        kinds = [kind for kind in kinds if kind.key in documents]
    if language == PLAIN_LANGUAGE:
        kinds = [kind for kind in kinds if kind.parts and kind.parts[0].plain_language]
    specs = [spec for kind in kinds for spec in kind.parts if _fields_for(spec, language)]
    rows = _rows(region, language, {spec.model for spec in specs}) if specs else {}
    result: list[DocumentWork] = []
    for kind in kinds:
        queryset = kind.queryset(region)
        if documents is not None:
            queryset = queryset.filter(pk__in=documents[kind.key])
        work = {doc.pk: DocumentWork(kind, doc) for doc in queryset}
        if not work:
            continue
        for spec in kind.parts:
            fields = _fields_for(spec, language)
            if not fields:
                continue
            if spec.document_path is None:
                objects = [(doc.pk, doc) for doc in (w.document for w in work.values())]
            else:
                parts = spec.model._default_manager.filter(
                    **{f"{spec.document_path}__in": list(work)}
                ).annotate(_document_id=F(spec.document_path))
                objects = [(obj._document_id, obj) for obj in parts]
            for document_id, obj in objects:
                for name in fields:
                    if language != PLAIN_LANGUAGE and not spec.applies(obj, name):
                        continue
                    source = getattr(obj, name) or ""
                    row = rows.get((spec.model, obj.pk, name))
                    status = status_of(row, source)
                    if status == Status.NOT_NEEDED:
                        continue
                    work[document_id].units.append(Unit(spec, obj, name, source, row, status))
        result.extend(w for w in work.values() if w.units)
    return result


def document_work(region: Region, language: str, kind: DocumentKind, pk: int) -> DocumentWork:
    """One document of the region with all its texts in ``language`` (LookupError if none)."""
    found = region_work(region, language, kinds=[kind], documents={kind.key: [pk]})
    if not found:
        # A document without any text to translate is still a document: show it empty.
        document = kind.queryset(region).filter(pk=pk).first()
        if document is None:
            raise LookupError(pk)
        return DocumentWork(kind, document)
    return found[0]


@dataclass
class LanguageSummary:
    language: str
    counts: Counter[Status]
    by_kind: dict[str, Counter[Status]]

    @property
    def needs_work(self) -> int:
        return sum(n for status, n in self.counts.items() if status.needs_work)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def region_summary(region: Region, languages: Iterable[str]) -> list[LanguageSummary]:
    """Per language, how many texts are missing, outdated, drafts, machine-made, up to date."""
    summaries = []
    for language in languages:
        by_kind: dict[str, Counter[Status]] = {}
        total: Counter[Status] = Counter()
        for work in region_work(region, language):
            counts = by_kind.setdefault(work.kind.key, Counter())
            counts.update(work.counts)
            total.update(work.counts)
        summaries.append(LanguageSummary(language, total, by_kind))
    return summaries


def find_unit(region: Region, key: str, language: str) -> tuple[TranslatableModel, Any, str]:
    """The registered model, object and field a unit key names, within ``region`` (LookupError
    for anything else: an unknown model or field, another region's object)."""
    try:
        app_model, pk_text, field_name = key.rsplit(".", 2)
        pk = int(pk_text)
    except ValueError:
        raise LookupError(key) from None
    spec = spec_by_label(app_model)
    if spec is None or field_name not in _fields_for(spec, language):
        raise LookupError(key)
    if spec.region_path == "pk" and pk != region.pk:
        raise LookupError(key)  # the region's own texts: only its own record
    region_filter: dict[str, Any] = {} if spec.region_path == "pk" else {spec.region_path: region}
    obj = spec.model._default_manager.filter(pk=pk, **region_filter).first()
    if obj is None:
        raise LookupError(key)
    return spec, obj, field_name


__all__ = [
    "DiffPart",
    "DocumentWork",
    "LanguageSummary",
    "Unit",
    "document_work",
    "find_unit",
    "region_summary",
    "region_work",
    "source_diff",
    "spec_for",
    "unit_key",
]
