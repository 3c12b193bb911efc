"""How long the portal keeps each kind of personal data: one registry of retention rules.

Every app registers the rules for the data it stores (``hooks.RETENTION_RULES``) and the
sources a data subject request searches (``hooks.SUBJECT_DATA``); the portal names no app.

A rule says which model fields it covers (``"app.Model.field"``; tests/security/
test_retention.py fails for a field that may hold personal data and no rule covers), what
happens to the data, and after how many days. A county sets its own period for a rule in the
back-office (``RetentionPeriod``) within ``RETENTION_MIN_DAYS`` .. ``RETENTION_MAX_DAYS``;
rules without days keep the data as long as the record exists (staff delete it, e.g. a
contact person), rules that are not per county (sessions, the mail log) show their fixed
period. The nightly ``portal.retention`` job applies every county's rules county by county
(portal.lib.regionjobs).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from portal import hooks
from portal.lib.regionjobs import RegionJob
from portal.models import Region, RetentionPeriod

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RetentionRule:
    key: str
    label: _StrOrPromise  # the kind of data: "Join requests to working groups"
    action: _StrOrPromise  # what happens and from when the days count
    covers: tuple[str, ...]  # "app.Model.field" of every field the rule disposes of
    default_days: int | None = None  # None: kept while the record exists; staff delete it
    # The county's share: apply(region, now, days) -> rows changed.
    apply: Callable[[Region, datetime, int], int] | None = None
    # Data of no county (sessions, files, reports sent from outside a county's pages):
    # apply_global(now, days) -> rows changed, with the default period.
    apply_global: Callable[[datetime, int], int] | None = None
    per_region: bool = True  # False: the period is the operator's, the same for every county
    region_field: str = ""  # the county's period is this Region field (registrations)
    order: int = 100

    @property
    def settable(self) -> bool:
        return self.per_region and self.default_days is not None


@dataclass(frozen=True)
class SubjectData:
    """Where an app keeps records about an e-mail address, for a data subject request.

    ``find(region, email)`` returns one dict per record (field label -> value, readable);
    ``erase(region, email)`` deletes or anonymises them and returns how many.
    """

    key: str
    label: _StrOrPromise
    find: Callable[[Region, str], list[dict[str, Any]]]
    erase: Callable[[Region, str], int]
    order: int = 100


@dataclass
class RuleView:
    """A rule as a county sees it."""

    rule: RetentionRule
    days: int | None


def rules() -> list[RetentionRule]:
    return sorted(hooks.get(hooks.RETENTION_RULES), key=lambda rule: rule.order)


def subject_sources() -> list[SubjectData]:
    return sorted(hooks.get(hooks.SUBJECT_DATA), key=lambda source: source.order)


def covered_fields() -> set[str]:
    return {label for rule in rules() for label in rule.covers}


def region_periods(region: Region) -> dict[str, int]:
    return dict(RetentionPeriod.objects.in_region(region).values_list("rule", "days"))


def days_for(
    rule: RetentionRule, region: Region | None, periods: dict[str, int] | None = None
) -> int | None:
    if rule.default_days is None:
        return None
    if region is None or not rule.per_region:
        return rule.default_days
    if rule.region_field:
        return int(getattr(region, rule.region_field))
    if periods is None:
        periods = region_periods(region)
    return periods.get(rule.key, rule.default_days)


def region_rules(region: Region) -> list[RuleView]:
    periods = region_periods(region)
    return [RuleView(rule, days_for(rule, region, periods)) for rule in rules()]


@transaction.atomic
def set_region_periods(*, region: Region, days: dict[str, int]) -> None:
    """Store the county's periods (validated by the form); a Region field for rules that
    keep theirs there."""
    by_key = {rule.key: rule for rule in rules() if rule.settable}
    region_fields: list[str] = []
    for key, value in days.items():
        rule = by_key[key]
        if rule.region_field:
            setattr(region, rule.region_field, value)
            region_fields.append(rule.region_field)
        else:
            RetentionPeriod.objects.update_or_create(
                region=region, rule=key, defaults={"days": value}
            )
    if region_fields:
        region.save(update_fields=region_fields)


def apply_region(region: Region, now: datetime) -> int:
    """Every rule's share for one county (the nightly job's work, see RETENTION_JOB)."""
    periods = region_periods(region)
    total = 0
    for rule in rules():
        days = days_for(rule, region, periods)
        if rule.apply is not None and days is not None:
            total += rule.apply(region, now, days)
    return total


RETENTION_JOB = RegionJob("portal.retention", apply_region)


def apply_global(now: datetime | None = None) -> dict[str, int]:
    """The rules' data of no county, each on its own (one failing rule stops no other)."""
    now = now or timezone.now()
    done: dict[str, int] = {}
    for rule in rules():
        if rule.apply_global is None or rule.default_days is None:
            continue
        try:
            with transaction.atomic():
                done[rule.key] = rule.apply_global(now, rule.default_days)
        except Exception:  # noqa: BLE001 - logged; the other rules still run
            logger.exception("Retention rule %s failed for data of no county", rule.key)
    return done


# --- generic rules the portal applies for every app ------------------------------------------


def delete_history_of_deleted_records(region: Region, now: datetime, days: int) -> int:
    """Change-history rows (django-simple-history) of records deleted more than ``days``
    ago: the record is gone, so its old versions go too."""
    cutoff = now - timedelta(days=days)
    deleted = 0
    for label, path in hooks.get(hooks.REGION_HISTORY):
        model = apps.get_model(label)
        history = model.history.model
        gone = (
            history.objects.filter(history_type="-", history_date__lt=cutoff, **{path: region.pk})
            .exclude(id__in=model._default_manager.values("pk"))
            .values("id")
        )
        count, _ = history.objects.filter(id__in=gone).delete()
        deleted += count
    return deleted


def delete_orphan_files(now: datetime, days: int) -> int:
    """Stored files no record names any more (a deleted record's upload, a replaced image),
    once older than ``days``. Only the folders of the FileFields' ``upload_to`` are walked."""
    from django.core.files.storage import default_storage
    from django.db.models import FileField

    cutoff = now - timedelta(days=days)
    folders: set[str] = set()
    referenced: set[str] = set()
    for model in apps.get_models():
        for model_field in model._meta.get_fields():
            if not isinstance(model_field, FileField):
                continue
            folder = getattr(model_field.upload_to, "folder", "")
            if folder:
                folders.add(folder)
            referenced.update(
                model._default_manager.exclude(**{model_field.name: ""})
                .values_list(model_field.name, flat=True)
                .iterator()
            )
    deleted = 0
    for folder in sorted(folders):
        for name in _walk(default_storage, folder):
            if name in referenced:
                continue
            if default_storage.get_modified_time(name) < cutoff:
                default_storage.delete(name)
                deleted += 1
    return deleted


def _walk(storage: Any, folder: str) -> Iterable[str]:
    try:
        dirs, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{folder}/{name}"
    for sub in dirs:
        yield from _walk(storage, f"{folder}/{sub}")


def clear_sessions(now: datetime, days: int) -> int:
    """Django's ``clearsessions``: sessions past their expiry (``SESSION_COOKIE_AGE``)."""
    from django.contrib.sessions.models import Session

    count, _ = Session.objects.filter(expire_date__lt=now).delete()
    return count


def record(obj: Any, fields: Iterable[str]) -> dict[str, Any]:
    """One record for a data subject request: the fields' labels and readable values."""
    values: dict[str, Any] = {}
    for name in fields:
        model_field = obj._meta.get_field(name)
        display = getattr(obj, f"get_{name}_display", None)
        value = display() if callable(display) else getattr(obj, name)
        if value is not None and not isinstance(value, bool | int | dict | list | date):
            value = str(value)  # datetimes are dates: the page and the export format them
        values[str(model_field.verbose_name)] = value
    return values
