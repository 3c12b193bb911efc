"""The public page of a provider: its offers, places and the people who consented."""

from django.urls import reverse


def test_the_provider_page_lists_offers_places_and_consented_people(client, offer):
    url = reverse("offers:provider_detail", kwargs={"region": "goslar", "slug": "caritas"})
    html = client.get(url).content.decode()
    assert "Sprachcafé Seesen" in html
    assert "Marktstraße 1" in html
    assert "Frau Demir" in html
    listing = client.get(reverse("offers:provider_list", kwargs={"region": "goslar"}))
    assert "Caritas Goslar" in listing.content.decode()
