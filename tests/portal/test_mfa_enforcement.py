"""Staff must set up a second factor (TOTP) before using staff pages."""

from django.test import override_settings
from django.urls import reverse

from portal.models import Role
from tests.factories import staff_user


def test_staff_without_totp_are_sent_to_set_it_up(client_of, goslar):
    user = staff_user(goslar, Role.COORDINATOR, with_totp=False)
    response = client_of(user).get("/staff/goslar/")
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")


def test_staff_with_totp_get_through(client_of, coordinator_goslar):
    assert client_of(coordinator_goslar).get("/staff/goslar/").status_code == 200


def test_a_freshly_logged_in_person_can_activate_totp_and_gets_recovery_codes(client, goslar):
    import pyotp
    from allauth.mfa.models import Authenticator

    user = staff_user(goslar, Role.EDITOR, with_totp=False)
    client.post("/accounts/login/", {"login": user.email, "password": "correct-horse-battery"})
    response = client.get("/staff/goslar/", follow=True)
    # allauth asks for the password once more before a second factor is added
    assert response.request["PATH_INFO"] == reverse("account_reauthenticate")
    response = client.post(
        response.request["PATH_INFO"] + "?" + response.request["QUERY_STRING"],
        {"password": "correct-horse-battery"},
        follow=True,
    )
    assert response.request["PATH_INFO"] == reverse("mfa_activate_totp")
    secret = response.context["form"].secret
    response = client.post(reverse("mfa_activate_totp"), {"code": pyotp.TOTP(secret).now()})
    assert response.status_code == 302
    types = set(Authenticator.objects.filter(user=user).values_list("type", flat=True))
    assert types == {"totp", "recovery_codes"}
    assert client.get("/staff/goslar/").status_code == 200


@override_settings(STAFF_REQUIRE_MFA=False)
def test_the_setting_relaxes_it_for_development(client_of, goslar):
    user = staff_user(goslar, Role.COORDINATOR, with_totp=False)
    assert client_of(user).get("/staff/goslar/").status_code == 200


def test_another_regions_url_is_404_even_before_mfa(client_of, harz, goslar):
    user = staff_user(harz, Role.COORDINATOR, with_totp=False)
    assert client_of(user).get("/staff/goslar/").status_code == 404
