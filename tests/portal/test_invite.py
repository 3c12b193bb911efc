"""No open sign-up: a coordinator invites staff by e-mail; one open invitation per address."""

from portal.models import Invitation, Role
from tests.portal.invitation_flow import _accept_link, _invite


def test_the_coordinator_invites_and_an_email_with_a_link_goes_out(
    client_of, coordinator_goslar, goslar, mailoutbox_run, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _invite(client_of(coordinator_goslar))
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.region == goslar
    assert invitation.invited_by == coordinator_goslar
    outbox = mailoutbox_run()
    assert outbox[0].to == ["neu@goslar.example.org"]
    assert invitation.token in _accept_link(outbox)


def test_a_new_invitation_replaces_an_open_one(client_of, coordinator_goslar, goslar):
    client = client_of(coordinator_goslar)
    _invite(client)
    _invite(client, role=Role.EVENT_STAFF)
    assert Invitation.objects.get().role == Role.EVENT_STAFF


def test_an_invalid_address_invites_nobody(client_of, coordinator_goslar, goslar):
    response = _invite(client_of(coordinator_goslar), email="kein-mailformat")
    assert response.status_code == 302
    assert not Invitation.objects.exists()


def test_an_unknown_role_invites_nobody(client_of, coordinator_goslar, goslar):
    _invite(client_of(coordinator_goslar), role="superuser")
    assert not Invitation.objects.exists()


def test_editors_cannot_invite(client_of, editor_goslar, goslar):
    assert _invite(client_of(editor_goslar)).status_code == 403
    assert not Invitation.objects.exists()
