"""Anonymous public pages set no cookie, are cached in the shared cache and revalidate (ETag,
304); logged-in people's pages are neither cached nor marked public."""

from __future__ import annotations

import pytest
from django.conf import settings

from portal.lib import content_version

PUBLIC = ["/", "/goslar/", "/goslar/events/", "/goslar/offers/", "/sitemap.xml", "/imprint/"]


@pytest.mark.parametrize("url", PUBLIC)
def test_anonymous_pages_set_no_cookie_and_may_be_cached(client, goslar, url):
    response = client.get(url)
    assert response.status_code == 200
    assert not response.cookies, response.cookies
    control = response["Cache-Control"]
    assert "public" in control and "must-revalidate" in control
    assert response.has_header("ETag") and response.has_header("Last-Modified")
    assert "csrftoken" not in response.content.decode()


def test_the_second_request_is_answered_from_the_cache(client, goslar):
    first = client.get("/goslar/")
    second = client.get("/goslar/")
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert first.content == second.content
    assert first["ETag"] == second["ETag"]


def test_an_unchanged_page_answers_304(client, goslar):
    etag = client.get("/goslar/")["ETag"]
    response = client.get("/goslar/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""


def test_a_change_answers_200_to_the_old_etag(client, goslar):
    etag = client.get("/goslar/")["ETag"]
    type(goslar).objects.filter(pk=goslar.pk).update(name="Landkreis Goslar (neu)")
    response = client.get("/goslar/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert "Landkreis Goslar (neu)" in response.content.decode()


def test_each_language_is_cached_on_its_own(client, goslar):
    client.get("/goslar/")
    arabic = client.get("/goslar/?language=ar")
    assert arabic["X-Page-Cache"] == "miss"
    assert '<html lang="ar"' in arabic.content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get("/goslar/")
    assert '<html lang="en"' in english.content.decode()


def test_htmx_fragments_are_cached_apart_from_the_page(client, goslar):
    page = client.get("/goslar/offers/")
    fragment = client.get("/goslar/offers/", HTTP_HX_REQUEST="true")
    assert fragment["X-Page-Cache"] == "miss"
    assert "<html" in page.content.decode() and "<html" not in fragment.content.decode()


def test_a_page_with_a_form_is_not_shared(client, goslar):
    response = client.get("/goslar/accessibility/")  # the barrier report form
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()
    assert "X-Page-Cache" not in response
    assert "public" not in response.get("Cache-Control", "")


def test_logged_in_people_bypass_the_cache_and_stay_private(client_of, coordinator_goslar):
    client = client_of(coordinator_goslar)
    response = client.get("/goslar/")
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_the_version_grows_with_each_committed_write_and_survives_compaction(goslar):
    before = content_version.current()
    type(goslar).objects.filter(pk=goslar.pk).update(name="A")
    after = content_version.current()
    assert after > before
    content_version.compact()
    assert content_version.current() == after


def test_a_database_without_the_base_row_still_answers_and_never_counts_back(goslar, client):
    """A database restored from a schema-only dump (as the fault tests make theirs) lacks the
    migration's base row: pages still answer, and compaction keeps the version."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM portal_content_base")
    type(goslar).objects.filter(pk=goslar.pk).update(name="B")
    assert client.get("/goslar/").status_code == 200
    before = content_version.current()
    assert before > 0
    content_version.compact()
    assert content_version.current() == before


def test_every_table_of_the_apps_is_counted_but_accounts_and_the_mail_queue(db):
    tables = content_version.counted_tables()
    assert "conferences_registration" in tables
    assert "offers_offer" in tables
    assert "portal_outgoingmail" not in tables
    assert "portal_user" not in tables
