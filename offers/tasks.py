"""Background jobs of the offers app."""

from __future__ import annotations

from procrastinate.contrib.django import app

from offers.services import rounds


@app.periodic(cron="0 7 * * *")
@app.task(name="offers.update_rounds_daily", queue="default")
def update_rounds_daily(timestamp: int) -> None:
    """Each morning: reminders for open rounds, then the policy for rounds past their deadline."""
    rounds.send_due_reminders()
    rounds.close_due_rounds()
