"""The back-office start page: a person with roles in several counties chooses one; without any
role the page says so."""

import pytest

from portal.models import Role
from tests.factories import MembershipFactory, UserFactory, staff_user


@pytest.mark.django_db
def test_a_person_with_several_regions_chooses_one(client_of, goslar, harz):
    user = staff_user(goslar, Role.EDITOR)
    MembershipFactory(user=user, region=harz, role=Role.COORDINATOR)
    html = client_of(user).get("/staff/").content.decode()
    assert 'href="/staff/goslar/"' in html
    assert 'href="/staff/harz/"' in html


@pytest.mark.django_db
def test_a_user_without_regions_sees_a_clear_page(client_of):
    user = UserFactory()
    response = client_of(user).get("/staff/")
    assert response.status_code == 200
    assert list(response.context["regions"]) == []
