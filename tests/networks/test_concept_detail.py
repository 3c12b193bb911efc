"""The public pages of an adopted concept and its chapters, linking their PDF; drafts are not
public."""

from django.urls import reverse


def test_drafts_are_not_public(client, versions):
    assert client.get(reverse("networks:concept_detail", args=["goslar", 2023])).status_code == 404
    assert client.get(reverse("networks:concept_current", args=["goslar"])).url.endswith("/2016/")


def test_concept_pages_link_their_pdf_and_show_chapters(client, versions):
    page = client.get(reverse("networks:concept_detail", args=["goslar", 2016])).content.decode()
    assert '<link rel="alternate" type="application/pdf" href="/goslar/concept/2016/pdf/"' in page
    chapter = client.get(reverse("networks:concept_chapter", args=["goslar", 2016, "arbeit"]))
    body = chapter.content.decode()
    assert "Viele Betriebe suchen Azubis" in body and "Jobpaten" in body
    assert 'type="application/pdf"' in body
    assert (
        client.get(
            reverse("networks:concept_chapter", args=["goslar", 2016, "sprache"])
        ).status_code
        == 404
    )
