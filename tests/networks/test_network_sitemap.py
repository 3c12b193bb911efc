"""The sitemap lists the public network and concept pages, not internal ones or drafts."""


def test_the_sitemap_lists_network_pages(client, directory, versions):
    body = client.get("/sitemap.xml").content.decode()
    assert "/goslar/network/kvhs/" in body
    assert "/goslar/concept/2016/chapters/arbeit/" in body
    assert "/goslar/network/intern/" not in body and "/goslar/concept/2023/" not in body
