"""Multi-step writes of the portal app."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from simple_history.utils import bulk_create_with_history

from portal import hooks
from portal.lib.mail import queue_templated_mail
from portal.lib.models import (
    RowChange,
    delete_files_after_commit,
    save_fields,
    save_rows,
    stored_value,
)
from portal.models import (
    BarrierReport,
    FieldOfAction,
    Invitation,
    Membership,
    Region,
    Role,
    SubjectRequestLog,
    User,
)
from portal.retention import SubjectData, subject_sources

# The ten workshop topics of Goslar's first integration conference (seed 000).
DEFAULT_FIELDS_OF_ACTION: list[tuple[str, str]] = [
    ("Arbeit", "Ausbildung, Arbeitsmarkt und berufliche Anerkennung"),
    ("Schule", "Kita, Schule und Bildung"),
    ("Sprache", "Sprachkurse und Sprachförderung"),
    ("Gesundheit", "Gesundheitsversorgung, Prävention und Pflege"),
    ("Sport und Freizeit", "Vereine, Sport, Kultur und Freizeit"),
    ("Integration", "Teilhabe, interkulturelle Öffnung und Zusammenleben"),
    ("Mobilität", "Öffentlicher Nahverkehr und Mobilität im ländlichen Raum"),
    ("Vernetzung und Ehrenamt", "Netzwerke, Integrationslotsen und ehrenamtliches Engagement"),
    ("Wohnen und Nachbarschaft", "Wohnraum, Nachbarschaft und Quartier"),
    (
        "Begleitung und Betreuung von Flüchtlingen",
        "Erstorientierung, Beratung und Begleitung von Geflüchteten",
    ),
]


@transaction.atomic
def region_create(
    *, name: str, slug: str, county_key: str, office_name: str, **fields: Any
) -> Region:
    """Create a region that starts with the default catalogue of fields of action."""
    region = Region.objects.create(
        name=name, slug=slug, county_key=county_key, office_name=office_name, **fields
    )
    # With history rows, so the first edit of a field shows what it was before.
    bulk_create_with_history(
        [
            FieldOfAction(region=region, name=title, slug=slugify(title), description=text, order=i)
            for i, (title, text) in enumerate(DEFAULT_FIELDS_OF_ACTION, start=1)
        ],
        FieldOfAction,
    )
    return region


@transaction.atomic
def field_of_action_save(*, field_of_action: FieldOfAction, data: dict[str, Any]) -> FieldOfAction:
    """Create or change a field of action. A new name is news for whatever shows or indexes it
    (hooks.FIELD_OF_ACTION_RENAMED, e.g. the offer search)."""
    previous_name = stored_value(field_of_action, "name")
    save_fields(field_of_action, data)
    if previous_name is not None and previous_name != field_of_action.name:
        hooks.emit(hooks.FIELD_OF_ACTION_RENAMED, field_of_action=field_of_action)
    return field_of_action


@transaction.atomic
def field_of_action_delete(*, field_of_action: FieldOfAction) -> None:
    """Delete a field of action. Offers, events, working groups and actors filed under it lose
    it (listeners of hooks.FIELD_OF_ACTION_DELETED are told first, e.g. the offer search);
    chapters and measures of a concept restrict it: ``RestrictedError`` until they move."""
    hooks.emit(hooks.FIELD_OF_ACTION_DELETED, field_of_action=field_of_action)
    field_of_action.delete()


@transaction.atomic
def region_delete(*, region: Region) -> None:
    """Delete a region with everything that hangs on it. Listeners of hooks.REGION_DELETED are
    told first, while the rows still exist (e.g. to remove the region's files after commit)."""
    hooks.emit(hooks.REGION_DELETED, region=region)
    delete_files_after_commit(Region.objects.filter(pk=region.pk), "coat_of_arms")
    region.delete()


def invitation_create(*, region: Region, email: str, role: str, invited_by: User) -> Invitation:
    email = email.strip().lower()
    with transaction.atomic():
        Invitation.objects.filter(region=region, email=email, accepted_at__isnull=True).delete()
        invitation = Invitation.objects.create(
            region=region, email=email, role=role, invited_by=invited_by
        )
        queue_templated_mail(
            to=email,
            template_prefix="portal/email/invitation",
            context={
                "invitation": invitation,
                "region": region,
                "url": settings.SITE_URL
                + reverse("portal:invitation_accept", kwargs={"token": invitation.token}),
            },
            region=region,
        )
    return invitation


def invitation_withdraw(*, invitation: Invitation) -> None:
    """Take an open invitation back: its link stops working at once (an accepted one stays)."""
    Invitation.objects.filter(pk=invitation.pk, accepted_at__isnull=True).delete()


class InvitationError(Exception):
    pass


@transaction.atomic
def invitation_accept(
    *, token: str, user: User | None = None, password: str = "", full_name: str = ""
) -> Membership:
    """Turn an invitation into a membership, creating the account when needed.

    The e-mail address of a new account counts as verified: the link reached that inbox.
    """
    from allauth.account.models import EmailAddress

    invitation = Invitation.objects.select_for_update().filter(token=token).first()
    if invitation is None or not invitation.is_usable:
        raise InvitationError(_("This invitation is no longer valid."))
    if user is None:
        user = User.objects.filter(email__iexact=invitation.email).first()
        if user is None:
            user = User.objects.create_user(invitation.email, password, full_name=full_name)
    elif user.email.lower() != invitation.email:
        raise InvitationError(_("This invitation was sent to another e-mail address."))
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    try:
        with transaction.atomic():
            membership, _created = Membership.objects.update_or_create(
                user=user, region=invitation.region, defaults={"role": invitation.role}
            )
    except IntegrityError as exc:  # pragma: no cover - guarded by the unique constraint
        raise InvitationError(str(exc)) from exc
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return membership


@transaction.atomic
def region_office_save(
    *, region: Region, data: dict[str, Any], rows: Iterable[RowChange] = ()
) -> Region:
    """Save the office's details and its lists (contacts, team, statistics, municipalities)
    together, or nothing at all."""
    save_fields(region, data)
    save_rows(rows, region=region)
    return region


class MembershipError(Exception):
    pass


def _ensure_another_coordinator(membership: Membership) -> None:
    """A region always keeps a coordinator: somebody must be able to invite staff."""
    if membership.role != Role.COORDINATOR:
        return
    others = (
        Membership.objects.select_for_update()
        .in_region(membership.region_id)
        .filter(role=Role.COORDINATOR)
        .exclude(pk=membership.pk)
    )
    if not others.exists():
        raise MembershipError(_("The region needs at least one coordinator."))


@transaction.atomic
def membership_change_role(*, membership: Membership, role: str) -> None:
    if role not in Role.values:
        raise ValueError(role)
    if role != Role.COORDINATOR:
        _ensure_another_coordinator(membership)
    membership.role = role
    membership.save(update_fields=["role"])


@transaction.atomic
def membership_remove(*, membership: Membership, removed_by: User) -> None:
    """Take the person out of the region's staff; the account stays (other regions)."""
    if membership.user_id == removed_by.pk:
        raise MembershipError(_("You cannot remove yourself."))
    _ensure_another_coordinator(membership)
    membership.delete()


def barrier_report_submit(
    *, region: Region | None, page_url: str, description: str, name: str = "", email: str = ""
) -> BarrierReport:
    """Store the report and tell the region's coordinators (or the platform admins)."""
    with transaction.atomic():
        report = BarrierReport.objects.create(
            region=region, page_url=page_url, description=description, name=name, email=email
        )
        if region is not None:
            recipients = list(
                region.memberships.filter(role=Role.COORDINATOR).values_list(
                    "user__email", flat=True
                )
            )
            recipients += list(
                region.contacts.filter(kind="email").values_list("value", flat=True)[:1]
            )
        else:
            recipients = list(
                User.objects.filter(is_superuser=True).values_list("email", flat=True)
            )
        for recipient in dict.fromkeys(recipients):
            queue_templated_mail(
                to=recipient,
                template_prefix="portal/email/barrier_report",
                context={"report": report, "region": region},
                region=region,
                reply_to=email,
            )
    return report


# --- data subject requests -------------------------------------------------------------------


def subject_find(*, region: Region, email: str) -> list[tuple[SubjectData, list[dict[str, Any]]]]:
    """Everything the apps keep about ``email`` in the county, per source (empty ones too)."""
    return [(source, source.find(region, email)) for source in subject_sources()]


def subject_log(
    *, region: Region, user: User, action: str, found: dict[str, int]
) -> SubjectRequestLog:
    """Log who looked at, exported or erased which kinds of records: counts, no address."""
    return SubjectRequestLog.objects.create(region=region, user=user, action=action, counts=found)


@transaction.atomic
def subject_erase(*, region: Region, email: str, user: User) -> dict[str, int]:
    """Erase (delete or anonymise) every record of ``email`` in the county and log it."""
    erased = {source.key: source.erase(region, email) for source in subject_sources()}
    subject_log(region=region, user=user, action=SubjectRequestLog.Action.ERASE, found=erased)
    return erased
