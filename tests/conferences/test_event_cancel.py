"""event_cancel: cancelling an event notifies everyone registered and frees every seat."""

from __future__ import annotations

from conferences.models import Registration
from conferences.services import events as event_services
from tests.conferences.factories import RegistrationFactory


def test_cancelling_the_event_notifies_everyone(
    event, event_date, deliver, django_capture_on_commit_callbacks
):
    RegistrationFactory.create_batch(3, event_date=event_date)
    RegistrationFactory(event_date=event_date, status=Registration.Status.WAITING)
    RegistrationFactory(event_date=event_date, status=Registration.Status.CANCELLED)
    with django_capture_on_commit_callbacks(execute=True):
        assert event_services.event_cancel(event=event) == 4
    assert len(deliver()) == 4
    assert not Registration.objects.active().exists()
