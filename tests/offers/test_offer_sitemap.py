"""Every public offer and provider page is in the sitemap."""


def test_every_offer_and_provider_page_is_in_the_sitemap(client, offer):
    xml = client.get("/sitemap.xml").content.decode()
    assert offer.get_absolute_url() in xml
    assert "/goslar/offers/providers/caritas/" in xml
    assert "/goslar/offers/data/" in xml
