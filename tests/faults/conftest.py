"""Fault tests run the portal's real processes (gunicorn, the worker) against a throwaway
PostgreSQL cluster and a local SMTP sink, and kill things: processes with SIGKILL, the
database with an immediate shutdown. The suite's own database is only read (its schema)."""

from __future__ import annotations

import contextlib
import itertools
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest

from tests.faults.cluster import ThrowawayCluster, dump_schema
from tests.faults.smtp_sink import SmtpSink

ROOT = Path(__file__).resolve().parents[2]
_numbers = itertools.count()


@pytest.fixture(scope="session")
def cluster(django_db_setup, django_db_blocker):
    from django.db import connection

    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute("SELECT current_database()")
        [name] = cursor.fetchone()
        dump = dump_schema({**connection.settings_dict, "NAME": name})
    cluster = ThrowawayCluster()
    try:
        cluster.load("template_portal", dump)
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def smtp():
    sink = SmtpSink()
    yield sink
    sink.close()


class Portal:
    """One fresh database on the throwaway cluster and the processes that use it."""

    def __init__(self, cluster: ThrowawayCluster, smtp: SmtpSink):
        self.cluster = cluster
        self.database = f"portal_{os.getpid()}_{next(_numbers)}"
        cluster.copy_database("template_portal", self.database)
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings",
            "DATABASE_URL": cluster.url(self.database),
            "DEBUG": "false",
            "STAFF_REQUIRE_MFA": "false",
            "PUBLIC_FORM_RATE_LIMIT": "0",
            "LOG_LEVEL": "WARNING",
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(smtp.port),
            "EMAIL_TIMEOUT": "5",
            # Stalled-job recovery in seconds instead of a minute, so the test stays short.
            "WORKER_HEARTBEAT_SECONDS": "1",
            "JOB_STALLED_AFTER_SECONDS": "2",
            "JOB_STALLED_CHECK_SECONDS": "1",
        }
        self.processes: list[subprocess.Popen] = []

    def manage(self, *args: str) -> str:
        result = subprocess.run(
            [sys.executable, "-m", *args], cwd=ROOT, env=self.env, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout

    def start(self, *args: str) -> subprocess.Popen:
        process = subprocess.Popen(
            [sys.executable, *args],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=open(self.cluster.root / f"{self.database}-{len(self.processes)}.log", "w"),  # noqa: SIM115
        )
        self.processes.append(process)
        return process

    def start_worker(self, concurrency: int = 2) -> subprocess.Popen:
        return self.start("manage.py", "worker", "--concurrency", str(concurrency))

    def query(self, sql: str, params: tuple = ()) -> list[tuple]:
        with self.cluster.connect(self.database) as conn:
            return conn.execute(sql, params).fetchall()

    def wait_until_queue_is_empty(self, timeout: float = 120) -> None:
        """Until no job that sends or renders mail is waiting or running."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with contextlib.suppress(psycopg.OperationalError):
                [(left,)] = self.query(
                    "SELECT count(*) FROM procrastinate_jobs WHERE queue_name = 'mail' "
                    "AND status IN ('todo', 'doing')"
                )
                if left == 0:
                    return
            time.sleep(0.1)
        raise AssertionError(f"mail jobs still waiting after {timeout} s: {self.jobs_left()}")

    def jobs_left(self) -> list[tuple]:
        return self.query(
            "SELECT id, task_name, status, args FROM procrastinate_jobs "
            "WHERE queue_name = 'mail' AND status <> 'succeeded'"
        )

    def stop_all(self) -> None:
        """The test is over: its processes and database go (no graceful stop needed)."""
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
            process.wait()
        with contextlib.suppress(psycopg.Error):
            self.cluster.drop_database(self.database)


@pytest.fixture
def portal(cluster, smtp):
    portal = Portal(cluster, smtp)
    yield portal
    portal.stop_all()
