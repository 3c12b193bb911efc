"""date_message_send: a staff message to everyone with a seat (and the waiting list if asked),
rendered and sent by one job per recipient."""

from __future__ import annotations

from conferences.models import Registration
from conferences.services import events as event_services
from portal.models import OutgoingMail
from tests.conferences.factories import RegistrationFactory


def test_staff_message_reaches_everyone_with_a_seat(
    event_date, jobs, deliver, django_capture_on_commit_callbacks
):
    RegistrationFactory.create_batch(2, event_date=event_date)
    RegistrationFactory(event_date=event_date, status=Registration.Status.WAITING)
    with django_capture_on_commit_callbacks(execute=True):
        count = event_services.date_message_send(
            event_date=event_date, subject="Raumänderung", body="Wir treffen uns in Raum 2."
        )
    assert count == 2
    # Nothing is rendered in the request: one job per recipient does it.
    assert not OutgoingMail.objects.filter(subject="Raumänderung").exists()
    assert len(jobs.pending("conferences.send_date_message")) == 2
    mails = deliver()
    assert OutgoingMail.objects.filter(subject="Raumänderung").count() == 2
    assert sorted(m.subject for m in mails) == ["Raumänderung", "Raumänderung"]
    assert all("Raum 2" in m.body for m in mails)


def test_staff_message_to_the_waiting_list_too(
    event_date, deliver, django_capture_on_commit_callbacks
):
    RegistrationFactory(event_date=event_date)
    RegistrationFactory(event_date=event_date, status=Registration.Status.WAITING)
    with django_capture_on_commit_callbacks(execute=True):
        count = event_services.date_message_send(
            event_date=event_date, subject="Hinweis", body="Text", include_waiting=True
        )
    assert count == 2
    deliver()
    assert OutgoingMail.objects.filter(subject="Hinweis").count() == 2
