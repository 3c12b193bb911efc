"""The public provider directory, page by page."""

from django.urls import reverse

from tests.offers.factories import OrganisationFactory, make_offer


def test_the_provider_directory_is_paginated(client, goslar, monkeypatch):
    from offers.views import public

    monkeypatch.setattr(public, "PROVIDERS_PER_PAGE", 2)
    for name in ("Arbeiterwohlfahrt", "Bürgerverein", "Caritas"):
        make_offer(goslar, provider=OrganisationFactory(region=goslar, name=name))
    url = reverse("offers:provider_list", kwargs={"region": "goslar"})
    first, second = client.get(url).content.decode(), client.get(f"{url}?page=2").content.decode()
    assert "Arbeiterwohlfahrt" in first and "Caritas" not in first
    assert "Caritas" in second and "Arbeiterwohlfahrt" not in second
    assert client.get(f"{url}?page=abc").status_code == 200
