"""The county's history page lists changes to the network and the concept."""

from django.urls import reverse

from tests.networks.factories import ConceptFactory


def test_the_history_page_lists_network_changes(client_of, coordinator_goslar, goslar):
    concept = ConceptFactory(region=goslar, version=2025)
    from tests.networks.factories import MeasureFactory

    MeasureFactory(concept=concept, title="Sichtbare Maßnahme")
    body = (
        client_of(coordinator_goslar)
        .get(reverse("portal_staff:history", args=["goslar"]))
        .content.decode()
    )
    assert "Sichtbare Maßnahme" in body
