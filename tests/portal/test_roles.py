"""What each role may open: coordinator everything, editor content, event staff registrations."""

import pytest

from tests.factories import SuperuserFactory

COORDINATOR_ONLY = ["office/", "team/", "history/"]
CONTENT = ["fields/", "barriers/"]
EVERY_ROLE = ["", "mail/"]


@pytest.mark.parametrize("page", COORDINATOR_ONLY + CONTENT + EVERY_ROLE)
def test_the_coordinator_opens_every_page(client_of, coordinator_goslar, page):
    assert client_of(coordinator_goslar).get(f"/staff/goslar/{page}").status_code == 200


@pytest.mark.parametrize("page", COORDINATOR_ONLY)
def test_editors_get_403_on_coordinator_pages(client_of, editor_goslar, page):
    assert client_of(editor_goslar).get(f"/staff/goslar/{page}").status_code == 403


@pytest.mark.parametrize("page", CONTENT + EVERY_ROLE)
def test_editors_open_content_pages(client_of, editor_goslar, page):
    assert client_of(editor_goslar).get(f"/staff/goslar/{page}").status_code == 200


@pytest.mark.parametrize("page", COORDINATOR_ONLY + CONTENT)
def test_event_staff_get_403_on_content_pages(client_of, event_staff_goslar, page):
    assert client_of(event_staff_goslar).get(f"/staff/goslar/{page}").status_code == 403


@pytest.mark.parametrize("page", EVERY_ROLE)
def test_event_staff_open_the_dashboard_and_mail_log(client_of, event_staff_goslar, page):
    assert client_of(event_staff_goslar).get(f"/staff/goslar/{page}").status_code == 200


def test_the_sidebar_shows_only_what_the_role_may_open(client_of, event_staff_goslar):
    html = client_of(event_staff_goslar).get("/staff/goslar/").content.decode()
    assert "/staff/goslar/team/" not in html
    assert "/staff/goslar/fields/" not in html


def test_superusers_open_every_region(client_of, goslar, harz):
    admin = SuperuserFactory(email="root@example.org")
    from tests.factories import add_totp

    add_totp(admin)
    client = client_of(admin)
    assert client.get("/staff/goslar/team/").status_code == 200
    assert client.get("/staff/harz/team/").status_code == 200


@pytest.mark.django_db
def test_an_unknown_region_answers_404_to_superusers(client_of):
    admin = SuperuserFactory(email="root@example.org")
    assert client_of(admin).get("/staff/atlantis/").status_code in (302, 404)
