"""Reads of the portal app that are more than a filter."""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from django.apps import apps
from django.utils.translation import gettext_lazy as _

from portal import hooks
from portal.models import Region

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise as StrOrPromise


@dataclass
class HistoryEntry:
    when: datetime
    who: str
    action: StrOrPromise  # a lazy translation: rendered in the reader's language
    model: str
    object_repr: str
    changes: list[str]


# The portal's history-tracked models and how to reach their region; the apps register theirs
# as ``hooks.REGION_HISTORY``.
REGION_HISTORY_MODELS: dict[str, str] = {
    "portal.Region": "id",
    "portal.RegionContact": "region_id",
    "portal.TeamMember": "region_id",
    "portal.RegionStatistic": "region_id",
    "portal.Municipality": "region_id",
    "portal.FieldOfAction": "region_id",
    "portal.Membership": "region_id",
}

_ACTIONS = {"+": _("created"), "~": _("changed"), "-": _("deleted")}


def _entries(
    model_label: str, region_field: str, region: Region, limit: int
) -> Iterator[HistoryEntry]:
    model = apps.get_model(model_label)
    records = (
        model.history.filter(**{region_field: region.pk})
        .select_related("history_user")
        .order_by("-history_date")[:limit]
    )
    for record in records:
        changes: list[str] = []
        if record.history_type == "~" and record.prev_record is not None:
            delta = record.diff_against(record.prev_record)
            changes = [f"{c.field}: {c.old!s:.60} → {c.new!s:.60}" for c in delta.changes]
        yield HistoryEntry(
            when=record.history_date,
            who=str(record.history_user or "—"),
            action=_ACTIONS[record.history_type],
            model=str(model._meta.verbose_name),
            object_repr=str(record.instance)[:120],
            changes=changes,
        )


def region_history(region: Region, limit: int = 200) -> Iterator[HistoryEntry]:
    """Newest first: who changed what and when, across every registered model."""
    models = {**REGION_HISTORY_MODELS, **dict(hooks.get(hooks.REGION_HISTORY))}
    streams = [_entries(label, field, region, limit) for label, field in models.items()]
    return heapq.merge(*streams, key=lambda e: e.when, reverse=True)
