"""The coordinator manages the region's staff: list (with open invitations), change role, remove."""

from portal.models import Membership, Role
from tests.factories import InvitationFactory, staff_user


def test_it_lists_the_regions_staff_only(client_of, coordinator_goslar, editor_goslar, editor_harz):
    html = client_of(coordinator_goslar).get("/staff/goslar/team/").content.decode()
    assert editor_goslar.email in html
    assert editor_harz.email not in html


def test_the_coordinator_changes_a_role(client_of, coordinator_goslar, editor_goslar, goslar):
    membership = Membership.objects.get(user=editor_goslar)
    client_of(coordinator_goslar).post(
        f"/staff/goslar/team/{membership.pk}/", {"action": "role", "role": Role.EVENT_STAFF}
    )
    membership.refresh_from_db()
    assert membership.role == Role.EVENT_STAFF


def test_an_unknown_role_changes_nothing(client_of, coordinator_goslar, editor_goslar):
    membership = Membership.objects.get(user=editor_goslar)
    response = client_of(coordinator_goslar).post(
        f"/staff/goslar/team/{membership.pk}/", {"action": "role", "role": "king"}
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.role == Role.EDITOR


def test_the_coordinator_removes_a_person(client_of, coordinator_goslar, editor_goslar):
    membership = Membership.objects.get(user=editor_goslar)
    client_of(coordinator_goslar).post(f"/staff/goslar/team/{membership.pk}/", {"action": "remove"})
    assert not Membership.objects.filter(pk=membership.pk).exists()
    # The account stays: the person may belong to other regions
    editor_goslar.refresh_from_db()


def test_a_coordinator_cannot_remove_themselves(client_of, coordinator_goslar):
    membership = Membership.objects.get(user=coordinator_goslar)
    client_of(coordinator_goslar).post(f"/staff/goslar/team/{membership.pk}/", {"action": "remove"})
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_the_last_coordinator_cannot_step_down(client_of, coordinator_goslar):
    membership = Membership.objects.get(user=coordinator_goslar)
    client_of(coordinator_goslar).post(
        f"/staff/goslar/team/{membership.pk}/", {"action": "role", "role": Role.EDITOR}
    )
    membership.refresh_from_db()
    assert membership.role == Role.COORDINATOR


def test_another_coordinator_may_be_demoted(client_of, coordinator_goslar, goslar):
    other = staff_user(goslar, Role.COORDINATOR)
    membership = Membership.objects.get(user=other)
    client_of(coordinator_goslar).post(
        f"/staff/goslar/team/{membership.pk}/", {"action": "role", "role": Role.EDITOR}
    )
    membership.refresh_from_db()
    assert membership.role == Role.EDITOR


def test_another_regions_membership_answers_404(client_of, coordinator_goslar, editor_harz):
    membership = Membership.objects.get(user=editor_harz)
    response = client_of(coordinator_goslar).post(
        f"/staff/goslar/team/{membership.pk}/", {"action": "remove"}
    )
    assert response.status_code == 404
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_editors_cannot_open_the_team_page(client_of, editor_goslar):
    assert client_of(editor_goslar).get("/staff/goslar/team/").status_code == 403


def test_open_invitations_are_listed_on_the_team_page(client_of, coordinator_goslar, goslar):
    InvitationFactory(region=goslar, email="offen@example.org", role="editor")
    html = client_of(coordinator_goslar).get("/staff/goslar/team/").content.decode()
    assert "offen@example.org" in html
