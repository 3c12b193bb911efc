from __future__ import annotations

import pytest

from conferences.services.registrations import ParticipantData
from tests.conferences.factories import EventDateFactory, EventFactory, WorkshopFactory


@pytest.fixture
def event(goslar):
    return EventFactory(region=goslar)


@pytest.fixture
def event_date(event):
    return EventDateFactory(event=event, seats=20)


@pytest.fixture
def workshops(event_date):
    return [WorkshopFactory(event_date=event_date, title=f"WS {i}", seats=2) for i in range(3)]


@pytest.fixture
def person():
    """``person(n)``: participant data with a distinct e-mail."""

    def make(n: int = 0, **kwargs) -> ParticipantData:
        return ParticipantData(
            name=kwargs.pop("name", f"Person {n}"),
            email=kwargs.pop("email", f"person{n}@example.org"),
            consent=True,
            **kwargs,
        )

    return make


@pytest.fixture
def deliver(jobs, mailoutbox, django_capture_on_commit_callbacks):
    """Run commit callbacks and jobs until nothing is left: the mails people would get."""

    def run():
        for _ in range(5):
            with django_capture_on_commit_callbacks(execute=True):
                if not jobs.run():
                    break
        return mailoutbox

    return run
