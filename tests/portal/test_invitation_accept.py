"""The invitee opens the link, sets a password and becomes a member; an existing account joins
after logging in; used, expired and unknown links get a clear page."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from portal.models import Membership, Role, User
from tests.factories import InvitationFactory, MembershipFactory, UserFactory
from tests.portal.invitation_flow import PASSWORD, _accept_link, _invite


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
