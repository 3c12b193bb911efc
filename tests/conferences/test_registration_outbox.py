"""The transactional outbox: every change that owes a participant a mail stores the mail's job
in its own transaction, so no commit can happen without it."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from conferences.services import registrations as services
from conferences.tasks import send_registration_mail
from portal.models import OutgoingMail
from tests.conferences.factories import EventDateFactory


def _mail_jobs(jobs) -> list[dict]:
    return [job["args"] for job in jobs.pending("conferences.send_registration_mail")]


def test_the_registration_statement_stores_the_confirmation_job(event_date, person, jobs):
    registration, created = services.registration_create(
        event_date=event_date, participant=person(1)
    )
    assert created
    assert _mail_jobs(jobs) == [{"registration_id": registration.pk, "kind": "confirmed"}]


def test_a_place_on_the_waiting_list_stores_the_waiting_list_mail_job(event, person, jobs):
    full = EventDateFactory(event=event, seats=1)
    services.registration_create(event_date=full, participant=person(1))
    waiting, _ = services.registration_create(event_date=full, participant=person(2))
    assert waiting.status == "waiting"
    assert _mail_jobs(jobs)[-1] == {"registration_id": waiting.pk, "kind": "waiting"}


def test_a_refused_registration_stores_no_job(event_date, person, jobs):
    services.registration_create(event_date=event_date, participant=person(1))
    with pytest.raises(services.AlreadyRegistered):
        services.registration_create(event_date=event_date, participant=person(1))
    assert len(_mail_jobs(jobs)) == 1


def test_a_cancellation_stores_its_mail_and_the_promotion_mail(event, person, jobs):
    date = EventDateFactory(event=event, seats=1)
    holder, _ = services.registration_create(event_date=date, participant=person(1))
    waiting, _ = services.registration_create(event_date=date, participant=person(2))
    services.registration_cancel(registration=holder)
    assert _mail_jobs(jobs)[-2:] == [
        {"registration_id": holder.pk, "kind": "cancelled"},
        {"registration_id": waiting.pk, "kind": "moved_up"},
    ]


def test_a_rerun_of_the_mail_job_queues_the_mail_once(event_date, person, jobs):
    registration, _ = services.registration_create(event_date=event_date, participant=person(1))
    [job] = jobs.pending("conferences.send_registration_mail")
    context = SimpleNamespace(job=SimpleNamespace(id=job["id"], attempts=0))
    for _ in range(2):  # e.g. the worker died after the first run's commit
        send_registration_mail.func(context, registration_id=registration.pk, kind="confirmed")
    [mail] = OutgoingMail.objects.filter(to="person1@example.org")
    sending = [j for j in jobs.pending("portal.send_mail") if j["args"] == {"mail_id": mail.pk}]
    assert len(sending) == 1
