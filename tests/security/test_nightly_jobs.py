"""Item 11: the county settings the nightly jobs compute with are bounded, and the nightly work
runs county by county, so one county's failure neither stops nor hides the others."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from conferences import tasks as conference_tasks
from conferences.models import Registration
from portal.forms import RegionOfficeForm
from portal.lib import regionjobs
from portal.models import Region, RegionJobFailure
from tests.conferences.factories import EventDateFactory, EventFactory, RegistrationFactory
from tests.offers.factories import UpdateRoundFactory

pytestmark = pytest.mark.django_db

HUGE = 2**31 - 1


def _office_data(region: Region, **changes) -> dict:
    form = RegionOfficeForm(instance=region)
    data = {name: form.initial.get(name) for name in form.fields}
    data = {k: ("" if v is None else v) for k, v in data.items() if k != "coat_of_arms"}
    data.update(changes)
    return data


@pytest.mark.parametrize("field", ["registration_retention_days", "reminder_days_before"], ids=str)
def test_the_office_form_refuses_days_the_jobs_cannot_compute_with(goslar, field):
    with override("de"):
        form = RegionOfficeForm(_office_data(goslar, **{field: HUGE}), instance=goslar)
        assert not form.is_valid()
        assert "Anzahl von Tagen" in str(form.errors[field])
    for language in ("en", "ar", "uk"):
        with override(language):
            form = RegionOfficeForm(_office_data(goslar, **{field: HUGE}), instance=goslar)
            form.is_valid()
            assert "%(" not in str(form.errors[field])


def test_sensible_values_pass_the_form(goslar):
    data = _office_data(goslar, registration_retention_days=365, reminder_days_before=0)
    form = RegionOfficeForm(data, instance=goslar)
    assert form.is_valid(), form.errors


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("registration_retention_days", HUGE),
        ("registration_retention_days", 0),
        ("reminder_days_before", 61),
    ],
)
def test_the_database_refuses_unbounded_days_written_past_the_form(goslar, field, value):
    with pytest.raises(IntegrityError), transaction.atomic():
        Region.objects.filter(pk=goslar.pk).update(**{field: value})


def test_the_database_refuses_an_unbounded_update_round_interval(goslar):
    from offers.models import UpdateRound

    update_round = UpdateRoundFactory(
        region=goslar, name="Update", deadline=timezone.localdate() + timedelta(days=30)
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        UpdateRound.objects.filter(pk=update_round.pk).update(reminder_interval_days=0)


def _due_registration(region: Region) -> Registration:
    start = timezone.localtime().replace(hour=10, minute=0) + timedelta(
        days=region.reminder_days_before
    )
    return RegistrationFactory(
        event_date=EventDateFactory(event=EventFactory(region=region), start=start)
    )


def test_one_countys_failure_neither_stops_nor_hides_the_others(
    client, goslar, harz, monkeypatch, django_capture_on_commit_callbacks
):
    # Goslar comes first (lower pk): before the fix its exception ended the whole job.
    assert goslar.pk < harz.pk
    broken = _due_registration(goslar)
    fine = _due_registration(harz)
    real_mail = conference_tasks.registration_mail

    def mail_failing_for_goslar(registration, kind, purpose=""):
        if registration.event_date.event.region_id == goslar.pk:
            raise RuntimeError("template of Goslar broken")
        return real_mail(registration, kind, purpose)

    monkeypatch.setattr(conference_tasks, "registration_mail", mail_failing_for_goslar)
    assert conference_tasks.send_reminders() == 1
    fine.refresh_from_db()
    broken.refresh_from_db()
    assert fine.reminder_sent_at is not None
    assert broken.reminder_sent_at is None

    failure = RegionJobFailure.objects.get()
    assert (failure.region, failure.job) == (goslar, "conferences.reminders")
    assert "template of Goslar broken" in failure.error

    health = client.get(reverse("health")).json()
    assert health["region_jobs_failed"] == 1
    assert "region_jobs_failed" in health["attention"]

    # Still broken an hour later: the attempt is counted.
    regionjobs.retry_failed()
    failure.refresh_from_db()
    assert failure.attempts == 2

    # Repaired: the hourly retry sends Goslar's reminder and the failure disappears.
    monkeypatch.setattr(conference_tasks, "registration_mail", real_mail)
    run = regionjobs.retry_failed()
    assert run.done == {goslar.slug: 1}
    broken.refresh_from_db()
    assert broken.reminder_sent_at is not None
    assert not RegionJobFailure.objects.exists()
    health = client.get(reverse("health")).json()
    assert health["region_jobs_failed"] == 0 and health["attention"] == []


def test_a_failing_county_rolls_back_only_its_own_share(goslar, harz):
    def work(region, now):
        Region.objects.filter(pk=region.pk).update(name=f"{region.name} (done)")
        if region == goslar:
            raise ValueError("half done")
        return 1

    run = regionjobs.run_for_regions(regionjobs.RegionJob("test.work", work))
    assert run.done == {harz.slug: 1} and set(run.failed) == {goslar.slug}
    goslar.refresh_from_db()
    harz.refresh_from_db()
    assert not goslar.name.endswith("(done)")
    assert harz.name.endswith("(done)")


def test_the_update_rounds_job_runs_county_by_county(goslar, harz, monkeypatch):
    from offers import tasks as offer_tasks
    from offers.services import rounds

    calls = []

    def work(region, now):
        calls.append(region.slug)
        if region == goslar:
            raise RuntimeError("broken")
        return 0

    monkeypatch.setattr(
        offer_tasks, "UPDATE_ROUNDS", regionjobs.RegionJob("offers.update_rounds", work)
    )
    offer_tasks.update_rounds_daily.func(timestamp=0)
    assert calls == [goslar.slug, harz.slug]
    assert RegionJobFailure.objects.get().job == "offers.update_rounds"
    assert rounds.daily_region_work(harz, timezone.now()) == 0


def test_the_nightly_retention_job_runs_county_by_county(goslar, harz, monkeypatch):
    from portal import retention, tasks

    calls = []

    def apply_region(region, now):
        calls.append(region.slug)
        if region == goslar:
            raise RuntimeError("broken")
        return 0

    monkeypatch.setattr(
        retention, "RETENTION_JOB", regionjobs.RegionJob("portal.retention", apply_region)
    )
    result = tasks.retention.func(timestamp=0)
    assert calls == [goslar.slug, harz.slug]
    assert set(result["failed"]) == {goslar.slug}
    assert RegionJobFailure.objects.get().region == goslar
