"""Staff record the workshops' results and publish them with the documentation."""

from __future__ import annotations

from tests.conferences.factories import WorkshopFactory
from tests.conferences.staff_forms import management


def test_workshop_results_are_saved_and_published(client_of, coordinator_goslar, event, event_date):
    workshop = WorkshopFactory(event_date=event_date)
    data = {
        "doc-documentation": "Ergebnisse der Konferenz",
        "doc-documentation_published": "on",
        **management("results", 1, 1),
        "results-0-id": workshop.pk,
        "results-0-needs": "Mehr Sprachkurse",
        "results-0-recommendations": "Kurse abstimmen",
    }
    response = client_of(coordinator_goslar).post(f"/staff/goslar/events/{event.pk}/results/", data)
    assert response.status_code == 302
    workshop.refresh_from_db()
    assert workshop.recommendations == "Kurse abstimmen"
    from django.test import Client

    assert "Mehr Sprachkurse" in Client().get(event.get_absolute_url()).content.decode()
