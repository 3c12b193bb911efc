"""The public list of working groups, filtered by field of action."""

from django.urls import reverse

from tests.networks.factories import WorkingGroupFactory


def test_the_list_filters_by_field_of_action(client, goslar, group):
    WorkingGroupFactory(region=goslar, name="AK Wohnen", slug="ak-wohnen")
    url = reverse("networks:working_group_list", args=["goslar"])
    body = client.get(url, {"field": "sprache"}).content.decode()
    assert "AK Sprache" in body and "AK Wohnen" not in body
    assert "AK Wohnen" in client.get(url).content.decode()
