"""The Atom feed of new offers, announced on the region's home page."""

from django.urls import reverse


def test_the_region_home_announces_feeds_and_the_atom_feed_lists_new_offers(client, offer):
    home = client.get(reverse("portal:region_home", kwargs={"region": "goslar"})).content.decode()
    assert 'rel="alternate" type="application/atom+xml"' in home
    assert "offers/data/offers.json" in home
    feed = client.get(reverse("offers:feed", kwargs={"region": "goslar"}))
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert "Sprachcafé Seesen" in feed.content.decode()
