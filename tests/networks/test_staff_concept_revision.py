"""The revision in the back-office: revise, adopt, compare; a superseded version cannot be
changed."""

from datetime import date

from networks import services
from networks.models import IntegrationConcept, Measure


def test_the_staff_revision_flow(client_of, coordinator_goslar, adopted):
    client = client_of(coordinator_goslar)
    response = client.post(
        f"/staff/goslar/network/concepts/{adopted.pk}/revise/", {"version": "2023"}
    )
    draft = IntegrationConcept.objects.get(version=2023)
    assert response.url == f"/staff/goslar/network/concepts/{draft.pk}/"
    response = client.post(
        f"/staff/goslar/network/concepts/{draft.pk}/adopt/", {"adopted_on": "2024-03-01"}
    )
    assert response.status_code == 302
    assert IntegrationConcept.objects.get(pk=adopted.pk).status == "superseded"
    page = client.get(f"/staff/goslar/network/concepts/compare/?old={adopted.pk}&new={draft.pk}")
    assert page.status_code == 200


def test_staff_cannot_change_a_superseded_version(client_of, coordinator_goslar, adopted):
    draft = services.concept_start_revision(concept=adopted, version=2023)
    services.concept_adopt(concept=draft, adopted_on=date(2024, 3, 1))
    measure = adopted.measures.first()
    client = client_of(coordinator_goslar)
    client.post(f"/staff/goslar/network/measures/{measure.pk}/delete/")
    assert Measure.objects.filter(pk=measure.pk).exists()
