"""The Django admin: platform administrators (superusers) manage regions there."""

import pytest
from django.urls import reverse

from portal.models import FieldOfAction, Region, Role
from tests.factories import MunicipalityFactory, SuperuserFactory, add_totp, staff_user


@pytest.fixture
def admin_coordinator(goslar):
    return staff_user(goslar, Role.COORDINATOR, is_staff=True)


@pytest.fixture
def superuser(db):
    user = SuperuserFactory(email="root@example.org")
    add_totp(user)
    return user


@pytest.fixture
def towns(goslar, harz):
    return (
        MunicipalityFactory(region=goslar, name="Seesen", slug="seesen"),
        MunicipalityFactory(region=harz, name="Thale", slug="thale"),
    )


# County staff get no admin page at all: tests/security/test_admin.py.


def test_the_superuser_sees_every_region(client_of, superuser, towns):
    response = client_of(superuser).get(reverse("admin:portal_municipality_changelist"))
    assert sorted(m.name for m in response.context["cl"].result_list) == ["Seesen", "Thale"]


def test_a_region_added_in_the_admin_gets_the_default_catalogue(client_of, superuser):
    data = {
        "name": "Landkreis Gifhorn",
        "slug": "gifhorn",
        "county_key": "03151",
        "office_name": "Stabsstelle Integration",
        "registration_retention_days": 90,
        "reminder_days_before": 2,
        "unconfirmed_offer_policy": "mark",
    }
    for prefix in ("contacts", "team", "statistics"):
        data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0})
    response = client_of(superuser).post(reverse("admin:portal_region_add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    region = Region.objects.get(slug="gifhorn")
    assert FieldOfAction.objects.in_region(region).count() == 10


def test_a_reserved_address_is_refused_in_the_admin(client_of, superuser):
    data = {"name": "Admin", "slug": "admin", "county_key": "03151", "office_name": "X"}
    response = client_of(superuser).post(reverse("admin:portal_region_add"), data)
    assert response.status_code == 200
    assert "slug" in response.context["adminform"].form.errors
    assert not Region.objects.filter(slug="admin").exists()


def test_the_admin_needs_a_second_factor(client, db):
    root = SuperuserFactory(email="root@example.org")
    client.force_login(root)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


@pytest.mark.django_db
def test_the_admin_login_goes_through_allauth(client):
    response = client.get(reverse("admin:login"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
