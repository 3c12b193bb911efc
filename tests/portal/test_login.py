"""Login by e-mail and password (allauth), second factor, rate limit on failed attempts."""

import pyotp
import pytest
from django.urls import reverse

from portal.models import Role
from tests.factories import UserFactory, add_totp, staff_user

PASSWORD = "correct-horse-battery"


def test_staff_log_in_with_email_password_and_totp(client, goslar):
    user = staff_user(goslar, Role.COORDINATOR, with_totp=False)
    secret = add_totp(user)
    response = client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response.url == reverse("mfa_authenticate")
    response = client.post(reverse("mfa_authenticate"), {"code": pyotp.TOTP(secret).now()})
    assert response.status_code == 302
    # One region: straight to its dashboard
    response = client.get(response.url, follow=True)
    assert response.request["PATH_INFO"] == "/staff/goslar/"
    assert response.status_code == 200


def test_a_code_from_the_previous_30_seconds_still_logs_in(client, goslar):
    """Typed just before the step changed: accepted (one step of drift allowance)."""
    import time

    user = staff_user(goslar, Role.COORDINATOR, with_totp=False)
    secret = add_totp(user)
    client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    previous = pyotp.TOTP(secret).at(time.time() - 30)
    response = client.post(reverse("mfa_authenticate"), {"code": previous})
    assert response.status_code == 302


def test_a_wrong_totp_code_does_not_log_in(client, goslar):
    user = staff_user(goslar, Role.COORDINATOR, with_totp=False)
    add_totp(user)
    client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert response.status_code == 200
    assert client.get("/staff/goslar/").url.startswith(reverse("account_login"))


@pytest.mark.django_db
def test_the_email_is_case_insensitive(client):
    UserFactory(email="julia.aktas@example.org")
    response = client.post(
        "/accounts/login/", {"login": "JULIA.AKTAS@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302


@pytest.mark.django_db
def test_new_accounts_store_the_address_in_lower_case(django_user_model):
    # The manager's create_user is the subject here, so no factory.
    user = django_user_model.objects.create_user("Julia.Aktas@Example.ORG", "x" * 12)
    assert user.email == "julia.aktas@example.org"


@pytest.mark.django_db
def test_repeated_failed_logins_are_blocked(client):
    user = UserFactory(email="ziel@example.org")
    for _ in range(5):
        response = client.post("/accounts/login/", {"login": user.email, "password": "falsch"})
        assert response.status_code == 200
    # Even the right password is refused for a while now
    response = client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code in (200, 429)
    assert "_auth_user_id" not in client.session
