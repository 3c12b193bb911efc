"""What the offers app keeps about people, and for how long (see portal.retention)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.utils.translation import gettext_lazy as _

from offers.models import ChangeRequest, ImportBatch, UpdateRequest
from portal import hooks
from portal.models import Region
from portal.retention import RetentionRule, SubjectData, record

CHANGE_REQUEST_FIELDS = ("submitter_name", "submitter_email", "message", "data", "decision_note")


def _delete_change_requests(region: Region, now: datetime, days: int) -> int:
    return (
        ChangeRequest.objects.in_region(region)
        .exclude(status=ChangeRequest.Status.PENDING)
        .filter(decided_at__lt=now - timedelta(days=days))
        .delete()[0]
    )


def _delete_update_addresses(region: Region, now: datetime, days: int) -> int:
    return (
        UpdateRequest.objects.in_region(region)
        .filter(round__closed_at__lt=now - timedelta(days=days))
        .delete()[0]
    )


def _blank_import_files(region: Region, now: datetime, days: int) -> int:
    return (
        ImportBatch.objects.in_region(region)
        .filter(created_at__lt=now - timedelta(days=days))
        .exclude(content=b"")
        .update(content=b"")
    )


def _find_change_requests(region: Region, email: str) -> list[dict[str, Any]]:
    requests = ChangeRequest.objects.in_region(region).filter(submitter_email__iexact=email)
    return [
        {
            str(_("Received")): r.created_at,
            **record(r, ("kind", "status", "submitter_name", "submitter_email", "message")),
            str(_("Suggested data")): r.data,
            **record(r, ("decision_note",)),
        }
        for r in requests
    ]


def _erase_change_requests(region: Region, email: str) -> int:
    requests = ChangeRequest.objects.in_region(region).filter(submitter_email__iexact=email)
    return requests.delete()[0]


def _find_update_contacts(region: Region, email: str) -> list[dict[str, Any]]:
    requests = UpdateRequest.objects.in_region(region).filter(email__iexact=email)
    return [
        {
            str(_("Update round")): str(r.round),
            str(_("Organisation")): str(r.organisation),
            str(_("E-mail")): r.email,
            str(_("Sent")): r.sent_at,
            str(_("Opened")): r.opened_at,
        }
        for r in requests.select_related("round", "organisation")
    ]


def _erase_update_contacts(region: Region, email: str) -> int:
    return UpdateRequest.objects.in_region(region).filter(email__iexact=email).delete()[0]


def register() -> None:
    for rule in (
        RetentionRule(
            key="change_requests",
            label=_("Suggested changes to offers and their senders"),
            action=_("Deleted, counted from the decision; pending ones are kept."),
            covers=tuple(f"offers.ChangeRequest.{name}" for name in CHANGE_REQUEST_FIELDS),
            default_days=365,
            apply=_delete_change_requests,
            order=30,
        ),
        RetentionRule(
            key="update_round_addresses",
            label=_("Addresses of the update round"),
            action=_("Deleted, counted from the close of the round."),
            covers=("offers.UpdateRequest.email",),
            default_days=365,
            apply=_delete_update_addresses,
            order=31,
        ),
        RetentionRule(
            key="import_files",
            label=_("Imported files"),
            action=_("The uploaded file is deleted, counted from the upload; its counts stay."),
            covers=("offers.ImportBatch.content",),
            default_days=30,
            apply=_blank_import_files,
            order=32,
        ),
    ):
        hooks.register(hooks.RETENTION_RULES, rule)
    for source in (
        SubjectData(
            "change_requests",
            _("Suggested changes to offers"),
            _find_change_requests,
            _erase_change_requests,
            order=30,
        ),
        SubjectData(
            "update_contacts",
            _("Addresses of the update round"),
            _find_update_contacts,
            _erase_update_contacts,
            order=31,
        ),
    ):
        hooks.register(hooks.SUBJECT_DATA, source)
    from offers.tasks import UPDATE_ROUNDS

    hooks.register(hooks.REGION_JOBS, UPDATE_ROUNDS)
