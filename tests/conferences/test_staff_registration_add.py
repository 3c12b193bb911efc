"""Staff add a registration taken by phone."""

from __future__ import annotations

from conferences.models import Registration
from tests.conferences.staff_forms import staff_url


def test_staff_add_a_phone_registration(client_of, coordinator_goslar, event, event_date):
    response = client_of(coordinator_goslar).post(
        staff_url(event.region, f"dates/{event_date.pk}/add/"),
        {"name": "Herr Telefon", "email": "tel@example.org", "language": "de", "consent": "on"},
    )
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert (registration.source, registration.status) == ("staff", "confirmed")
