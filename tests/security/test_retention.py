"""Item 17: every kind of personal data has a retention rule the county can see and set, and
the nightly job applies them county by county.

The meta-test walks every model field that can hold personal data (names, e-mails, phones,
free text from visitors, uploaded files) and fails for one no rule covers, as the permission
matrix fails for a staff URL without a case: a new field needs a rule (in its app's
``retention.py``) or a line in NOT_PERSONAL saying why it holds none.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.apps import apps
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.db import models
from django.urls import reverse
from django.utils import timezone

from networks.models import JoinRequest, Person
from offers.models import ChangeRequest, ImportBatch, UpdateRequest
from portal import retention
from portal.models import BarrierReport, RetentionPeriod
from tests.factories import RetentionPeriodFactory
from tests.networks.factories import (
    JoinRequestFactory,
    OrganisationFactory,
    PersonFactory,
    WorkingGroupFactory,
)
from tests.offers.factories import (
    ChangeRequestFactory,
    ImportBatchFactory,
    UpdateRequestFactory,
    UpdateRoundFactory,
)
from tests.portal.factories import BarrierReportFactory

# A field may hold personal data when it is an e-mail or a file, or when its name says so.
PERSONAL_NAME = re.compile(
    r"(^|_)(name|email|phone|mail|to|reply|message|answer|note|needs|text|body|minutes|agenda"
    r"|description|data|content|speaker|moderation|key|value|function|street|subject|error"
    r"|attachments|url|role|title|summary|documentation|purpose)($|_)"
)

# Fields matching the pattern that hold no personal data, and why.
NOT_PERSONAL = {
    # The county's own published texts and settings.
    **{
        f"portal.Region.{f}": "the county's published office data"
        for f in (
            "name",
            "office_name",
            "postal_address",
            "visiting_address",
            "introduction",
            "map_tile_url",
            "privacy_notice",
        )
    },
    "portal.RegionContact.value": "the office's own phone numbers and addresses",
    "portal.RegionContact.label": "label of an office contact",
    "portal.RegionStatistic.label": "published statistic",
    "portal.RegionStatistic.value": "published statistic",
    "portal.Municipality.name": "a place",
    "portal.FieldOfAction.name": "a topic",
    "portal.FieldOfAction.description": "a topic",
    "portal.Membership.role": "a role, not a person",
    "portal.Invitation.role": "a role, not a person",
    "portal.OutgoingMail.purpose": "an internal key (job id)",
    "portal.Translation.text": "translation of published texts",
    "portal.Translation.source_text": "published German text",
    "portal.User.password": "a hash; the account follows the accounts rule",
    "networks.Organisation.name": "an organisation",
    "networks.Organisation.description": "an organisation's published text",
    "networks.WorkingGroup.name": "a working group",
    "networks.WorkingGroup.purpose": "published text",
    "networks.WorkingGroup.public_description": "published text",
    "networks.IntegrationConcept.title": "published concept",
    "networks.Guideline.title": "published concept",
    "networks.Guideline.text": "published concept",
    "networks.Measure.title": "published concept",
    "networks.Measure.description": "published concept",
    "networks.MeasureProgressNote.text": "staff's note on a measure",
    "networks.ConceptAnnex.key": "an internal key",
    "networks.ConceptExport.file": "the published concept as PDF (regenerated)",
    "networks.ConceptExport.error": "a technical error message",
    "conferences.Venue.name": "a place",
    "conferences.Venue.street": "a place",
    "conferences.Event.title": "published event",
    "conferences.Event.summary": "published event",
    "conferences.Event.description": "published event",
    "conferences.Event.documentation": "published event",
    "conferences.Event.image": "published event image",
    "conferences.EventDate.label": "published event",
    "conferences.ProgrammeItem.title": "published programme",
    "conferences.Workshop.title": "published programme",
    "conferences.Workshop.description": "published programme",
    "offers.Offer.title": "published offer",
    "offers.Offer.summary": "published offer",
    "offers.Offer.description": "published offer",
    "offers.OfferPlace.name": "a place",
    "offers.OfferPlace.street": "a place",
    "offers.SearchEntry.title": "search index of published offers",
    "offers.SearchEntry.phrase": "search index of published offers",
    "offers.UpdateRound.name": "name of a round",
    "offers.ImportBatch.filename": "the file's name, chosen by staff (content: import rule)",
    "portal.Region.coat_of_arms": "the county's coat of arms",
    "portal.Region.county_key": "the county's official key",
    "portal.RegionJobFailure.error": "a technical error message (removed on success)",
    "networks.MeetingDocument.content_type": "a file type",
    "conferences.Workshop.needs": "needs the workshop identified (published documentation)",
    "offers.Offer.cost_note": "published offer",
}


def _candidates() -> set[str]:
    found = set()
    for model in apps.get_models():
        name = model.__name__
        if model._meta.app_label not in {"portal", "networks", "conferences", "offers", "sessions"}:
            continue
        if name.startswith("Historical"):
            continue  # the history of deleted records has its own rule (asserted below)
        for field in model._meta.get_fields():
            if not getattr(field, "concrete", False) or field.is_relation:
                continue
            personal_type = isinstance(field, models.EmailField | models.FileField)
            text_type = isinstance(
                field, models.CharField | models.TextField | models.JSONField | models.BinaryField
            )
            if isinstance(field, models.SlugField) or getattr(field, "choices", None):
                continue
            if personal_type or (text_type and PERSONAL_NAME.search(field.name)):
                found.add(f"{model._meta.label}.{field.name}")
    return found


def test_every_field_that_can_hold_personal_data_has_a_retention_rule():
    uncovered = _candidates() - retention.covered_fields() - set(NOT_PERSONAL)
    assert not uncovered, f"Personal data without a retention rule: {sorted(uncovered)}"


def test_the_rules_name_real_fields_and_the_exceptions_are_not_stale():
    labels = retention.covered_fields() | set(NOT_PERSONAL)
    for label in labels:
        app_label, model_name, field_name = label.split(".")
        apps.get_model(app_label, model_name)._meta.get_field(field_name)
    assert not retention.covered_fields() & set(NOT_PERSONAL)


def test_the_kinds_the_issue_names_each_have_a_rule():
    keys = {rule.key for rule in retention.rules()}
    assert {
        "registrations",
        "join_requests",
        "change_requests",
        "import_files",
        "update_round_addresses",
        "barrier_reports",
        "history_of_deleted_records",
        "sessions",
        "orphan_files",
        "mail_log",
    } <= keys


pytestmark = pytest.mark.django_db


def _ago(days: int):
    return timezone.now() - timedelta(days=days)


def test_the_nightly_job_applies_each_countys_periods(goslar, harz):
    RetentionPeriodFactory(region=goslar, rule="join_requests", days=10)
    group_goslar = WorkingGroupFactory(region=goslar)
    group_harz = WorkingGroupFactory(region=harz)
    old_goslar = JoinRequestFactory(
        working_group=group_goslar, name="Erika", email="erika@example.org"
    )
    old_harz = JoinRequestFactory(working_group=group_harz, name="Max", email="max@example.org")
    JoinRequest.objects.filter(pk__in=[old_goslar.pk, old_harz.pk]).update(created_at=_ago(20))
    retention.apply_region(goslar, timezone.now())
    retention.apply_region(harz, timezone.now())
    assert not JoinRequest.objects.filter(pk=old_goslar.pk).exists()  # Goslar: 10 days
    assert JoinRequest.objects.filter(pk=old_harz.pk).exists()  # Harz: the default 180


def test_offers_data_is_deleted_after_its_periods(goslar, coordinator_goslar):
    organisation = OrganisationFactory(region=goslar)
    decided = ChangeRequestFactory(
        region=goslar,
        kind="update",
        source="public",
        organisation=organisation,
        submitter_name="Erika",
        submitter_email="erika@example.org",
        status=ChangeRequest.Status.REJECTED,
        decided_at=_ago(400),
    )
    pending = ChangeRequestFactory(
        region=goslar,
        kind="update",
        source="public",
        organisation=organisation,
        submitter_email="max@example.org",
    )
    batch = ImportBatchFactory(region=goslar, what="offers", filename="a.csv", content=b"x")
    ImportBatch.objects.filter(pk=batch.pk).update(created_at=_ago(31))
    closed = UpdateRoundFactory(
        region=goslar, name="2025", deadline=timezone.localdate(), closed_at=_ago(400)
    )
    UpdateRequestFactory(round=closed, organisation=organisation, email="a@example.org")
    retention.apply_region(goslar, timezone.now())
    assert not ChangeRequest.objects.filter(pk=decided.pk).exists()
    assert ChangeRequest.objects.filter(pk=pending.pk).exists()
    batch.refresh_from_db()
    assert bytes(batch.content) == b"" and batch.filename == "a.csv"
    assert not UpdateRequest.objects.filter(round=closed).exists()


def test_handled_barrier_reports_go_new_ones_stay(goslar):
    handled = BarrierReportFactory(
        region=goslar, description="Kontrast", email="a@example.org", status="resolved"
    )
    new = BarrierReportFactory(region=goslar, description="Alt-Text")
    outside = BarrierReportFactory(region=None, description="x", status="resolved")
    BarrierReport.objects.update(created_at=_ago(400))
    retention.apply_region(goslar, timezone.now())
    retention.apply_global()
    assert not BarrierReport.objects.filter(pk__in=[handled.pk, outside.pk]).exists()
    assert BarrierReport.objects.filter(pk=new.pk).exists()


def test_the_history_of_deleted_persons_goes_after_the_period(goslar):
    kept = PersonFactory(region=goslar)
    gone = PersonFactory(region=goslar, email="gone@example.org")
    gone_pk = gone.pk
    gone.delete()
    history = Person.history.model
    history.objects.filter(id=gone_pk).update(history_date=_ago(400))
    retention.apply_region(goslar, timezone.now())
    assert not history.objects.filter(id=gone_pk).exists()
    assert history.objects.filter(id=kept.pk).exists()


def test_expired_sessions_and_orphan_files_go(goslar, settings, tmp_path):
    store = SessionStore()
    store["x"] = 1
    store.create()
    Session.objects.filter(session_key=store.session_key).update(expire_date=_ago(1))
    orphan = tmp_path / "regions" / "abc" / "old.png"
    orphan.parent.mkdir(parents=True)
    orphan.write_bytes(b"x")
    import os

    old = (timezone.now() - timedelta(days=30)).timestamp()
    os.utime(orphan, (old, old))
    settings.MEDIA_ROOT = tmp_path
    done = retention.apply_global()
    assert done["sessions"] == 1 and not Session.objects.exists()
    assert done["orphan_files"] == 1 and not orphan.exists()


def test_the_county_sees_and_sets_its_periods(client_of, coordinator_goslar, goslar):
    client = client_of(coordinator_goslar)
    url = reverse("portal_staff:privacy", kwargs={"region": goslar.slug})
    page = client.get(url)
    assert page.status_code == 200
    assert b'data-rule="join_requests"' in page.content
    assert b'data-rule="sessions"' in page.content
    data = {rule.key: rule.default_days or 0 for rule in retention.rules() if rule.settable} | {
        "join_requests": 30,
        "registrations": 120,
    }
    assert client.post(url, data).status_code == 302
    goslar.refresh_from_db()
    assert goslar.registration_retention_days == 120
    assert RetentionPeriod.objects.get(region=goslar, rule="join_requests").days == 30
    refused = client.post(url, data | {"join_requests": 2**31 - 1})
    assert refused.status_code == 400
    assert "Anzahl von Tagen" in refused.content.decode()
    assert RetentionPeriod.objects.get(region=goslar, rule="join_requests").days == 30


def test_editors_may_not_set_the_periods(client_of, editor_goslar, goslar):
    url = reverse("portal_staff:privacy", kwargs={"region": goslar.slug})
    assert client_of(editor_goslar).get(url).status_code == 403
