"""Measures: dated progress notes, progress in percent, the public tracker."""

from datetime import date

import pytest
from django.urls import reverse

from networks import services
from networks.models import IntegrationConcept, Measure
from tests.networks.factories import ConceptFactory, MeasureFactory


@pytest.fixture
def concept(goslar):
    return ConceptFactory(region=goslar, version=2019, status=IntegrationConcept.Status.ADOPTED)


def test_a_note_with_a_percentage_moves_the_measure_forward(concept):
    measure = MeasureFactory(concept=concept)
    services.measure_add_progress_note(
        measure=measure, date=date(2020, 2, 1), text="Start", progress=30
    )
    measure.refresh_from_db()
    assert (measure.progress, measure.status) == (30, Measure.Status.IN_PROGRESS)
    services.measure_add_progress_note(
        measure=measure, date=date(2021, 2, 1), text="Fertig", progress=100
    )
    measure.refresh_from_db()
    assert (measure.progress, measure.status) == (100, Measure.Status.DONE)
    assert [n.text for n in measure.progress_notes.all()] == ["Fertig", "Start"]


def test_a_note_without_percentage_keeps_the_progress(concept):
    measure = MeasureFactory(concept=concept, progress=50, status=Measure.Status.IN_PROGRESS)
    services.measure_add_progress_note(measure=measure, date=date(2020, 2, 1), text="Treffen")
    measure.refresh_from_db()
    assert measure.progress == 50


def test_staff_cannot_enter_more_than_100_percent(client_of, coordinator_goslar, concept):
    measure = MeasureFactory(concept=concept)
    client = client_of(coordinator_goslar)
    client.post(
        reverse("networks_staff:note_add", args=["goslar", measure.pk]),
        {"date": "2020-01-01", "text": "zu viel", "progress": "150"},
    )
    assert measure.progress_notes.count() == 0
    response = client.post(
        reverse("networks_staff:measure_edit", args=["goslar", measure.pk]),
        {
            "field_of_action": measure.field_of_action_id,
            "order": 0,
            "title": "X",
            "status": "planned",
            "progress": "101",
            "start": "2020-01-01",
            "end": "2019-01-01",
        },
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "100" in body
    measure.refresh_from_db()
    assert measure.title != "X"


def test_the_tracker_filters_by_field_and_status(client, goslar, concept):
    first, second = goslar.fields_of_action.all()[:2]
    MeasureFactory(
        concept=concept, field_of_action=first, title="Jobpaten", status="done", progress=100
    )
    MeasureFactory(
        concept=concept, field_of_action=second, title="Schulbegleitung", status="planned"
    )
    url = reverse("networks:measure_tracker", args=["goslar", 2019])

    everything = client.get(url).content.decode()
    assert "Jobpaten" in everything and "Schulbegleitung" in everything
    by_field = client.get(url, {"field": second.slug}).content.decode()
    assert "Jobpaten" not in by_field and "Schulbegleitung" in by_field
    done = client.get(url, {"status": "done"}).content.decode()
    assert "Jobpaten" in done and "Schulbegleitung" not in done
    # progress bars carry their value for assistive technology, and as text
    assert 'role="progressbar"' in done and 'aria-valuenow="100"' in done and "100\xa0%" in done


def test_unknown_filter_values_do_not_break_the_tracker(client, concept):
    url = reverse("networks:measure_tracker", args=["goslar", 2019])
    assert client.get(url, {"field": "nope", "status": "???"}).status_code == 200
