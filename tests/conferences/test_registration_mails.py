"""The participant's e-mails from registering: the confirmation with a calendar file and the
self-service link, in the participant's language (or the event's); waiting, then moved up."""

from __future__ import annotations

from django.utils import timezone

from conferences.services import registrations as services
from portal.lib import l10n
from tests.conferences.factories import EventDateFactory


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
