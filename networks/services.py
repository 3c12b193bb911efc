"""Multi-step writes of the networks app: actors, join requests, concept revisions, PDF exports."""

from __future__ import annotations

import datetime
from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from networks import hooks
from networks.models import (
    ConceptAnnex,
    ConceptChapter,
    ConceptExport,
    Guideline,
    IntegrationConcept,
    JoinRequest,
    Measure,
    MeasureProgressNote,
    MeetingDocument,
    Organisation,
    Person,
    WorkingGroup,
    WorkingGroupMeeting,
)
from portal import hooks as portal_hooks
from portal.lib import jobs
from portal.lib.mail import queue_templated_mail
from portal.lib.models import (
    delete_files_after_commit,
    save_fields,
    stored_value,
    with_change_reason,
)
from portal.models import Membership, Region, Role, User

# --- organisations and contact persons -----------------------------------------------------


@transaction.atomic
def organisation_save(*, organisation: Organisation, data: dict[str, Any]) -> Organisation:
    """Create or change an organisation. A new name is news for the apps that show or index it
    (hooks.ORGANISATION_RENAMED: the offer search holds provider names)."""
    previous_name = stored_value(organisation, "name")
    save_fields(organisation, data)
    if previous_name is not None and previous_name != organisation.name:
        portal_hooks.emit(hooks.ORGANISATION_RENAMED, organisation=organisation)
    return organisation


@transaction.atomic
def person_save(*, person: Person, data: dict[str, Any]) -> Person:
    """Create or change a contact person. When the person withdraws the consent to be listed
    publicly, the apps that copied them anywhere public hear of it (hooks.CONSENT_WITHDRAWN)."""
    had_consent = stored_value(person, "public_consent")
    save_fields(person, data)
    if had_consent and not person.public_consent:
        portal_hooks.emit(hooks.CONSENT_WITHDRAWN, person=person)
    return person


# --- working groups -------------------------------------------------------------------------


def _coordinator_emails(region: Region) -> list[str]:
    return list(
        Membership.objects.in_region(region)
        .filter(role=Role.COORDINATOR, user__is_active=True)
        .values_list("user__email", flat=True)
    )


@transaction.atomic
def join_request_submit(
    *,
    working_group: WorkingGroup,
    name: str,
    email: str,
    organisation_name: str = "",
    phone: str = "",
    message: str = "",
    public_consent: bool = False,
) -> JoinRequest:
    """Store the request and tell the region's coordinators (after commit)."""
    join_request = JoinRequest.objects.create(
        working_group=working_group,
        name=name,
        email=email,
        organisation_name=organisation_name,
        phone=phone,
        message=message,
        public_consent=public_consent,
    )
    region = working_group.region
    url = settings.SITE_URL + reverse(
        "networks_staff:join_request_detail", kwargs={"region": region.slug, "pk": join_request.pk}
    )
    for to in _coordinator_emails(region):
        queue_templated_mail(
            to=to,
            template_prefix="networks/email/join_request_staff",
            context={"join_request": join_request, "group": working_group, "url": url},
            region=region,
            reply_to=email,
        )
    return join_request


def _member_for(join_request: JoinRequest) -> Person:
    """The contact person an accepted request makes a member: the region's person with the same
    e-mail address, or a new one from the request, with the consent the requester stated."""
    region = join_request.working_group.region
    today = timezone.localdate()
    person = (
        Person.objects.in_region(region).filter(email__iexact=join_request.email).first()
        if join_request.email
        else None
    )
    if person is None:
        organisation = (
            Organisation.objects.in_region(region)
            .filter(name__iexact=join_request.organisation_name.strip())
            .first()
            if join_request.organisation_name.strip()
            else None
        )
        person = Person(
            region=region,
            name=join_request.name,
            email=join_request.email,
            phone=join_request.phone,
            organisation=organisation,
            public_consent=join_request.public_consent,
            consent_date=today if join_request.public_consent else None,
        )
        with_change_reason(person, f"Join request #{join_request.pk}").save()
    elif join_request.public_consent and not person.public_consent:
        # Consent given now counts; an unticked box is no withdrawal of consent given before.
        person.public_consent = True
        person.consent_date = today
        person._change_reason = f"Join request #{join_request.pk}"
        person.save(update_fields=["public_consent", "consent_date", "updated_at"])
    return person


def lock_unanswered(join_request: JoinRequest) -> JoinRequest | None:
    """The request, locked until the transaction ends; None once it has been answered."""
    locked = (
        JoinRequest.objects.select_for_update(of=("self",))
        .select_related("working_group__region")
        .get(pk=join_request.pk)
    )
    return locked if locked.status == JoinRequest.Status.NEW else None


@transaction.atomic
def join_request_answer(
    *, join_request: JoinRequest, status: str, answer: str, user: User
) -> JoinRequest | None:
    """Record the answer and send it to the person who asked; accepting makes them a member
    of the working group. None if the request had been answered already.

    The request's row is locked: a double submit or two colleagues answering at once give
    one answer, one mail and one membership."""
    if status not in (JoinRequest.Status.ACCEPTED, JoinRequest.Status.DECLINED):
        raise ValidationError(_("Please accept or decline the request."))
    locked = lock_unanswered(join_request)
    if locked is None:
        return None
    join_request = locked
    fields = ["status", "answer", "answered_at", "answered_by"]
    if status == JoinRequest.Status.ACCEPTED:
        join_request.member = _member_for(join_request)
        join_request.working_group.member_persons.add(join_request.member)
        fields.append("member")
    join_request.status = status
    join_request.answer = answer
    join_request.answered_at = timezone.now()
    join_request.answered_by = user
    join_request.save(update_fields=fields)
    region = join_request.working_group.region
    queue_templated_mail(
        to=join_request.email,
        template_prefix="networks/email/join_request_answer",
        context={"join_request": join_request, "group": join_request.working_group},
        region=region,
        reply_to=user.email,
    )
    return join_request


def meeting_document_add(
    *, meeting: WorkingGroupMeeting, title: str, upload: UploadedFile
) -> MeetingDocument:
    """Attach a file that the form already checked (type by magic bytes, size)."""
    if upload.size is None:  # an upload always has one; a File opened from a path may not
        raise ValueError("The file has no size.")
    return MeetingDocument.objects.create(
        meeting=meeting,
        title=title,
        file=upload,
        content_type=getattr(upload, "checked_content_type", "") or upload.content_type or "",
        size=upload.size,
    )


# --- the integration concept ----------------------------------------------------------------


class ConceptError(Exception):
    """A workflow step that is not possible in the concept's current state."""


@transaction.atomic
def concept_start_revision(
    *, concept: IntegrationConcept, version: int | None = None
) -> IntegrationConcept:
    """Fortschreibung: deep-copy an adopted concept into a new draft.

    Guidelines, chapters, measures (with their lineage, partners and status) and the chosen
    annexes are copied; progress notes stay with the version they were written for.
    """
    concept = IntegrationConcept.objects.select_for_update().get(pk=concept.pk)
    if concept.status != IntegrationConcept.Status.ADOPTED:
        raise ConceptError(_("A revision starts from the adopted version."))
    region = concept.region
    open_versions = IntegrationConcept.objects.in_region(region).filter(
        status__in=[IntegrationConcept.Status.DRAFT, IntegrationConcept.Status.CONSULTATION]
    )
    if open_versions.exists():
        raise ConceptError(_("A revision is already in progress."))
    if version is None:
        highest = IntegrationConcept.objects.in_region(region).aggregate(v=Max("version"))["v"]
        version = max(timezone.localdate().year, (highest or 0) + 1)
    elif IntegrationConcept.objects.in_region(region).filter(version=version).exists():
        raise ConceptError(_("This version already exists."))

    draft = IntegrationConcept.objects.create(
        region=region,
        title=concept.title,
        version=version,
        status=IntegrationConcept.Status.DRAFT,
        foreword=concept.foreword,
        revision_of=concept,
    )
    Guideline.objects.bulk_create(
        Guideline(concept=draft, order=g.order, title=g.title, text=g.text)
        for g in concept.guidelines.all()
    )
    ConceptChapter.objects.bulk_create(
        ConceptChapter(
            concept=draft,
            field_of_action_id=c.field_of_action_id,
            order=c.order,
            situation=c.situation,
            goals=c.goals,
        )
        for c in concept.chapters.all()
    )
    originals = list(concept.measures.prefetch_related("partners"))
    copies = Measure.objects.bulk_create(
        Measure(
            concept=draft,
            lineage=m.lineage,
            field_of_action_id=m.field_of_action_id,
            order=m.order,
            title=m.title,
            description=m.description,
            responsible_organisation_id=m.responsible_organisation_id,
            responsible_working_group_id=m.responsible_working_group_id,
            start=m.start,
            end=m.end,
            status=m.status,
            progress=m.progress,
        )
        for m in originals
    )
    Through = Measure.partners.through
    Through.objects.bulk_create(
        Through(measure_id=copy.pk, organisation_id=partner.pk)
        for original, copy in zip(originals, copies, strict=True)
        for partner in original.partners.all()
    )
    ConceptAnnex.objects.bulk_create(
        ConceptAnnex(concept=draft, key=a.key, order=a.order) for a in concept.annexes.all()
    )
    return draft


@transaction.atomic
def concept_adopt(*, concept: IntegrationConcept, adopted_on: date) -> IntegrationConcept:
    """The county council adopted this version: the previously adopted one is superseded."""
    # Lock the region's versions so two adoptions cannot race past the check.
    versions = list(
        IntegrationConcept.objects.in_region(concept.region).select_for_update().order_by("pk")
    )
    concept = next(v for v in versions if v.pk == concept.pk)
    if concept.status not in (
        IntegrationConcept.Status.DRAFT,
        IntegrationConcept.Status.CONSULTATION,
    ):
        raise ConceptError(_("Only a draft or a version in consultation can be adopted."))
    for previous in versions:
        if previous.status == IntegrationConcept.Status.ADOPTED:
            previous.status = IntegrationConcept.Status.SUPERSEDED
            previous.save(update_fields=["status", "updated_at"])
    concept.status = IntegrationConcept.Status.ADOPTED
    concept.adopted_on = adopted_on
    concept.save(update_fields=["status", "adopted_on", "updated_at"])
    return concept


@transaction.atomic
def concept_set_annexes(*, concept: IntegrationConcept, keys: list[str]) -> None:
    """Staff choose which registered annexes go into the PDF, in the registry's order."""
    concept.annexes.exclude(key__in=keys).delete()
    existing = set(concept.annexes.values_list("key", flat=True))
    ConceptAnnex.objects.bulk_create(
        ConceptAnnex(concept=concept, key=key, order=i)
        for i, key in enumerate(keys)
        if key not in existing
    )
    for i, key in enumerate(keys):
        concept.annexes.filter(key=key).update(order=i)
    # Annex choice changes the document: touch the concept so its fingerprint changes.
    concept.save(update_fields=["updated_at"])


@transaction.atomic
def measure_add_progress_note(
    *, measure: Measure, date: date, text: str, progress: int | None = None
) -> MeasureProgressNote:
    """A dated note; a given percentage also becomes the measure's progress."""
    note = MeasureProgressNote.objects.create(
        measure=measure, date=date, text=text, progress=progress
    )
    if progress is not None:
        measure.progress = progress
        if progress == 100 and measure.status != Measure.Status.DROPPED:
            measure.status = Measure.Status.DONE
        elif progress > 0 and measure.status == Measure.Status.PLANNED:
            measure.status = Measure.Status.IN_PROGRESS
        measure.save(update_fields=["progress", "status", "updated_at"])
    return note


# --- PDF export -----------------------------------------------------------------------------


# A job that has not finished after this long was lost (worker restarted): start another.
EXPORT_ABANDONED_AFTER = datetime.timedelta(minutes=30)
# A failed export is not retried for anonymous downloads before this; staff may retry.
EXPORT_RETRY_FAILED_AFTER = datetime.timedelta(hours=1)


def concept_request_export(
    *,
    concept: IntegrationConcept,
    variant: str,
    language: str = "de",
    user: User | None = None,
    retry_failed: bool = False,
) -> ConceptExport:
    """Reuse a current or unfinished export, or start one background job.

    ``language`` is German or one of the region's target languages (the caller checks).
    At most one export per concept, variant and language is pending or running (a partial unique
    index holds it): every request while one waits gets that one, even when the content
    changed meanwhile, since the job renders the content of the moment it runs. A failed
    export answers anonymous requests for the same content for an hour instead of queueing a
    new WeasyPrint job on every download; staff retry it explicitly (``retry_failed``).
    """
    from networks.selectors import concept_fingerprint
    from networks.tasks import generate_concept_pdf

    fingerprint = concept_fingerprint(concept, language)
    now = timezone.now()
    Status = ConceptExport.Status
    with transaction.atomic():
        # Serialise requests per concept so a double click starts one job, not two.
        IntegrationConcept.objects.select_for_update().filter(pk=concept.pk).first()
        exports: QuerySet[ConceptExport] = ConceptExport.objects.filter(
            concept=concept, variant=variant, language=language
        )
        unfinished = exports.filter(status__in=[Status.PENDING, Status.RUNNING]).first()
        abandoned = False
        if unfinished is not None:
            if unfinished.created_at > now - EXPORT_ABANDONED_AFTER:
                return unfinished
            unfinished.status = Status.FAILED
            unfinished.error = "Abandoned: the job did not finish."
            unfinished.finished_at = now
            unfinished.save(update_fields=["status", "error", "finished_at"])
            abandoned = True  # not a failure of the content: try again at once
        latest = exports.filter(fingerprint=fingerprint).first()
        if latest is not None and latest.status == Status.DONE:
            return latest
        if (
            latest is not None
            and latest.status == Status.FAILED
            and not (retry_failed or abandoned)
            and (latest.finished_at or latest.created_at) > now - EXPORT_RETRY_FAILED_AFTER
        ):
            return latest
        export = ConceptExport.objects.create(
            concept=concept,
            variant=variant,
            language=language,
            fingerprint=fingerprint,
            requested_by=user,
        )
        # In the same transaction (the outbox): no export row without its job.
        jobs.defer(generate_concept_pdf, export_id=export.pk)
    return export


def concept_exports_discard(*, region: Region) -> int:
    """Delete the county's finished concept PDFs (files go after the commit, django-cleanup).

    Called when a person withdraws consent to be listed: an older PDF, also the "previous
    file" offered while a new one is made, may list them. The next download makes a new one.
    """
    finished = [ConceptExport.Status.DONE, ConceptExport.Status.FAILED]
    deleted: int
    deleted, _by_model = (
        ConceptExport.objects.in_region(region).filter(status__in=finished).delete()
    )
    return deleted


def region_files_delete(*, region: Region) -> None:
    """The region is being deleted: its minutes' files and concept PDFs go with it (after
    commit). Listens to portal's hooks.REGION_DELETED."""
    delete_files_after_commit(MeetingDocument.objects.in_region(region), "file")
    delete_files_after_commit(ConceptExport.objects.in_region(region), "file")
