"""Nightly work, county by county: one county's failure neither stops nor hides the others.

Each app registers its per-county work as a ``RegionJob`` (``hooks.REGION_JOBS``) and its
periodic task calls ``run_for_regions``. Every county runs in a transaction of its own; an
exception rolls back that county's part only, is logged, and is stored as a
``RegionJobFailure``. The hourly ``portal.retry_failed_region_jobs`` runs the failed counties
again (up to ``MAX_ATTEMPTS`` times); ``/health/`` counts the failures that remain. A success
removes the county's failure row.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from portal import hooks
from portal.models import Region, RegionJobFailure

logger = logging.getLogger(__name__)

# Hourly retries of a county's failed work before only /health/ and the log tell about it.
MAX_ATTEMPTS = 5


@dataclass(frozen=True)
class RegionJob:
    """``work(region, now)`` does one county's share and returns how many rows it changed."""

    name: str
    work: Callable[[Region, datetime], int]


@dataclass
class RegionRun:
    done: dict[str, int] = field(default_factory=dict)  # region slug -> rows changed
    failed: dict[str, str] = field(default_factory=dict)  # region slug -> error

    @property
    def total(self) -> int:
        return sum(self.done.values())


def _record_failure(region: Region, job: str, exc: BaseException, now: datetime) -> None:
    error = f"{type(exc).__name__}: {exc}"[:2000]
    updated = RegionJobFailure.objects.filter(region=region, job=job).update(
        error=error, attempts=F("attempts") + 1, last_failed_at=now
    )
    if not updated:
        RegionJobFailure.objects.create(region=region, job=job, error=error, last_failed_at=now)


def run_for_regions(
    job: RegionJob, *, now: datetime | None = None, regions: Iterable[Region] | None = None
) -> RegionRun:
    """Run ``job`` for every county (or ``regions``), each on its own."""
    now = now or timezone.now()
    run = RegionRun()
    for region in regions if regions is not None else Region.objects.order_by("pk"):
        try:
            with transaction.atomic():
                run.done[region.slug] = job.work(region, now)
        except Exception as exc:  # noqa: BLE001 - any county's failure is recorded, not raised
            logger.exception("Nightly job %s failed for region %s", job.name, region.slug)
            run.failed[region.slug] = f"{type(exc).__name__}: {exc}"
            _record_failure(region, job.name, exc, now)
        else:
            RegionJobFailure.objects.filter(region=region, job=job.name).delete()
    if run.failed:
        logger.error("Nightly job %s failed for: %s", job.name, ", ".join(sorted(run.failed)))
    return run


def registered_jobs() -> dict[str, RegionJob]:
    return {job.name: job for job in hooks.get(hooks.REGION_JOBS)}


def retry_failed(*, now: datetime | None = None) -> RegionRun:
    """Run each county's failed work again (the hourly retry)."""
    jobs = registered_jobs()
    run = RegionRun()
    failures = RegionJobFailure.objects.filter(attempts__lt=MAX_ATTEMPTS).select_related("region")
    for failure in failures:
        job = jobs.get(failure.job)
        if job is None:  # the app that registered it is gone
            failure.delete()
            continue
        result = run_for_regions(job, now=now, regions=[failure.region])
        run.done.update(result.done)
        run.failed.update(result.failed)
    return run
