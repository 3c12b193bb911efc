"""Workshop results become measures of the integration concept, and measures show where they
came from (public tracker, staff measure page) and the event's documentation shows them."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conferences.models import Event
from conferences.services import results as services
from networks import services as network_services
from networks.models import IntegrationConcept, Measure
from tests.conferences.factories import EventDateFactory, EventFactory, WorkshopFactory
from tests.networks.factories import ConceptFactory, MeasureFactory

pytestmark = pytest.mark.django_db

Status = IntegrationConcept.Status


@pytest.fixture
def workshop(goslar):
    event = EventFactory(region=goslar, title="5. Integrationskonferenz", slug="ik5")
    event.documentation_published = True
    event.save()
    return WorkshopFactory(
        event_date=EventDateFactory(event=event),
        title="Sprache",
        field_of_action=goslar.fields_of_action.first(),
        needs="Zu wenige Kursplätze am Abend",
        recommendations=(
            "- Abendkurse in Bad Harzburg anbieten\n- Kinderbetreuung während der Kurse"
        ),
    )


@pytest.fixture
def adopted(goslar):
    return ConceptFactory(region=goslar, version=2019, status=Status.ADOPTED)


@pytest.fixture
def draft(goslar):
    return ConceptFactory(region=goslar, version=2026, status=Status.DRAFT)


def url(region, workshop):
    return f"/staff/{region.slug}/workshops/{workshop.pk}/measures/"


def test_the_workshop_page_offers_each_recommendation_as_a_measure(
    client_of, editor_goslar, goslar, workshop, draft
):
    response = client_of(editor_goslar).get(url(goslar, workshop) + "?recommendation=1")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Abendkurse in Bad Harzburg anbieten" in page
    # The chosen recommendation (without its bullet) prefills the new measure.
    form = response.context["new_form"]
    assert form.initial["title"] == "Kinderbetreuung während der Kurse"
    assert form.initial["field_of_action"] == workshop.field_of_action_id


def test_staff_create_a_measure_from_a_recommendation_in_the_draft(
    client_of, editor_goslar, goslar, workshop, draft
):
    response = client_of(editor_goslar).post(
        url(goslar, workshop),
        {
            "action": "create",
            "new-concept": draft.pk,
            "new-field_of_action": workshop.field_of_action_id,
            "new-title": "Abendkurse anbieten",
            "new-description": "Aus dem Workshop Sprache.",
        },
    )
    assert response.status_code == 302
    measure = Measure.objects.get(title="Abendkurse anbieten")
    assert measure.concept == draft
    assert measure.status == Measure.Status.PLANNED
    assert list(measure.workshop_results.all()) == [workshop]


def test_a_measure_cannot_go_into_an_adopted_version_or_another_region(
    client_of, editor_goslar, goslar, harz, workshop, adopted
):
    other = ConceptFactory(region=harz, version=2026)
    client = client_of(editor_goslar)
    for concept in (adopted, other):
        response = client.post(
            url(goslar, workshop),
            {
                "action": "create",
                "new-concept": concept.pk,
                "new-field_of_action": workshop.field_of_action_id,
                "new-title": "Abendkurse",
            },
        )
        assert response.status_code == 400
        assert "new-concept" in response.content.decode() or response.context["new_form"].errors
    assert not Measure.objects.filter(title="Abendkurse").exists()
    # The service refuses as well (e.g. a version adopted while the form was open).
    with pytest.raises(services.ResultLinkError):
        services.measure_create_from_results(
            workshop=workshop,
            concept=adopted,
            field_of_action=workshop.field_of_action,
            title="Abendkurse",
        )
    with pytest.raises(services.ResultLinkError):
        services.measure_create_from_results(
            workshop=workshop,
            concept=other,
            field_of_action=harz.fields_of_action.first(),
            title="Abendkurse",
        )


def test_staff_link_existing_measures_of_their_region_only(
    client_of, editor_goslar, goslar, harz, workshop, adopted
):
    own = MeasureFactory(concept=adopted)
    foreign = MeasureFactory(concept=ConceptFactory(region=harz, status=Status.ADOPTED))
    client = client_of(editor_goslar)
    response = client.post(url(goslar, workshop), {"action": "link", "link-measures": [foreign.pk]})
    assert response.status_code == 400
    assert not workshop.measures.exists()
    response = client.post(url(goslar, workshop), {"action": "link", "link-measures": [own.pk]})
    assert response.status_code == 302
    assert list(workshop.measures.all()) == [own]
    # Unlinking: nothing ticked.
    client.post(url(goslar, workshop), {"action": "link"})
    assert not workshop.measures.exists()


def test_the_public_tracker_names_the_workshop_a_measure_came_from(
    client, goslar, workshop, adopted
):
    measure = MeasureFactory(concept=adopted, title="Abendkurse anbieten")
    workshop.measures.add(measure)
    response = client.get(f"/{goslar.slug}/concept/{adopted.version}/measures/")
    page = response.content.decode()
    assert "Comes from the workshop results of" in page or "Workshop-Ergebnisse" in page
    assert f'{workshop.event_date.event.get_absolute_url()}#result-{workshop.pk}"' in page
    assert "5. Integrationskonferenz" in page


def test_a_draft_event_is_not_named_on_public_pages(client, goslar, workshop, adopted):
    Event.objects.filter(pk=workshop.event_date.event_id).update(status=Event.Status.DRAFT)
    workshop.measures.add(MeasureFactory(concept=adopted))
    page = client.get(f"/{goslar.slug}/concept/{adopted.version}/measures/").content.decode()
    assert "5. Integrationskonferenz" not in page


def test_the_staff_measure_page_names_its_workshop(client_of, editor_goslar, goslar, workshop):
    measure = MeasureFactory(concept=ConceptFactory(region=goslar))
    workshop.measures.add(measure)
    page = (
        client_of(editor_goslar)
        .get(f"/staff/{goslar.slug}/network/measures/{measure.pk}/")
        .content.decode()
    )
    assert url(goslar, workshop) in page


def test_a_revision_keeps_the_origin_of_its_measures(
    client_of, editor_goslar, goslar, workshop, adopted
):
    measure = MeasureFactory(concept=adopted, title="Abendkurse anbieten")
    workshop.measures.add(measure)
    revision = network_services.concept_start_revision(concept=adopted, version=2027)
    copy = revision.measures.get(lineage=measure.lineage)
    page = (
        client_of(editor_goslar)
        .get(f"/staff/{goslar.slug}/network/measures/{copy.pk}/")
        .content.decode()
    )
    assert url(goslar, workshop) in page


def test_the_event_documentation_lists_the_measures_in_their_newest_public_version(
    client, goslar, workshop, adopted
):
    measure = MeasureFactory(concept=adopted, title="Abendkurse anbieten")
    hidden = MeasureFactory(concept=ConceptFactory(region=goslar), title="Nur im Entwurf")
    workshop.measures.add(measure, hidden)
    event = workshop.event_date.event
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Abendkurse anbieten" in page
    assert f"/{goslar.slug}/concept/2019/measures/#measure-{measure.pk}" in page
    assert "Nur im Entwurf" not in page


def test_the_tracker_needs_one_query_for_all_origins(client, goslar, workshop, adopted):
    path = f"/{goslar.slug}/concept/{adopted.version}/measures/"

    def origin_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        return sum("conferences_" in q["sql"] for q in queries.captured_queries)

    workshop.measures.add(MeasureFactory(concept=adopted))
    assert origin_queries() == 1
    for n in range(10):
        workshop.measures.add(MeasureFactory(concept=adopted, title=f"Maßnahme {n}"))
    assert origin_queries() == 1
