"""A coordinator opens a mail of the log as it was sent; other roles cannot."""

from __future__ import annotations

from tests.portal.mail_rows import _mail


def test_a_coordinator_opens_a_mail_as_it_was_sent(client_of, coordinator_goslar, goslar):
    mail = _mail(goslar, "Anmeldebestätigung", body_text="Hallo <b>Anna</b>,\nIhr Link: x")
    html = client_of(coordinator_goslar).get(f"/staff/goslar/mail/{mail.pk}/").content.decode()
    assert "Hallo &lt;b&gt;Anna&lt;/b&gt;," in html  # the text as sent, never as markup
    assert "teilnehmerin@example.org" in html


def test_other_roles_cannot_open_a_mail(client_of, editor_goslar, event_staff_goslar, goslar):
    mail = _mail(goslar, "Anmeldebestätigung")
    for user in (editor_goslar, event_staff_goslar):
        assert client_of(user).get(f"/staff/goslar/mail/{mail.pk}/").status_code == 403
