"""Reads of the networks app that are more than a filter."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypedDict

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db.models import Case, Count, OuterRef, Q, QuerySet, Subquery, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from networks.annexes import get_annex
from networks.models import (
    ConceptExport,
    IntegrationConcept,
    Measure,
    MeasureProgressNote,
    Organisation,
    Person,
    WorkingGroup,
)
from portal.lib import l10n
from portal.models import FieldOfAction, Municipality, Region

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise as StrOrPromise

# Bump when the PDF templates change in a way that should invalidate cached files.
PDF_LAYOUT_VERSION = "5"


# --- directory ------------------------------------------------------------------------------


def search_organisations(
    region: Region,
    *,
    text: str = "",
    field_of_action: FieldOfAction | None = None,
    kind: str = "",
    municipality: Municipality | None = None,
) -> QuerySet[Organisation]:
    """The public network directory: filter by field of action, kind, municipality and text."""
    qs: QuerySet[Organisation] = Organisation.objects.in_region(region).public()
    if field_of_action is not None:
        qs = qs.filter(fields_of_action=field_of_action)
    if kind:
        qs = qs.filter(kind=kind)
    if municipality is not None:
        qs = qs.filter(municipality=municipality)
    text = text.strip()
    if text:
        vector = SearchVector("name", "description", "city", config="german")
        qs = qs.annotate(search=vector).filter(
            Q(search=SearchQuery(text, config="german", search_type="websearch"))
            | Q(name__icontains=text)
            | Q(description__icontains=text)
        )
    return qs.select_related("municipality").prefetch_related("fields_of_action").distinct()


def public_people_of(organisation: Organisation) -> QuerySet[Person]:
    people: QuerySet[Person] = (
        Person.objects.in_region(organisation.region)
        .listed_publicly()
        .filter(organisation=organisation)
    )
    return people


# --- the region's home page -----------------------------------------------------------------


def _count_in_region(queryset: QuerySet[Any]) -> Coalesce:
    """COUNT(*) of ``queryset`` for the outer region, as a subquery (0 when there is none)."""
    counted = (
        queryset.filter(region=OuterRef("pk")).order_by().values("region").annotate(n=Count("pk"))
    )
    return Coalesce(Subquery(counted.values("n")), 0)


def _public_concepts_first_current(region_ref: Region | OuterRef) -> QuerySet[IntegrationConcept]:
    """Public versions, the adopted one first, then the newest (consultation, superseded)."""
    concepts: QuerySet[IntegrationConcept] = (
        IntegrationConcept.objects.public()
        .filter(region=region_ref)
        .order_by(
            Case(When(status=IntegrationConcept.Status.ADOPTED, then=0), default=1),
            "-version",
        )
    )
    return concepts


def current_public_concept(region: Region) -> IntegrationConcept | None:
    """The adopted version, else the newest public one."""
    concept = _public_concepts_first_current(region).first()
    if concept is not None:
        concept.region = region  # get_absolute_url needs the slug; spare the query
    return concept


# The concept fields the home page shows; the rest stays deferred on the instance.
_SUMMARY_CONCEPT_FIELDS = ("id", "title", "version", "status", "adopted_on")


class NetworkSummary(TypedDict):
    organisations: int
    working_groups: int
    concept: IntegrationConcept | None


def region_network_summary(region: Region) -> NetworkSummary:
    """What a region's home page shows of the network, in one query.

    Counts and the current concept's fields come as subqueries of the region row; the concept
    is rebuilt as a deferred instance (any other field would load on access).
    """
    current = _public_concepts_first_current(OuterRef("pk"))
    row = (
        Region.objects.filter(pk=region.pk)
        .values(
            # Not "organisations": that name is the reverse relation on Region.
            public_organisations=_count_in_region(Organisation.objects.public()),
            open_working_groups=_count_in_region(
                WorkingGroup.objects.public().exclude(status=WorkingGroup.Status.CLOSED)
            ),
            **{
                f"concept_{name}": Subquery(current.values(name)[:1])
                for name in _SUMMARY_CONCEPT_FIELDS
            },
        )
        .first()
    )
    if row is None:
        return {"organisations": 0, "working_groups": 0, "concept": None}
    concept = None
    if row["concept_id"] is not None:
        loaded = {f"concept_{name}": row[f"concept_{name}"] for name in _SUMMARY_CONCEPT_FIELDS}
        loaded["concept_region_id"] = region.pk
        # from_db wants the loaded values in the model's field order.
        fields = [
            f.attname
            for f in IntegrationConcept._meta.concrete_fields
            if f"concept_{f.attname}" in loaded
        ]
        concept = IntegrationConcept.from_db(
            "default", fields, [loaded[f"concept_{name}"] for name in fields]
        )
        concept.region = region
    return {
        "organisations": row["public_organisations"],
        "working_groups": row["open_working_groups"],
        "concept": concept,
    }


# --- the concept ----------------------------------------------------------------------------


def _fingerprint_sql() -> str:
    from networks.models import (
        ConceptAnnex,
        ConceptChapter,
        Guideline,
    )

    def stamp(table: str, where: str, column: str = "updated_at") -> str:
        return (
            f"(SELECT count(*)::text || ':' || coalesce(max({column})::text, '-') "
            f"FROM {table} WHERE {where})"
        )

    concept = IntegrationConcept._meta.db_table
    measure = Measure._meta.db_table
    note = MeasureProgressNote._meta.db_table
    return ", ".join(
        [
            f"(SELECT updated_at::text || status || coalesce(adopted_on::text, '') "
            f"FROM {concept} WHERE id = %(concept)s)",
            stamp(Guideline._meta.db_table, "concept_id = %(concept)s"),
            stamp(ConceptChapter._meta.db_table, "concept_id = %(concept)s"),
            stamp(measure, "concept_id = %(concept)s"),
            stamp(
                note,
                f"measure_id IN (SELECT id FROM {measure} WHERE concept_id = %(concept)s)",
                "created_at",
            ),
            stamp(Organisation._meta.db_table, "region_id = %(region)s"),
            stamp(Person._meta.db_table, "region_id = %(region)s"),
            stamp(WorkingGroup._meta.db_table, "region_id = %(region)s"),
            f"(SELECT string_agg(name, '|' ORDER BY \"order\", name) "
            f"FROM {FieldOfAction._meta.db_table} WHERE region_id = %(region)s)",
            f"(SELECT string_agg(key, '|' ORDER BY \"order\", id) "
            f"FROM {ConceptAnnex._meta.db_table} WHERE concept_id = %(concept)s)",
        ]
    )


def _translations_stamp(concept: IntegrationConcept, language: str) -> str:
    """What the concept's PDF in ``language`` shows of its translations: their number and last
    change (concept, guidelines, chapters, field names) and the region's rule for outdated
    ones. The German texts' versions are already in the rest of the fingerprint."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import Max

    from networks.models import ConceptChapter, Guideline
    from portal.models.translations import Translation

    types = ContentType.objects.get_for_models(
        IntegrationConcept, Guideline, ConceptChapter, FieldOfAction
    ).values()
    row = Translation.objects.filter(
        region_id=concept.region_id, language=language, content_type__in=list(types)
    ).aggregate(count=Count("id"), last=Max("updated_at"))
    region = concept.region
    return f"{language}:{row['count']}:{row['last']}:{region.outdated_translations}"


def concept_fingerprint(concept: IntegrationConcept, language: str = "de") -> str:
    """A hash that changes whenever anything shown in the concept's PDF changes.

    One query (counts and last changes of every part, and of the region's organisations,
    people and working groups that the network's annexes show), so a public download can
    check it on every request; one more for a translated PDF (``language``). Other apps'
    annexes add their own ``fingerprint_fn``.
    """
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {_fingerprint_sql()}", {"concept": concept.pk, "region": concept.region_id}
        )
        row = cursor.fetchone()
    region = concept.region
    parts = [PDF_LAYOUT_VERSION, region.name, region.office_name, *(str(v) for v in row)]
    if language != "de":
        parts.append(_translations_stamp(concept, language))
    for key in (row[-1] or "").split("|"):
        annex = get_annex(key) if key else None
        if annex is not None and annex.fingerprint_fn is not None:
            parts.append(f"{key}={annex.fingerprint(concept)}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def current_export(
    concept: IntegrationConcept, variant: str, language: str = "de"
) -> ConceptExport | None:
    """The newest export of this concept, variant and language that matches its current
    content."""
    return (
        ConceptExport.objects.filter(
            concept=concept,
            variant=variant,
            language=language,
            fingerprint=concept_fingerprint(concept, language),
        )
        .exclude(status=ConceptExport.Status.FAILED)
        .first()
    )


def latest_ready_export(
    concept: IntegrationConcept, variant: str, language: str = "de"
) -> ConceptExport | None:
    ready: QuerySet[ConceptExport] = ConceptExport.objects.ready()
    return ready.filter(concept=concept, variant=variant, language=language).first()


def filter_measures(
    concept: IntegrationConcept, *, field_of_action: FieldOfAction | None = None, status: str = ""
) -> QuerySet[Measure]:
    qs: QuerySet[Measure] = concept.measures.with_relations()
    if field_of_action is not None:
        qs = qs.filter(field_of_action=field_of_action)
    if status:
        qs = qs.filter(status=status)
    return qs


class MeasureSummary(TypedDict):
    total: int
    counts: list[tuple[StrOrPromise, int]]  # (status label, number of measures)
    average_progress: int  # percent


def measure_summary(measures: Iterable[Measure]) -> MeasureSummary:
    """Counts per status and the average progress (dropped measures do not count)."""
    measures = list(measures)
    counts = {value: 0 for value, _label in Measure.Status.choices}
    for m in measures:
        counts[m.status] += 1
    active = [m.progress for m in measures if m.status != Measure.Status.DROPPED]
    return {
        "total": len(measures),
        "counts": [(label, counts[value]) for value, label in Measure.Status.choices],
        "average_progress": round(sum(active) / len(active)) if active else 0,
    }


# --- comparing versions ---------------------------------------------------------------------


@dataclass
class FieldChange:
    name: str  # the model field
    field: str  # its translated label
    old: str
    new: str


@dataclass
class MeasureChange:
    old: Measure
    new: Measure
    changes: list[FieldChange]


@dataclass
class ConceptDiff:
    old: IntegrationConcept
    new: IntegrationConcept
    added: list[Measure] = field(default_factory=list)
    dropped: list[Measure] = field(default_factory=list)
    changed: list[MeasureChange] = field(default_factory=list)
    unchanged: int = 0

    @property
    def has_changes(self) -> bool:
        return bool(self.added or self.dropped or self.changed)


def _display(measure: Measure, name: str, *, public: bool) -> str:
    if name == "partners":
        partners = measure.public_partners if public else measure.partners.all()
        return ", ".join(sorted(p.name for p in partners))
    if name == "status":
        return str(measure.get_status_display())
    if name == "progress":
        return l10n.format_percent(measure.progress)
    value = getattr(measure, name)
    if value is None or (public and not getattr(value, "is_public", True)):
        return "–"  # an internal actor is not named in public
    if name in ("start", "end"):
        return l10n.format_date(value, "medium")
    return str(value)


DIFF_FIELDS = [
    ("title", _("title")),
    ("description", _("description")),
    ("field_of_action", _("field of action")),
    ("responsible_organisation", _("responsible organisation")),
    ("responsible_working_group", _("responsible working group")),
    ("partners", _("partners")),
    ("start", _("start")),
    ("end", _("end")),
    ("status", _("status")),
    ("progress", _("progress")),
]


def concept_diff(
    old: IntegrationConcept, new: IntegrationConcept, *, public: bool = True
) -> ConceptDiff:
    """Measures added, dropped and changed (field by field) between two versions.

    ``public`` names only public organisations and working groups (staff pass False).

    Measures are matched by lineage: a revision copies it, so a renamed measure is "changed",
    not "dropped and added".
    """
    old_measures = {m.lineage: m for m in old.measures.with_relations()}
    new_measures = {m.lineage: m for m in new.measures.with_relations()}
    diff = ConceptDiff(old=old, new=new)
    for lineage, measure in new_measures.items():
        before = old_measures.get(lineage)
        if before is None:
            diff.added.append(measure)
            continue
        changes = [
            FieldChange(
                name,
                str(label),
                _display(before, name, public=public),
                _display(measure, name, public=public),
            )
            for name, label in DIFF_FIELDS
            if _display(before, name, public=public) != _display(measure, name, public=public)
        ]
        if changes:
            diff.changed.append(MeasureChange(before, measure, changes))
        else:
            diff.unchanged += 1
    diff.dropped = [m for lineage, m in old_measures.items() if lineage not in new_measures]
    return diff
