"""The anonymise_registrations job: personal data goes after the county's period, counts stay."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from conferences.models import Registration
from conferences.tasks import anonymise_registrations
from tests.conferences.factories import EventDateFactory, EventFactory, RegistrationFactory


def test_personal_data_is_anonymised_after_the_retention_period_counts_stay(goslar):
    goslar.registration_retention_days = 90
    goslar.save()
    old = EventDateFactory(
        event=EventFactory(region=goslar), start=timezone.now() - timedelta(days=100)
    )
    recent = EventDateFactory(
        event=EventFactory(region=goslar), start=timezone.now() - timedelta(days=10)
    )
    RegistrationFactory.create_batch(2, event_date=old, organisation="Caritas")
    RegistrationFactory(event_date=old, status=Registration.Status.ATTENDED)
    keep = RegistrationFactory(event_date=recent)
    assert anonymise_registrations() == 3
    anonymised = Registration.objects.filter(event_date=old)
    assert anonymised.count() == 3
    assert anonymised.holding_seat().count() == 3
    assert not anonymised.exclude(name="").exists()
    assert not anonymised.exclude(organisation="").exists()
    assert all(r.email.endswith("@invalid") and r.token == "" for r in anonymised)
    keep.refresh_from_db()
    assert keep.name and keep.anonymised_at is None
    assert anonymise_registrations() == 0
