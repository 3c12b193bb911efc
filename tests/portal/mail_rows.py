"""A queued mail of a county, as the mail log lists it."""

from __future__ import annotations

from portal.lib.mail import queue_mail
from portal.models import OutgoingMail

Topic = OutgoingMail.Topic


def _mail(region, subject, topic=Topic.REGISTRATION, **fields):
    return queue_mail(
        to="teilnehmerin@example.org",
        subject=subject,
        body_text=fields.pop("body_text", "Ihr Link: https://example.org/x/abc"),
        region=region,
        topic=topic,
        **fields,
    )
