"""Fixtures shared by every test: two regions and people with roles in them.

"Goslar" and "Harz" are the two regions; the cast is a coordinator, an editor and event staff
of Goslar, and an editor of Harz (the outsider for Goslar's data).
"""

from __future__ import annotations

import json
import os
from types import SimpleNamespace

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.utils import translation
from procrastinate import testing
from procrastinate.contrib.django import app as procrastinate_app

from portal.models import Role
from tests.factories import RegionFactory, staff_user

# Playwright's sync API runs an event loop in the test thread; the ORM calls that tests
# make around it are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def goslar(db):
    return RegionFactory(name="Landkreis Goslar", slug="goslar", county_key="03153")


@pytest.fixture
def harz(db):
    return RegionFactory(name="Landkreis Harz", slug="harz", county_key="15085")


@pytest.fixture
def coordinator_goslar(goslar):
    return staff_user(goslar, Role.COORDINATOR, email="coordinator@goslar.example.org")


@pytest.fixture
def editor_goslar(goslar):
    return staff_user(goslar, Role.EDITOR, email="editor@goslar.example.org")


@pytest.fixture
def event_staff_goslar(goslar):
    return staff_user(goslar, Role.EVENT_STAFF, email="eventstaff@goslar.example.org")


@pytest.fixture
def editor_harz(harz):
    return staff_user(harz, Role.EDITOR, email="editor@harz.example.org")


@pytest.fixture(autouse=True)
def german_to_begin_with():
    """Every test starts in German: a request through the language middleware leaves its
    language active in the thread, and a form rendered after it would speak Arabic."""
    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.activate(django_settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    """Hashing with the production hasher costs ~0.3 s per user; tests create many."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads and generated files of a test go to a temporary folder, not the checkout."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SENDFILE_ROOT = str(settings.MEDIA_ROOT)  # downloads are sent from there
    return settings.MEDIA_ROOT


@pytest.fixture
def client_of(client):
    """``client_of(user)``: the test client, logged in as that user."""

    def login(user):
        client.force_login(user)
        return client

    return login


class JobRunner:
    """Runs deferred procrastinate jobs synchronously, in the test's own transaction.

    Jobs are stored in the real ``procrastinate_jobs`` table (the outbox: they are written in
    the same transaction as the change that owes them), so a test sees exactly what a worker
    would find after the commit.
    """

    def __init__(self, connector: testing.InMemoryConnector | None = None) -> None:
        # With a connector: the jobs deferred into that in-memory queue (the site-wide crawl
        # runs its PDF jobs this way); without: the real table.
        self.connector = connector

    def _memory_pending(self, task_name: str | None) -> list[dict]:
        return [
            job
            for job in self.connector.jobs.values()
            if job["status"] == "todo" and (task_name is None or job["task_name"] == task_name)
        ]

    def pending(self, task_name: str | None = None) -> list[dict]:
        if self.connector is not None:
            return self._memory_pending(task_name)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT id, task_name, args, attempts FROM procrastinate_jobs "
                "WHERE status = 'todo' AND (%s::text IS NULL OR task_name = %s) ORDER BY id",
                [task_name, task_name],
            )
            return [
                {
                    "id": id_,
                    "task_name": name,
                    # Django reads jsonb as text (its JSONField decodes it)
                    "args": json.loads(args) if isinstance(args, str) else args,
                    "attempts": attempts,
                }
                for id_, name, args, attempts in cursor.fetchall()
            ]

    def run(self) -> int:
        count = 0
        while todo := self.pending():
            for job in todo:
                self._set_status(job, "doing")
                task = procrastinate_app.tasks[job["task_name"]]
                args = dict(job["args"])
                if task.pass_context:
                    context = SimpleNamespace(
                        job=SimpleNamespace(id=job.get("id"), attempts=job.get("attempts", 0))
                    )
                    task.func(context, **args)
                else:
                    task.func(**args)
                self._set_status(job, "succeeded")
                count += 1
        return count

    def _set_status(self, job: dict, status: str) -> None:
        if self.connector is not None:
            job["status"] = status
            return
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE procrastinate_jobs SET status = %s WHERE id = %s", [status, job["id"]]
            )


@pytest.fixture(autouse=True)
def jobs(request, django_db_blocker):
    """Every test's jobs go to the real queue table (rolled back with the test);
    ``jobs.run()`` executes them. Tests without a database defer into memory."""
    marker = request.node.get_closest_marker("django_db")
    # live_server asks for transactional_db only while it is being set up, so it is not listed
    # among the test's fixture names.
    committed = bool({"transactional_db", "live_server"} & set(request.fixturenames)) or (
        marker is not None and marker.kwargs.get("transaction")
    )
    if committed:
        yield JobRunner()
        # Flushing the database after a transactional test leaves procrastinate's tables alone
        # (they are not Django models): empty them, or the next test finds these jobs.
        with django_db_blocker.unblock(), connection.cursor() as cursor:
            cursor.execute(
                "TRUNCATE procrastinate_jobs, procrastinate_events, procrastinate_periodic_defers"
            )
        return
    if "db" in request.fixturenames or marker:
        yield JobRunner()
        return
    with procrastinate_app.replace_connector(testing.InMemoryConnector()):
        yield JobRunner()


@pytest.fixture
def mailoutbox_run(jobs, mailoutbox, django_capture_on_commit_callbacks):
    """Commit callbacks run, jobs run: what a user would find in their inbox."""

    def deliver():
        jobs.run()
        return mailoutbox

    return deliver
