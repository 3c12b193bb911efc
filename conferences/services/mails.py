"""Participant e-mails: scheduled after the commit, rendered and queued by a job.

Rendering (templates and the .ics attachment) happens in the job, not in the request, so a
registration rush only pays for one small insert per mail.
"""

from __future__ import annotations

from django.db import transaction

KINDS = (
    "confirmed",
    "waiting",
    "moved_up",
    "changed",
    "cancelled",
    "event_cancelled",
    "reminder",
)


def after_commit(registration, kind: str) -> None:
    assert kind in KINDS, kind
    from conferences.tasks import send_registration_mail

    registration_id = registration.pk
    transaction.on_commit(
        lambda: send_registration_mail.defer(registration_id=registration_id, kind=kind)
    )
