"""The public list of concept versions and the comparison of two."""

from datetime import date

from django.urls import reverse

from networks import services


def test_versions_and_their_comparison(client, versions):
    old, new = versions
    services.concept_adopt(concept=new, adopted_on=date(2024, 2, 1))
    listing = client.get(reverse("networks:concept_versions", args=["goslar"])).content.decode()
    assert "2016" in listing and "2023" in listing
    compare = client.get(
        reverse("networks:concept_compare", args=["goslar"]), {"old": 2016, "new": 2023}
    )
    diff = compare.context["diff"]
    assert [m.title for m in diff.added] == ["Ausbildungsmesse"]
    assert "Ausbildungsmesse" in compare.content.decode()
    assert (
        client.get(
            reverse("networks:concept_compare", args=["goslar"]), {"old": 2016, "new": 1999}
        ).status_code
        == 400
    )
