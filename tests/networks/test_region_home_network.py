"""The region's home page shows the network and the concept."""

from django.urls import reverse


def test_the_region_home_shows_the_network(client, directory, versions):
    body = client.get(reverse("portal:region_home", args=["goslar"])).content.decode()
    assert reverse("networks:organisation_list", args=["goslar"]) in body
    assert 'type="application/pdf"' in body
