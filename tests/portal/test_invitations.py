"""No open sign-up: a coordinator invites staff by e-mail, the invitee sets a password."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from portal.models import Invitation, Membership, Role, User
from tests.factories import InvitationFactory, MembershipFactory, UserFactory

PASSWORD = "Koordinierung-2026!"


def _invite(client, email="neu@goslar.example.org", role=Role.EDITOR):
    return client.post("/staff/goslar/team/invite/", {"email": email, "role": role})


def _accept_link(outbox) -> str:
    (message,) = outbox
    match = re.search(r"https?://[^/\s]+(/invitation/[^\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


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


def test_the_new_person_sets_a_password_and_becomes_a_member(
    client,
    client_of,
    coordinator_goslar,
    goslar,
    mailoutbox_run,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client_of(coordinator_goslar))
    link = _accept_link(mailoutbox_run())
    client.logout()
    assert client.get(link).status_code == 200
    response = client.post(
        link, {"full_name": "Nora Neu", "password1": PASSWORD, "password2": PASSWORD}
    )
    assert response.status_code == 302
    user = User.objects.get(email="neu@goslar.example.org")
    assert user.full_name == "Nora Neu"
    assert user.check_password(PASSWORD)
    assert Membership.objects.get(user=user).role == Role.EDITOR
    assert user.emailaddress_set.get().verified
    # Logged in; the next stop is the second factor
    assert client.get("/staff/goslar/").url == reverse("mfa_activate_totp")


def test_a_used_invitation_shows_a_clear_page(client, goslar, coordinator_goslar):
    invitation = InvitationFactory(
        region=goslar, email="x@example.org", role=Role.EDITOR, accepted_at=timezone.now()
    )
    response = client.get(f"/invitation/{invitation.token}/")
    assert response.status_code == 404
    assert "portal/invitation_invalid.html" in [t.name for t in response.templates]


def test_an_expired_invitation_shows_a_clear_page(client, goslar):
    invitation = InvitationFactory(
        region=goslar,
        email="x@example.org",
        role=Role.EDITOR,
        expires_at=timezone.now() - timedelta(minutes=1),
    )
    response = client.post(
        f"/invitation/{invitation.token}/",
        {"full_name": "X", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 404
    assert "portal/invitation_invalid.html" in [t.name for t in response.templates]
    assert not User.objects.filter(email="x@example.org").exists()


@pytest.mark.django_db
def test_an_unknown_token_shows_a_clear_page(client):
    response = client.get("/invitation/not-a-token/")
    assert response.status_code == 404
    assert "portal/invitation_invalid.html" in [t.name for t in response.templates]


@pytest.mark.parametrize(
    "data",
    [
        {"full_name": "Nora", "password1": PASSWORD, "password2": PASSWORD + "x"},
        {"full_name": "Nora", "password1": "123", "password2": "123"},
        {"full_name": "", "password1": PASSWORD, "password2": PASSWORD},
    ],
)
def test_invalid_input_creates_no_account(client, goslar, data):
    invitation = InvitationFactory(region=goslar, email="x@example.org", role="editor")
    response = client.post(f"/invitation/{invitation.token}/", data)
    assert response.status_code == 400
    assert response.context["form"].errors
    assert not User.objects.filter(email="x@example.org").exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_an_existing_account_joins_after_logging_in(client, client_of, goslar, harz):
    person = UserFactory(email="beide@example.org")
    MembershipFactory(user=person, region=harz, role=Role.COORDINATOR)
    invitation = InvitationFactory(region=goslar, email=person.email, role="event_staff")
    url = f"/invitation/{invitation.token}/"
    assert client.get(url).url.startswith("/accounts/login/")
    client = client_of(person)
    assert client.get(url).status_code == 200
    client.post(url)
    # One person, different roles in different regions
    assert person.role_in(goslar) == Role.EVENT_STAFF
    assert person.role_in(harz) == Role.COORDINATOR


def test_an_invitation_for_another_address_is_refused(client_of, goslar):
    invitation = InvitationFactory(region=goslar, email="a@example.org", role="editor")
    UserFactory(email="a@example.org")
    intruder = UserFactory(email="b@example.org")
    client_of(intruder).post(f"/invitation/{invitation.token}/")
    assert not Membership.objects.filter(user=intruder).exists()


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


def test_open_invitations_are_listed_on_the_team_page(client_of, coordinator_goslar, goslar):
    InvitationFactory(region=goslar, email="offen@example.org", role="editor")
    html = client_of(coordinator_goslar).get("/staff/goslar/team/").content.decode()
    assert "offen@example.org" in html


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
