"""Background jobs of the offers app."""

from __future__ import annotations

import logging

from procrastinate.contrib.django import app

from offers.services import rounds
from portal.lib.regionjobs import RegionJob, run_for_regions

logger = logging.getLogger(__name__)

UPDATE_ROUNDS = RegionJob("offers.update_rounds", rounds.daily_region_work)


@app.periodic(cron="0 7 * * *")
@app.task(name="offers.update_rounds_daily", queue="default")
def update_rounds_daily(timestamp: int) -> None:
    """Each morning, county by county: reminders for open rounds, then the policy for rounds
    past their deadline."""
    run = run_for_regions(UPDATE_ROUNDS)
    logger.info("Update rounds: %s changes, failed for %s", run.total, sorted(run.failed))
