"""Participant e-mails (language, calendar file, self-service link), reminders, anonymisation."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from conferences.models import Registration
from conferences.services import events as event_services
from conferences.services import registrations as services
from conferences.tasks import anonymise_registrations, send_reminders
from portal.lib import l10n
from portal.models import OutgoingMail
from tests.conferences.factories import EventDateFactory, EventFactory, RegistrationFactory


def test_the_confirmation_has_a_calendar_file_and_the_self_service_link(
    event_date, person, deliver, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        registration, _ = services.registration_create(event_date=event_date, participant=person(1))
    mails = deliver()
    assert len(mails) == 1
    mail = mails[0]
    assert mail.to == ["person1@example.org"]
    assert registration.self_service_path() in mail.body
    assert event_date.event.title in mail.subject
    filename, content, mimetype = mail.attachments[0]
    assert filename.endswith(".ics") and mimetype == "text/calendar"
    assert b"BEGIN:VEVENT" in (content if isinstance(content, bytes) else content.encode())


def test_mails_go_out_in_the_participants_language_or_the_events(
    event, event_date, person, deliver, django_capture_on_commit_callbacks
):
    event.language = "en"
    event.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_create(event_date=event_date, participant=person(1, language="uk"))
        services.registration_create(event_date=event_date, participant=person(2, language=""))
    mails = {m.to[0]: m for m in deliver()}
    start = timezone.localtime(event_date.start)
    # The date is written in the language used (CLDR's weekday and month names).
    assert l10n.format_date(start, "full", language="uk") in mails["person1@example.org"].body
    assert l10n.format_date(start, "full", language="en") in mails["person2@example.org"].body


def test_waiting_then_moved_up_mails(event, person, deliver, django_capture_on_commit_callbacks):
    event_date = EventDateFactory(event=event, seats=1)
    with django_capture_on_commit_callbacks(execute=True):
        holder, _ = services.registration_create(event_date=event_date, participant=person(1))
        services.registration_create(event_date=event_date, participant=person(2))
    deliver().clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(registration=holder)
    mails = {m.to[0]: m for m in deliver()}
    assert set(mails) == {"person1@example.org", "person2@example.org"}
    assert mails["person2@example.org"].attachments  # the moved-up mail brings the .ics


def test_cancelling_the_event_notifies_everyone(
    event, event_date, deliver, django_capture_on_commit_callbacks
):
    RegistrationFactory.create_batch(3, event_date=event_date)
    RegistrationFactory(event_date=event_date, status=Registration.Status.WAITING)
    RegistrationFactory(event_date=event_date, status=Registration.Status.CANCELLED)
    with django_capture_on_commit_callbacks(execute=True):
        assert event_services.event_cancel(event=event) == 4
    assert len(deliver()) == 4
    assert not Registration.objects.active().exists()


def test_reminders_go_out_once_n_days_before(goslar, deliver, django_capture_on_commit_callbacks):
    goslar.reminder_days_before = 3
    goslar.save()
    start = timezone.localtime().replace(hour=10, minute=0) + timedelta(days=3)
    event_date = EventDateFactory(event=EventFactory(region=goslar), start=start)
    RegistrationFactory(event_date=event_date)
    RegistrationFactory(event_date=event_date, status=Registration.Status.WAITING)
    RegistrationFactory(event_date=EventDateFactory(event=event_date.event))  # in 30 days
    with django_capture_on_commit_callbacks(execute=True):
        assert send_reminders() == 1
        assert send_reminders() == 0
    assert len(deliver()) == 1


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


def test_staff_message_reaches_everyone_with_a_seat(
    event_date, jobs, deliver, django_capture_on_commit_callbacks
):
    RegistrationFactory.create_batch(2, event_date=event_date)
    RegistrationFactory(event_date=event_date, status=Registration.Status.WAITING)
    with django_capture_on_commit_callbacks(execute=True):
        count = event_services.date_message_send(
            event_date=event_date, subject="Raumänderung", body="Wir treffen uns in Raum 2."
        )
    assert count == 2
    # Nothing is rendered in the request: one job per recipient does it.
    assert not OutgoingMail.objects.filter(subject="Raumänderung").exists()
    assert len(jobs.pending("conferences.send_date_message")) == 2
    mails = deliver()
    assert OutgoingMail.objects.filter(subject="Raumänderung").count() == 2
    assert sorted(m.subject for m in mails) == ["Raumänderung", "Raumänderung"]
    assert all("Raum 2" in m.body for m in mails)


def test_staff_message_to_the_waiting_list_too(
    event_date, deliver, django_capture_on_commit_callbacks
):
    RegistrationFactory(event_date=event_date)
    RegistrationFactory(event_date=event_date, status=Registration.Status.WAITING)
    with django_capture_on_commit_callbacks(execute=True):
        count = event_services.date_message_send(
            event_date=event_date, subject="Hinweis", body="Text", include_waiting=True
        )
    assert count == 2
    deliver()
    assert OutgoingMail.objects.filter(subject="Hinweis").count() == 2
