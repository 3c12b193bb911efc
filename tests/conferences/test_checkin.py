"""Check-in on the day: the count is the whole date's, and it follows every click."""

from __future__ import annotations

from conferences.models import Registration
from tests.conferences.factories import RegistrationFactory
from tests.conferences.staff_forms import staff_url


def test_the_count_covers_the_whole_date_while_a_search_is_active(
    client_of, event_staff_goslar, event_date
):
    RegistrationFactory(event_date=event_date, name="Lea Neumann", status="attended")
    RegistrationFactory(event_date=event_date, name="Omar Said")
    RegistrationFactory(event_date=event_date, name="Olga Petrenko")
    RegistrationFactory(event_date=event_date, name="Wartende", status="waiting")
    page = client_of(event_staff_goslar).get(
        staff_url(event_date.event.region, f"dates/{event_date.pk}/check-in/?q=Omar")
    )
    html = page.content.decode()
    assert "1 von 3 eingecheckt" in html or "1 of 3 checked in" in html
    assert "Olga Petrenko" not in html


def test_a_check_in_with_htmx_answers_the_row_and_the_new_count(
    client_of, event_staff_goslar, event_date
):
    RegistrationFactory(event_date=event_date, status="attended")
    omar = RegistrationFactory(event_date=event_date, name="Omar Said")
    response = client_of(event_staff_goslar).post(
        staff_url(event_date.event.region, f"registrations/{omar.pk}/check-in/"),
        {"attended": "1"},
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert f'id="checkin-{omar.pk}"' in html
    assert 'id="checkin-count"' in html and 'data-hx-swap-oob="innerHTML"' in html
    assert "2 von 2 eingecheckt" in html or "2 of 2 checked in" in html
    assert Registration.objects.get(pk=omar.pk).status == "attended"


def test_check_in_with_htmx_returns_the_row_only(client_of, coordinator_goslar, event_date):
    registration = RegistrationFactory(event_date=event_date, name="Lea")
    response = client_of(coordinator_goslar).post(
        f"/staff/goslar/registrations/{registration.pk}/check-in/",
        {"attended": "1"},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith("<li") and "Lea" in body and 'aria-pressed="true"' in body
