"""allauth's pages render in the site's layout with Bootstrap forms."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory


@pytest.mark.parametrize(
    "name", ["account_login", "account_reset_password", "account_request_login_code"]
)
@pytest.mark.django_db
def test_public_account_pages_use_the_site_layout(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="skip-link"' in html
    assert "form-control" in html
    assert 'class="language-switcher"' in html


@pytest.mark.parametrize("name", ["mfa_index", "account_reauthenticate", "account_change_password"])
@pytest.mark.django_db
def test_account_pages_of_a_logged_in_person_use_the_site_layout(client_of, name):
    response = client_of(UserFactory()).get(reverse(name))
    assert response.status_code == 200
    assert 'class="skip-link"' in response.content.decode()


@pytest.mark.django_db
def test_the_page_title_names_the_page(client):
    html = client.get(reverse("account_login")).content.decode()
    assert "<title>Anmelden" in html
