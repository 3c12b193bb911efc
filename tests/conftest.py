"""Fixtures shared by every test: two regions and people with roles in them.

"Goslar" and "Harz" are the two regions; the cast is a coordinator, an editor and event staff
of Goslar, and an editor of Harz (the outsider for Goslar's data).
"""

from __future__ import annotations

import os
from types import SimpleNamespace

import pytest
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
def fast_password_hasher(settings):
    """Hashing with the production hasher costs ~0.3 s per user; tests create many."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads and generated files of a test go to a temporary folder, not the checkout."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def client_of(client):
    """``client_of(user)``: the test client, logged in as that user."""

    def login(user):
        client.force_login(user)
        return client

    return login


class JobRunner:
    """Runs deferred procrastinate jobs synchronously, in the test's own transaction."""

    def __init__(self, connector: testing.InMemoryConnector):
        self.connector = connector

    def pending(self, task_name: str | None = None) -> list[dict]:
        return [
            job
            for job in self.connector.jobs.values()
            if job["status"] == "todo" and (task_name is None or job["task_name"] == task_name)
        ]

    def run(self) -> int:
        count = 0
        while todo := self.pending():
            for job in todo:
                task = procrastinate_app.tasks[job["task_name"]]
                args = dict(job["args"])
                if task.pass_context:
                    context = SimpleNamespace(job=SimpleNamespace(attempts=job.get("attempts", 0)))
                    task.func(context, **args)
                else:
                    task.func(**args)
                job["status"] = "succeeded"
                count += 1
        return count


@pytest.fixture(autouse=True)
def jobs():
    """Every test defers jobs into memory; ``jobs.run()`` executes them."""
    connector = testing.InMemoryConnector()
    with procrastinate_app.replace_connector(connector):
        yield JobRunner(connector)


@pytest.fixture
def mailoutbox_run(jobs, mailoutbox, django_capture_on_commit_callbacks):
    """Commit callbacks run, jobs run: what a user would find in their inbox."""

    def deliver():
        jobs.run()
        return mailoutbox

    return deliver
