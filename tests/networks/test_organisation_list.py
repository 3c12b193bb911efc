"""The public network directory and its filters."""

import pytest
from django.urls import reverse


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, {"Kreisvolkshochschule Goslar", "Jobcenter Goslar"}),
        ({"field": "sprache"}, {"Kreisvolkshochschule Goslar"}),
        ({"kind": "job_centre"}, {"Jobcenter Goslar"}),
        ({"municipality": "seesen"}, {"Jobcenter Goslar"}),
        ({"q": "Sprachkurse"}, {"Kreisvolkshochschule Goslar"}),
        ({"q": "jobcent"}, {"Jobcenter Goslar"}),
        ({"field": "unknown", "kind": "??"}, {"Kreisvolkshochschule Goslar", "Jobcenter Goslar"}),
    ],
)
def test_the_directory_filters(client, directory, query, expected):
    response = client.get(reverse("networks:organisation_list", args=["goslar"]), query)
    assert response.status_code == 200
    shown = {o.name for o in response.context["page"]}
    assert shown == expected
