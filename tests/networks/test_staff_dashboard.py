"""The back-office dashboard shows the network's numbers with links."""

from django.urls import reverse

from tests.networks.factories import ConceptFactory, OrganisationFactory


def test_the_dashboard_shows_the_network_numbers(client_of, coordinator_goslar, goslar):
    OrganisationFactory(region=goslar)
    ConceptFactory(region=goslar, version=2025)
    body = (
        client_of(coordinator_goslar)
        .get(reverse("portal_staff:dashboard", args=["goslar"]))
        .content.decode()
    )
    assert reverse("networks_staff:organisation_list", args=["goslar"]) in body
