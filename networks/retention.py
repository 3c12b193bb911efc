"""What the networks app keeps about people, and for how long (see portal.retention)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from networks.models import JoinRequest, Organisation, Person
from portal import hooks as portal_hooks
from portal.models import Region
from portal.retention import RetentionRule, SubjectData, record

JOIN_REQUEST_FIELDS = ("name", "organisation_name", "email", "phone", "message", "answer")
PERSON_FIELDS = ("name", "function", "email", "phone")


def _delete_join_requests(region: Region, now: datetime, days: int) -> int:
    cutoff = now - timedelta(days=days)
    return (
        JoinRequest.objects.in_region(region)
        .filter(Q(answered_at__lt=cutoff) | Q(answered_at__isnull=True, created_at__lt=cutoff))
        .delete()[0]
    )


def _find_join_requests(region: Region, email: str) -> list[dict[str, Any]]:
    requests = JoinRequest.objects.in_region(region).filter(email__iexact=email)
    return [
        {
            str(_("Working group")): str(r.working_group),
            **record(r, ("created_at", *JOIN_REQUEST_FIELDS, "status")),
        }
        for r in requests.select_related("working_group")
    ]


def _erase_join_requests(region: Region, email: str) -> int:
    return JoinRequest.objects.in_region(region).filter(email__iexact=email).delete()[0]


def _find_persons(region: Region, email: str) -> list[dict[str, Any]]:
    persons = Person.objects.in_region(region).filter(email__iexact=email)
    return [
        record(p, ("organisation", *PERSON_FIELDS, "public_consent", "consent_date"))
        for p in persons.select_related("organisation")
    ]


def _erase_persons(region: Region, email: str) -> int:
    """Delete the contact persons and every earlier version of them in the change history;
    PDFs that listed them are discarded (as when consent is withdrawn)."""
    from networks.hooks import CONSENT_WITHDRAWN

    erased = 0
    for person in Person.objects.in_region(region).filter(email__iexact=email):
        portal_hooks.emit(CONSENT_WITHDRAWN, person=person)
        pk = person.pk
        person.delete()
        Person.history.filter(id=pk).delete()
        erased += 1
    Person.history.filter(region_id=region.pk, email__iexact=email).delete()
    return erased


def _find_organisations(region: Region, email: str) -> list[dict[str, Any]]:
    organisations = Organisation.objects.in_region(region).filter(email__iexact=email)
    return [record(o, ("name", "email", "phone", "street")) for o in organisations]


def _erase_organisations(region: Region, email: str) -> int:
    """The organisation stays in the network; its e-mail address and phone number, which
    name the person, go, in every earlier version too."""
    organisations = Organisation.objects.in_region(region).filter(email__iexact=email)
    Organisation.history.filter(region_id=region.pk, email__iexact=email).update(email="", phone="")
    return organisations.update(email="", phone="")


def register() -> None:
    for rule in (
        RetentionRule(
            key="join_requests",
            label=_("Requests to join a working group"),
            action=_("Deleted, counted from the answer (or from receipt if never answered)."),
            covers=tuple(f"networks.JoinRequest.{name}" for name in JOIN_REQUEST_FIELDS),
            default_days=180,
            apply=_delete_join_requests,
            order=20,
        ),
        RetentionRule(
            key="network_contacts",
            label=_("Contact persons and organisations"),
            action=_(
                "Kept while the contact belongs to the network; staff delete them. Earlier "
                "versions of deleted contacts follow the change-history rule."
            ),
            covers=(
                *(f"networks.Person.{name}" for name in PERSON_FIELDS),
                "networks.Organisation.email",
                "networks.Organisation.phone",
                "networks.Organisation.street",
            ),
            order=21,
        ),
        RetentionRule(
            key="working_group_records",
            label=_("Working group meetings and documents"),
            action=_("Kept while the working group exists; staff delete them."),
            covers=(
                "networks.WorkingGroupMeeting.agenda",
                "networks.WorkingGroupMeeting.minutes",
                "networks.MeetingDocument.title",
                "networks.MeetingDocument.file",
            ),
            order=22,
        ),
    ):
        portal_hooks.register(portal_hooks.RETENTION_RULES, rule)
    for source in (
        SubjectData(
            "join_requests",
            _("Requests to join a working group"),
            _find_join_requests,
            _erase_join_requests,
            order=20,
        ),
        SubjectData("persons", _("Contact persons"), _find_persons, _erase_persons, order=21),
        SubjectData(
            "organisations",
            _("Contact data of organisations"),
            _find_organisations,
            _erase_organisations,
            order=22,
        ),
    ):
        portal_hooks.register(portal_hooks.SUBJECT_DATA, source)
