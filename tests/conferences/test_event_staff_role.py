"""Event staff run the registrations of a date but do not edit or cancel events."""

from __future__ import annotations

from conferences.models import Registration
from tests.conferences.factories import RegistrationFactory
from tests.conferences.staff_forms import staff_url

Status = Registration.Status


def test_event_staff_may_run_registrations_but_not_edit_events(
    client_of, event_staff_goslar, event, event_date
):
    client = client_of(event_staff_goslar)
    registration = RegistrationFactory(event_date=event_date)
    assert (
        client.get(staff_url(event.region, f"dates/{event_date.pk}/participants/")).status_code
        == 200
    )
    assert (
        client.get(staff_url(event.region, f"dates/{event_date.pk}/check-in/")).status_code == 200
    )
    client.post(
        staff_url(event.region, f"registrations/{registration.pk}/check-in/"), {"attended": "1"}
    )
    registration.refresh_from_db()
    assert registration.status == Status.ATTENDED
    assert client.get(staff_url(event.region, f"events/{event.pk}/edit/")).status_code == 403
    assert (
        client.post(
            staff_url(event.region, f"events/{event.pk}/status/"),
            {"action": "cancel", "confirm": "yes"},
        ).status_code
        == 403
    )
