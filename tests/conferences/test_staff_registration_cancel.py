"""Staff cancel a registration, after a confirmation page."""

from __future__ import annotations

from conferences.models import Registration
from tests.conferences.factories import RegistrationFactory
from tests.conferences.staff_forms import staff_url

Status = Registration.Status


def test_staff_cancel_a_registration_after_confirming(client_of, event_staff_goslar, event_date):
    holder = RegistrationFactory(event_date=event_date, name="Lea Neumann")
    client = client_of(event_staff_goslar)
    url = staff_url(event_date.event.region, f"registrations/{holder.pk}/cancel/")
    page = client.get(url)
    assert page.status_code == 200 and "Lea Neumann" in page.content.decode()
    holder.refresh_from_db()
    assert holder.status == Status.CONFIRMED  # asking changes nothing
    response = client.post(url)
    assert response.status_code == 302
    holder.refresh_from_db()
    assert holder.status == Status.CANCELLED
