"""A forgotten password: the reset link goes out by e-mail."""

import pytest

from tests.factories import UserFactory


@pytest.mark.django_db
def test_password_reset_sends_a_mail(client, mailoutbox_run, django_capture_on_commit_callbacks):
    UserFactory(email="vergessen@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/password/reset/", {"email": "vergessen@example.org"})
    assert response.status_code == 302
    outbox = mailoutbox_run()
    assert outbox[0].to == ["vergessen@example.org"]
    assert "/accounts/password/reset/key/" in outbox[0].body
