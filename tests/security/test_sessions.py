"""Staff sessions end after an idle period; public visitors' sessions are not touched.

A back-office left open on a shared office computer must not stay usable for two weeks (the
session cookie's age): after ``STAFF_IDLE_TIMEOUT`` without a request the next request is
anonymous again and the login page says why.
"""

from __future__ import annotations

import importlib

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from portal.middleware import IDLE_SESSION_KEY

pytestmark = pytest.mark.django_db


def _idle_for(client, seconds: int) -> None:
    """Pretend the last request of this session was ``seconds`` ago."""
    session = client.session
    session[IDLE_SESSION_KEY] -= seconds
    session.save()


def test_a_coordinator_idle_for_more_than_two_hours_is_logged_out(
    client_of, coordinator_goslar, goslar
):
    client = client_of(coordinator_goslar)
    dashboard = reverse("portal_staff:dashboard", kwargs={"region": goslar.slug})
    assert client.get(dashboard).status_code == 200
    _idle_for(client, 2 * 3600 + 1)

    response = client.get(dashboard)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    login_page = client.get(response.url)
    assert "2 Stunden" in login_page.content.decode()
    # The session is gone for good: going back does not bring it back.
    assert client.get(dashboard).status_code == 302
    assert "_auth_user_id" not in client.session


def test_a_coordinator_who_keeps_working_stays_logged_in(client_of, coordinator_goslar, goslar):
    client = client_of(coordinator_goslar)
    dashboard = reverse("portal_staff:dashboard", kwargs={"region": goslar.slug})
    for _ in range(3):
        assert client.get(dashboard).status_code == 200
        _idle_for(client, 2 * 3600 - 120)  # each pause a little shorter than the limit
    assert client.get(dashboard).status_code == 200


def test_the_idle_period_comes_from_settings(client_of, coordinator_goslar, goslar, settings):
    settings.STAFF_IDLE_TIMEOUT = 15 * 60
    client = client_of(coordinator_goslar)
    dashboard = reverse("portal_staff:dashboard", kwargs={"region": goslar.slug})
    assert client.get(dashboard).status_code == 200
    _idle_for(client, 15 * 60 + 1)
    assert client.get(dashboard).status_code == 302


def test_provider_contacts_are_logged_out_too(client, goslar):
    from tests.factories import UserFactory

    user = UserFactory()
    client.force_login(user)
    client.get("/")
    _idle_for(client, 2 * 3600 + 1)
    client.get("/")
    assert "_auth_user_id" not in client.session


def test_public_visitors_sessions_are_not_affected(client, goslar):
    client.get("/")
    session = client.session
    session["visitor_note"] = "kept"
    session.save()
    client.get(f"/{goslar.slug}/")
    assert IDLE_SESSION_KEY not in client.session
    assert client.session["visitor_note"] == "kept"


def _idle_timeout_with(monkeypatch, **environ: str) -> int:
    """STAFF_IDLE_TIMEOUT as a process started with this environment would compute it."""
    import portal.settings

    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    try:
        return importlib.reload(portal.settings).STAFF_IDLE_TIMEOUT
    finally:
        monkeypatch.undo()
        importlib.reload(portal.settings)


def test_the_idle_period_is_two_hours_unless_the_environment_says_otherwise(monkeypatch):
    monkeypatch.delenv("STAFF_IDLE_TIMEOUT_MINUTES", raising=False)
    assert _idle_timeout_with(monkeypatch) == 2 * 3600
    assert _idle_timeout_with(monkeypatch, STAFF_IDLE_TIMEOUT_MINUTES="30") == 30 * 60


@pytest.mark.parametrize("value", ["0", "-5", "two hours", "100000"])
def test_a_nonsensical_idle_period_in_the_environment_is_refused(monkeypatch, value):
    with pytest.raises(ImproperlyConfigured, match="STAFF_IDLE_TIMEOUT_MINUTES"):
        _idle_timeout_with(monkeypatch, STAFF_IDLE_TIMEOUT_MINUTES=value)
