"""While the database is unreachable, pages answer 503 with Retry-After and the portal's own
maintenance page, in the visitor's language, never a 500."""

from __future__ import annotations

import pytest
from django.db import OperationalError, connection


@pytest.fixture
def database_down(db):
    """Every query fails as with a stopped server (undone before the test database's own
    teardown, which needs a cursor)."""

    def refused(*args, **kwargs):
        raise OperationalError("connection to server failed: Connection refused")

    connection.cursor = refused
    yield
    del connection.cursor


def test_a_page_answers_503_with_retry_after_and_the_maintenance_page(
    client, goslar, database_down
):
    response = client.get("/")
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert response["Cache-Control"] == "no-store"
    html = response.content.decode()
    assert "<h1>Kurz nicht erreichbar</h1>" in html
    assert "nicht doppelt gezählt" in html


def test_the_maintenance_page_speaks_the_visitors_language(client, goslar, database_down):
    client.cookies["django_language"] = "ar"
    html = client.get("/goslar/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html


def test_a_failure_in_a_middleware_answers_503_too(client, coordinator_goslar, database_down):
    # Loading the session of a logged-in visitor happens in middleware, before any view.
    client.raise_request_exception = False
    client.cookies["sessionid"] = "x" * 32
    response = client.get("/staff/goslar/")
    assert response.status_code == 503
    assert response["Retry-After"]


def test_other_errors_still_answer_500(client, goslar, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("a bug, not an outage")

    monkeypatch.setattr("portal.views.public.render", broken, raising=False)
    client.raise_request_exception = False
    response = client.get("/")
    assert response.status_code == 500
