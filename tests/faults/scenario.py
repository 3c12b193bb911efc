"""The Django side of the fault tests, run in its own process against the throwaway cluster:
``python -m tests.faults.scenario COMMAND`` with DATABASE_URL pointing there.

``writes-killed-after-commit`` performs every kind of write that owes a mail, each in a forked
child that is killed with SIGKILL right after its transaction commits, before anything else
runs (before on-commit callbacks, before a response could be sent).
"""

from __future__ import annotations

import json
import os
import signal
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
django.setup()

from django.db import connections  # noqa: E402
from django.db.backends.base.base import BaseDatabaseWrapper  # noqa: E402

SLUG = "faults"


def seed(seats: int) -> dict:
    from tests.conferences.factories import EventDateFactory, EventFactory
    from tests.factories import RegionFactory

    region = RegionFactory(
        name="Landkreis Fehlerprobe", slug=SLUG, county_key="99997", office_name="Probe"
    )
    event = EventFactory(region=region, title="Konferenz unter Störungen", slug="stoerung")
    date = EventDateFactory(event=event, seats=seats)
    return {"region": SLUG, "event_slug": event.slug, "date_id": date.pk, "event_id": event.pk}


def queue_mails(count: int, prefix: str = "person") -> None:
    from portal.lib.mail import queue_mail
    from portal.models import OutgoingMail

    for n in range(count):
        queue_mail(
            to=f"{prefix}{n}@example.org",
            subject=f"Nachricht {n}",
            body_text=f"Text {n}",
            topic=OutgoingMail.Topic.REGISTRATION,
        )


def _killed_after_commit(write) -> None:
    """Run ``write`` in a forked child that dies by SIGKILL at its first COMMIT."""
    connections.close_all()  # the child must not share the parent's connection
    pid = os.fork()
    if pid == 0:
        original = BaseDatabaseWrapper.run_and_clear_commit_hooks

        def die(self):
            os.kill(os.getpid(), signal.SIGKILL)
            original(self)  # never reached

        BaseDatabaseWrapper.run_and_clear_commit_hooks = die
        try:
            write()
        finally:
            os._exit(3)  # the write did not commit: the test sees the wrong exit
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, status


def writes_killed_after_commit() -> None:
    from conferences.models import Event, EventDate, Registration
    from conferences.services import events, registrations
    from conferences.services.registrations import ParticipantData
    from portal import services
    from portal.models import Region, Role
    from tests.factories import UserFactory

    ids = seed(seats=1)
    date = EventDate.objects.get(pk=ids["date_id"])
    region = Region.objects.get(slug=SLUG)
    coordinator = UserFactory(email="koordination@example.org")

    def register(email: str):
        return lambda: registrations.registration_create(
            event_date=EventDate.objects.get(pk=date.pk),
            participant=ParticipantData(name=email.split("@")[0], email=email, consent=True),
        )

    _killed_after_commit(register("anna@example.org"))  # a seat: confirmed
    _killed_after_commit(register("ben@example.org"))  # the waiting list
    anna = Registration.objects.get(email="anna@example.org")
    # Anna cancels: her cancellation and Ben's move up are owed.
    _killed_after_commit(lambda: registrations.registration_cancel(registration=anna))
    _killed_after_commit(
        lambda: services.invitation_create(
            region=region, email="neu@example.org", role=Role.EDITOR, invited_by=coordinator
        )
    )
    _killed_after_commit(lambda: events.event_cancel(event=Event.objects.get(pk=ids["event_id"])))


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    if command == "seed":
        print(json.dumps(seed(int(args[0]))))
    elif command == "queue-mails":
        queue_mails(int(args[0]), *args[1:])
    elif command == "writes-killed-after-commit":
        writes_killed_after_commit()
    else:
        raise SystemExit(f"unknown command {command}")
