"""``manage.py worker``: procrastinate's worker, kept running through database restarts.

procrastinate stops its worker when a side task fails, and the heartbeat is one: a database
restart at the wrong second ends the worker (often with exit code 0, so a supervisor that
restarts only on failure does not). Here the worker is run in a loop: when it stops without
being asked to, we wait until the database answers again and start a fresh one (new
connection pool, new worker id). Jobs the old one was running stay "doing" under its id until
``portal.retry_stalled_jobs`` puts them back in the queue (its heartbeat has stopped).

SIGTERM/SIGINT stop the worker gracefully (running jobs finish) and end the command. Run it
under a supervisor all the same (systemd ``Restart=always``, ``make run``'s supervisord): a
process can still die of other causes.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from typing import Any

from django.core.management.base import BaseCommand
from procrastinate.contrib.django import app
from procrastinate.contrib.django.django_connector import DjangoConnector

logger = logging.getLogger("portal.worker")

RECONNECT_WAIT_SECONDS = 2.0


class Command(BaseCommand):
    help = "Run the background worker (mail, PDFs, nightly jobs); survives database restarts."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--concurrency", type=int, default=4)
        parser.add_argument(
            "--queues", default="", help="comma-separated queue names (default: all)"
        )

    def handle(self, *args: Any, concurrency: int, queues: str, **options: Any) -> None:
        worker_options: dict[str, Any] = {
            "concurrency": concurrency,
            "queues": [q for q in queues.split(",") if q] or None,
            "install_signal_handlers": False,  # ours below decide between stop and restart
        }
        # procrastinate's Django app runs on a DjangoConnector; the worker swaps it for the
        # async connector it provides (app.connector is typed as the base class).
        django_connector = app.connector
        if not isinstance(django_connector, DjangoConnector):
            raise TypeError(f"procrastinate's app has no Django connector: {django_connector!r}")
        with app.replace_connector(django_connector.get_worker_connector()):
            asyncio.run(run_forever(worker_options))


async def run_forever(worker_options: dict[str, Any]) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    while not stop.is_set():
        await _wait_for_database(stop)
        if stop.is_set():
            break
        try:
            async with app.open_async():
                await _run_until_stopped(stop, worker_options)
        except Exception as error:  # noqa: BLE001 - a lost database surfaces in many ways
            logger.warning("Worker stopped: %s: %s", type(error).__name__, error)
        if not stop.is_set():
            logger.warning(
                "Worker stopped unexpectedly; starting a new one once the database answers"
            )
            await _sleep_unless(stop, RECONNECT_WAIT_SECONDS)


async def _run_until_stopped(stop: asyncio.Event, worker_options: dict[str, Any]) -> None:
    worker = asyncio.create_task(app.run_worker_async(**worker_options), name="worker")
    stopping = asyncio.create_task(stop.wait(), name="stop")
    await asyncio.wait({worker, stopping}, return_when=asyncio.FIRST_COMPLETED)
    if stop.is_set() and not worker.done():
        # Cancelling run_worker_async is procrastinate's graceful stop: running jobs finish.
        worker.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await worker
        return
    stopping.cancel()
    worker.result()  # re-raise what ended it


async def _wait_for_database(stop: asyncio.Event) -> None:
    """Return once a fresh connection reaches the database (or when asked to stop)."""
    while not stop.is_set():
        try:
            async with app.open_async():
                if await app.check_connection_async():
                    return
        except Exception as error:  # noqa: BLE001
            logger.info("Database not reachable yet: %s", error)
        await _sleep_unless(stop, RECONNECT_WAIT_SECONDS)


async def _sleep_unless(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), timeout=seconds)
