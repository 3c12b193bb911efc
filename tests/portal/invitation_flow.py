"""Inviting staff as a coordinator does it, and the link the invitee gets by e-mail."""

import re

from portal.models import Role

PASSWORD = "Koordinierung-2026!"


def _invite(client, email="neu@goslar.example.org", role=Role.EDITOR):
    return client.post("/staff/goslar/team/invite/", {"email": email, "role": role})


def _accept_link(outbox) -> str:
    (message,) = outbox
    match = re.search(r"https?://[^/\s]+(/invitation/[^\s]+/)", message.body)
    assert match, message.body
    return match.group(1)
