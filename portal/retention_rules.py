"""The portal's own retention rules and data subject sources (see portal.retention)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal import hooks
from portal.models import BarrierReport, Invitation, OutgoingMail, Region, TeamMember
from portal.retention import (
    RETENTION_JOB,
    RetentionRule,
    SubjectData,
    clear_sessions,
    delete_history_of_deleted_records,
    delete_orphan_files,
    record,
)

MAIL_FIELDS = ("to", "reply_to", "subject", "body_text", "body_html", "attachments", "last_error")


def _old_reports(now: datetime, days: int) -> Any:
    return BarrierReport.objects.filter(created_at__lt=now - timedelta(days=days)).exclude(
        status=BarrierReport.Status.NEW
    )


def _delete_reports(region: Region, now: datetime, days: int) -> int:
    return _old_reports(now, days).filter(region=region).delete()[0]


def _delete_reports_of_no_county(now: datetime, days: int) -> int:
    return _old_reports(now, days).filter(region__isnull=True).delete()[0]


def _find_reports(region: Region, email: str) -> list[dict[str, Any]]:
    return [
        {
            str(_("received")): report.created_at,
            str(_("name")): report.name,
            str(_("e-mail")): report.email,
            str(_("page concerned")): report.page_url,
            str(_("description of the barrier")): report.description,
        }
        for report in BarrierReport.objects.in_region(region).filter(email__iexact=email)
    ]


def _erase_reports(region: Region, email: str) -> int:
    return BarrierReport.objects.in_region(region).filter(email__iexact=email).delete()[0]


def _mails(region: Region, email: str) -> Any:
    return OutgoingMail.objects.in_region(region).filter(
        Q(to__iexact=email) | Q(reply_to__iexact=email)
    )


def _find_mails(region: Region, email: str) -> list[dict[str, Any]]:
    return [
        {
            str(_("created")): mail.created_at,
            str(_("recipient")): mail.to,
            str(_("subject")): mail.subject,
            str(_("status")): mail.get_status_display(),
            str(_("text")): mail.body_text,
        }
        for mail in _mails(region, email)
    ]


def _erase_mails(region: Region, email: str) -> int:
    # A mail still waiting to be sent is deleted too: its recipient asked for erasure.
    return _mails(region, email).delete()[0]


def _find_team(region: Region, email: str) -> list[dict[str, Any]]:
    members = TeamMember.objects.in_region(region).filter(email__iexact=email)
    return [record(m, ("name", "role", "phone", "email")) for m in members]


def _erase_team(region: Region, email: str) -> int:
    """The public team list's entry and its earlier versions."""
    members = TeamMember.objects.in_region(region).filter(email__iexact=email)
    pks = list(members.values_list("pk", flat=True))
    erased = members.delete()[0]
    TeamMember.history.filter(id__in=pks).delete()
    return erased


def _find_invitations(region: Region, email: str) -> list[dict[str, Any]]:
    invitations = Invitation.objects.in_region(region).filter(email__iexact=email)
    return [record(i, ("email", "role", "created_at", "expires_at")) for i in invitations]


def _erase_invitations(region: Region, email: str) -> int:
    return Invitation.objects.in_region(region).filter(email__iexact=email).delete()[0]


def register() -> None:
    for rule in (
        RetentionRule(
            key="barrier_reports",
            label=_("Reports of barriers"),
            action=_("Deleted once handled, counted from receipt; new reports are kept."),
            covers=(
                "portal.BarrierReport.name",
                "portal.BarrierReport.email",
                "portal.BarrierReport.description",
                "portal.BarrierReport.page_url",
            ),
            default_days=365,
            apply=_delete_reports,
            apply_global=_delete_reports_of_no_county,
            order=60,
        ),
        RetentionRule(
            key="history_of_deleted_records",
            label=_("Change history of deleted records"),
            action=_("Earlier versions of a deleted record are deleted, counted from deletion."),
            covers=(),
            default_days=365,
            apply=delete_history_of_deleted_records,
            order=80,
        ),
        RetentionRule(
            key="mail_log",
            label=_("Mail log"),
            action=_("Texts and attachments are blanked after 30 days, entries deleted."),
            covers=tuple(f"portal.OutgoingMail.{name}" for name in MAIL_FIELDS),
            default_days=180,
            per_region=False,
            order=85,
        ),
        RetentionRule(
            key="invitations",
            label=_("Invitations to the back-office"),
            action=_("Deleted when not accepted, counted from expiry."),
            covers=("portal.Invitation.email", "portal.Invitation.token"),
            default_days=30,
            per_region=False,
            order=86,
        ),
        RetentionRule(
            key="sessions",
            label=_("Login sessions"),
            action=_("Deleted when they expire (clearsessions)."),
            covers=("sessions.Session.session_data", "sessions.Session.session_key"),
            default_days=14,
            apply_global=clear_sessions,
            per_region=False,
            order=87,
        ),
        RetentionRule(
            key="rate_limits",
            label=_("Counters against misuse"),
            action=_("Deleted after a day."),
            covers=("portal.RateLimitCounter.key",),
            default_days=1,
            per_region=False,
            order=88,
        ),
        RetentionRule(
            key="orphan_files",
            label=_("Files of deleted records"),
            action=_("Uploaded files no record refers to any more are deleted."),
            covers=(),
            default_days=7,
            apply_global=delete_orphan_files,
            per_region=False,
            order=89,
        ),
        RetentionRule(
            key="accounts",
            label=_("Accounts and team"),
            action=_("Kept while the account or the entry exists; staff delete them."),
            covers=(
                "portal.User.email",
                "portal.User.full_name",
                "portal.TeamMember.name",
                "portal.TeamMember.role",
                "portal.TeamMember.phone",
                "portal.TeamMember.email",
            ),
            order=90,
        ),
    ):
        hooks.register(hooks.RETENTION_RULES, rule)
    hooks.register(
        hooks.SUBJECT_DATA,
        SubjectData("barrier_reports", _("Reports of barriers"), _find_reports, _erase_reports),
        order=60,
    )
    hooks.register(
        hooks.SUBJECT_DATA,
        SubjectData("mails", _("Mail log"), _find_mails, _erase_mails),
        order=90,
    )
    hooks.register(
        hooks.SUBJECT_DATA,
        SubjectData("team", _("Team page of the office"), _find_team, _erase_team),
        order=91,
    )
    hooks.register(
        hooks.SUBJECT_DATA,
        SubjectData(
            "invitations",
            _("Invitations to the back-office"),
            _find_invitations,
            _erase_invitations,
        ),
        order=92,
    )
    hooks.register(hooks.REGION_JOBS, RETENTION_JOB)
