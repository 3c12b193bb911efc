"""There is no open sign-up: the sign-up page says so and creates nobody."""

import pytest

from portal.models import User
from tests.portal.invitation_flow import PASSWORD


@pytest.mark.django_db
def test_there_is_no_open_sign_up(client):
    response = client.get("/accounts/signup/")
    assert "account/signup_closed.html" in [t.name for t in response.templates]
    client.post(
        "/accounts/signup/",
        {"email": "self@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert not User.objects.filter(email="self@example.org").exists()


@pytest.mark.django_db
def test_the_login_page_does_not_offer_a_sign_up(client):
    html = client.get("/accounts/login/").content.decode()
    assert "/accounts/signup/" not in html
