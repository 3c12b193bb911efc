"""Participant e-mails: the job that renders and queues each one is stored in the transaction
of the change that owes it (see portal/lib/jobs.py), so a committed change never lacks its mail.

Rendering (templates and the .ics attachment) happens in the job, not in the request, so a
registration rush only pays for one small insert per mail.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from portal.lib import jobs

if TYPE_CHECKING:
    from conferences.models import Registration

KINDS = (
    "confirmed",
    "waiting",
    "moved_up",
    "changed",
    "cancelled",
    "event_cancelled",
    "reminder",
)


def queue(registration: Registration, kind: str) -> None:
    """Owe ``registration`` the mail of ``kind``: its job is inserted in this transaction."""
    assert kind in KINDS, kind
    from conferences.tasks import send_registration_mail

    jobs.defer(send_registration_mail, registration_id=registration.pk, kind=kind)


def queue_sql(registration_id_sql: str, kind_sql: str) -> str:
    """The same as ``queue`` as an SQL expression, for the one-round-trip registration statement
    (seat_lock): the registration and its mail job are committed together."""
    from conferences.tasks import send_registration_mail

    return jobs.defer_sql(
        send_registration_mail,
        f"jsonb_build_object('registration_id', {registration_id_sql}, 'kind', {kind_sql})",
    )
