"""Back-office: the event editor, status changes, participants, check-in, exports and PDFs."""

from __future__ import annotations

import io
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.translation import gettext as _

from conferences.models import Event, EventDate, Registration, Workshop
from tests.conferences.factories import (
    EventDateFactory,
    EventFactory,
    RegistrationFactory,
    VenueFactory,
    WorkshopFactory,
)

Status = Registration.Status


def staff_url(region, path):
    return f"/staff/{region.slug}/{path}"


def management(prefix, total, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def local(dt):
    return timezone.localtime(dt).strftime("%Y-%m-%dT%H:%M")


def date_fields(prefix, start, end):
    """A date card's day, start and end time, as the editor's inputs send them."""
    start, end = timezone.localtime(start), timezone.localtime(end)
    return {
        f"{prefix}-day": start.strftime("%Y-%m-%d"),
        f"{prefix}-start_time": start.strftime("%H:%M"),
        f"{prefix}-end_time": end.strftime("%H:%M"),
        **({f"{prefix}-end_day": end.strftime("%Y-%m-%d")} if end.date() != start.date() else {}),
        **management(f"{prefix}-programme", 0),
        **management(f"{prefix}-workshops", 0),
    }


def test_an_editor_creates_an_event_with_its_dates(client_of, editor_goslar, goslar):
    venue = VenueFactory(region=goslar)
    start = timezone.now() + timedelta(days=10)
    data = {
        "event-title": "Netzwerktreffen Sprache",
        "event-kind": "network_meeting",
        "event-language": "de",
        "event-access": "open",
        "event-registration_enabled": "on",
        **management("dates", 1),
        **date_fields("dates-0", start, start + timedelta(hours=2)),
        "dates-0-venue": venue.pk,
        "dates-0-seats": "30",
    }
    response = client_of(editor_goslar).post(staff_url(goslar, "events/new/"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    event = Event.objects.get()
    assert (event.region, event.slug, event.status) == (goslar, "netzwerktreffen-sprache", "draft")
    assert event.dates.get().seats == 30


def test_the_editor_rejects_a_venue_of_another_region(client_of, editor_goslar, goslar, harz):
    start = timezone.now() + timedelta(days=10)
    data = {
        "event-title": "Test",
        "event-kind": "conference",
        "event-language": "de",
        "event-access": "open",
        **management("dates", 1),
        **date_fields("dates-0", start, start + timedelta(hours=2)),
        "dates-0-venue": VenueFactory(region=harz).pk,
    }
    response = client_of(editor_goslar).post(staff_url(goslar, "events/new/"), data)
    assert response.status_code == 400
    assert not Event.objects.exists()


def _edit_data(event, event_date, seats, new_workshop=""):
    data = {
        "event-title": event.title,
        "event-slug": event.slug,
        "event-kind": event.kind,
        "event-language": "de",
        "event-access": "open",
        "event-registration_enabled": "on",
        **management("dates", 1, 1),
        "dates-0-id": event_date.pk,
        "dates-0-event": event.pk,
        **date_fields("dates-0", event_date.start, event_date.end),
        "dates-0-venue": event_date.venue_id,
        "dates-0-seats": str(seats),
        **management("dates-0-programme", 1),
        "dates-0-programme-0-start": "16:00",
        "dates-0-programme-0-title": "Begrüßung",
        **management("dates-0-workshops", 1 if new_workshop else 0),
    }
    if new_workshop:
        data.update(
            {
                "dates-0-workshops-0-title": new_workshop,
                "dates-0-workshops-0-seats": "12",
            }
        )
    return data


def test_more_seats_in_the_editor_move_the_waiting_list_up(client_of, editor_goslar, event):
    event_date = EventDateFactory(event=event, seats=1)
    RegistrationFactory(event_date=event_date)
    waiting = RegistrationFactory(
        event_date=event_date, status=Status.WAITING, waiting_since=timezone.now()
    )
    response = client_of(editor_goslar).post(
        staff_url(event.region, f"events/{event.pk}/edit/"), _edit_data(event, event_date, 2)
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    waiting.refresh_from_db()
    assert waiting.status == Status.CONFIRMED


def test_the_editor_saves_programme_and_workshops_on_the_same_page(
    client_of, editor_goslar, event, event_date
):
    response = client_of(editor_goslar).post(
        staff_url(event.region, f"events/{event.pk}/edit/"),
        _edit_data(event, event_date, 20, new_workshop="Wohnen"),
    )
    assert response.status_code == 302
    assert event_date.programme.get().title == "Begrüßung"
    assert Workshop.objects.get(event_date=event_date).title == "Wohnen"


def test_event_staff_may_run_registrations_but_not_edit_events(
    client_of, event_staff_goslar, event, event_date
):
    client = client_of(event_staff_goslar)
    registration = RegistrationFactory(event_date=event_date)
    assert (
        client.get(staff_url(event.region, f"dates/{event_date.pk}/participants/")).status_code
        == 200
    )
    assert (
        client.get(staff_url(event.region, f"dates/{event_date.pk}/check-in/")).status_code == 200
    )
    client.post(
        staff_url(event.region, f"registrations/{registration.pk}/check-in/"), {"attended": "1"}
    )
    registration.refresh_from_db()
    assert registration.status == Status.ATTENDED
    assert client.get(staff_url(event.region, f"events/{event.pk}/edit/")).status_code == 403
    assert (
        client.post(
            staff_url(event.region, f"events/{event.pk}/status/"),
            {"action": "cancel", "confirm": "yes"},
        ).status_code
        == 403
    )


def test_the_participant_list_shows_counts_and_the_waiting_list_in_order(
    client_of, coordinator_goslar, event, event_date
):
    workshop = WorkshopFactory(event_date=event_date, title="Gesundheit")
    RegistrationFactory(event_date=event_date, workshop=workshop, name="Ali Seat")
    now = timezone.now()
    RegistrationFactory(
        event_date=event_date, status=Status.WAITING, name="Zora Early", waiting_since=now
    )
    RegistrationFactory(
        event_date=event_date,
        status=Status.WAITING,
        name="Anna Late",
        waiting_since=now + timedelta(seconds=1),
    )
    page = (
        client_of(coordinator_goslar)
        .get(staff_url(event.region, f"dates/{event_date.pk}/participants/"))
        .content.decode()
    )
    assert "Ali Seat" in page and "Gesundheit" in page
    waiting_part = page.split('id="waiting-list"')[1]
    assert waiting_part.index("Zora Early") < waiting_part.index("Anna Late")


def test_staff_add_a_phone_registration(client_of, coordinator_goslar, event, event_date):
    response = client_of(coordinator_goslar).post(
        staff_url(event.region, f"dates/{event_date.pk}/add/"),
        {"name": "Herr Telefon", "email": "tel@example.org", "language": "de", "consent": "on"},
    )
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert (registration.source, registration.status) == ("staff", "confirmed")


def test_staff_move_a_participant_to_another_workshop(
    client_of, coordinator_goslar, event, event_date
):
    a = WorkshopFactory(event_date=event_date)
    b = WorkshopFactory(event_date=event_date)
    registration = RegistrationFactory(event_date=event_date, workshop=a)
    response = client_of(coordinator_goslar).post(
        staff_url(event.region, f"registrations/{registration.pk}/move/"),
        {"event_date": event_date.pk, "workshop": b.pk},
    )
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.workshop == b


def test_moving_to_a_workshop_of_another_date_is_refused(
    client_of, coordinator_goslar, event, event_date
):
    a = WorkshopFactory(event_date=event_date)
    other = WorkshopFactory(event_date=EventDateFactory(event=event))
    registration = RegistrationFactory(event_date=event_date, workshop=a)
    response = client_of(coordinator_goslar).post(
        staff_url(event.region, f"registrations/{registration.pk}/move/"),
        {"event_date": event_date.pk, "workshop": other.pk},
    )
    assert response.status_code == 400
    registration.refresh_from_db()
    assert registration.workshop == a


def test_check_in_with_htmx_returns_the_row_only(client_of, coordinator_goslar, event_date):
    registration = RegistrationFactory(event_date=event_date, name="Lea")
    response = client_of(coordinator_goslar).post(
        f"/staff/goslar/registrations/{registration.pk}/check-in/",
        {"attended": "1"},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith("<li") and "Lea" in body and 'aria-pressed="true"' in body


def test_exports_open_in_german_excel(client_of, coordinator_goslar, event_date):
    RegistrationFactory(event_date=event_date, name="Jürgen Müller", organisation="AWO; Goslar")
    client = client_of(coordinator_goslar)
    csv = client.get(f"/staff/goslar/dates/{event_date.pk}/export/csv/").content
    assert csv.startswith("\ufeff".encode())
    text = csv.decode("utf-8-sig")
    assert "Name;E-Mail" in text and "Jürgen Müller" in text and '"AWO; Goslar"' in text
    from openpyxl import load_workbook

    xlsx = client.get(f"/staff/goslar/dates/{event_date.pk}/export/xlsx/").content
    sheet = load_workbook(io.BytesIO(xlsx)).active
    assert sheet["C2"].value == "Jürgen Müller"


@pytest.mark.parametrize("path", ["sign-in-sheet.pdf", "badges.pdf"])
def test_pdfs_list_the_participants(client_of, coordinator_goslar, event_date, path):
    RegistrationFactory(event_date=event_date, name="Jürgen Müller")
    response = client_of(coordinator_goslar).get(f"/staff/goslar/dates/{event_date.pk}/{path}")
    assert response["Content-Type"] == "application/pdf"
    from pypdf import PdfReader

    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "Jürgen Müller" in text


def test_publish_close_and_cancel(client_of, coordinator_goslar, goslar):
    event = EventFactory(region=goslar, status="draft", published_at=None)
    EventDateFactory(event=event)
    client = client_of(coordinator_goslar)
    url = f"/staff/goslar/events/{event.pk}/status/"
    client.post(url, {"action": "publish"})
    event.refresh_from_db()
    assert event.status == "published" and event.published_at
    client.post(url, {"action": "close"})
    event.refresh_from_db()
    assert event.registration_closed
    client.post(url, {"action": "cancel"})  # without the confirmation tick nothing happens
    event.refresh_from_db()
    assert event.status == "published"
    client.post(url, {"action": "cancel", "confirm": "yes"})
    event.refresh_from_db()
    assert event.status == "cancelled"


def test_copy_for_next_year(client_of, coordinator_goslar, event, event_date):
    WorkshopFactory(event_date=event_date, title="Arbeit", needs="Ergebnis")
    RegistrationFactory(event_date=event_date)
    response = client_of(coordinator_goslar).post(f"/staff/goslar/events/{event.pk}/copy/")
    copy = Event.objects.exclude(pk=event.pk).get()
    assert response.url.endswith(f"/events/{copy.pk}/edit/")
    assert copy.status == "draft" and copy.copied_from == event
    new_date = EventDate.objects.get(event=copy)
    # 52 weeks later: the same weekday and local time, about a year on.
    old_start, new_start = timezone.localtime(event_date.start), timezone.localtime(new_date.start)
    assert new_start.weekday() == old_start.weekday()
    assert new_start.time() == old_start.time()
    assert 362 <= (new_start.date() - old_start.date()).days <= 366
    workshop = new_date.workshops.get()
    assert (workshop.title, workshop.needs) == ("Arbeit", "")
    assert not Registration.objects.filter(event_date=new_date).exists()


def test_workshop_results_are_saved_and_published(client_of, coordinator_goslar, event, event_date):
    workshop = WorkshopFactory(event_date=event_date)
    data = {
        "doc-documentation": "Ergebnisse der Konferenz",
        "doc-documentation_published": "on",
        **management("results", 1, 1),
        "results-0-id": workshop.pk,
        "results-0-needs": "Mehr Sprachkurse",
        "results-0-recommendations": "Kurse abstimmen",
    }
    response = client_of(coordinator_goslar).post(f"/staff/goslar/events/{event.pk}/results/", data)
    assert response.status_code == 302
    workshop.refresh_from_db()
    assert workshop.recommendations == "Kurse abstimmen"
    from django.test import Client

    assert "Mehr Sprachkurse" in Client().get(event.get_absolute_url()).content.decode()


def test_message_all_participants(
    client_of, coordinator_goslar, event_date, jobs, django_capture_on_commit_callbacks
):
    from portal.models import OutgoingMail

    RegistrationFactory.create_batch(2, event_date=event_date)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_of(coordinator_goslar).post(
            f"/staff/goslar/dates/{event_date.pk}/message/",
            {"subject": "Hinweis", "body": "Bitte Ausweis mitbringen."},
        )
    assert response.status_code == 302
    assert not OutgoingMail.objects.filter(subject="Hinweis").exists()  # sent by jobs
    jobs.run()
    assert OutgoingMail.objects.filter(subject="Hinweis").count() == 2


def test_a_copy_keeps_weekday_and_wall_clock_across_daylight_saving(goslar):
    from zoneinfo import ZoneInfo

    from conferences.services.events import event_copy

    berlin = ZoneInfo("Europe/Berlin")
    # Friday 8 November 2019, 14:00 (seed 001) and a summer date, 19 September 2023, 16:45.
    event = EventFactory(region=goslar)
    for start in (
        timezone.datetime(2019, 11, 8, 14, 0, tzinfo=berlin),
        timezone.datetime(2023, 9, 19, 16, 45, tzinfo=berlin),
    ):
        EventDateFactory(event=event, start=start, end=start + timedelta(hours=4))
    copy = event_copy(event=event)
    starts = sorted(timezone.localtime(d.start, berlin) for d in copy.dates.all())
    assert [(s.date().isoformat(), s.strftime("%a %H:%M")) for s in starts] == [
        ("2020-11-06", "Fri 14:00"),
        ("2024-09-17", "Tue 16:45"),
    ]


def test_staff_cancel_a_registration_after_confirming(client_of, event_staff_goslar, event_date):
    holder = RegistrationFactory(event_date=event_date, name="Lea Neumann")
    client = client_of(event_staff_goslar)
    url = staff_url(event_date.event.region, f"registrations/{holder.pk}/cancel/")
    page = client.get(url)
    assert page.status_code == 200 and "Lea Neumann" in page.content.decode()
    holder.refresh_from_db()
    assert holder.status == Status.CONFIRMED  # asking changes nothing
    response = client.post(url)
    assert response.status_code == 302
    holder.refresh_from_db()
    assert holder.status == Status.CANCELLED


# --- deleting a draft (instead of the Django admin) --------------------------------------------


def test_a_draft_is_deleted_with_its_dates_programme_and_workshops(
    client_of, editor_goslar, goslar
):
    draft = EventFactory(region=goslar, status=Event.Status.DRAFT)
    WorkshopFactory(event_date=EventDateFactory(event=draft))
    response = client_of(editor_goslar).post(
        staff_url(goslar, f"events/{draft.pk}/delete/"), {"confirm": "yes"}
    )
    assert response.status_code == 302
    assert not Event.objects.filter(pk=draft.pk).exists()
    assert not EventDate.objects.filter(event_id=draft.pk).exists()


def test_without_the_tick_nothing_is_deleted(client_of, editor_goslar, goslar):
    draft = EventFactory(region=goslar, status=Event.Status.DRAFT)
    response = client_of(editor_goslar).post(
        staff_url(goslar, f"events/{draft.pk}/delete/"), follow=True
    )
    assert Event.objects.filter(pk=draft.pk).exists()
    assert _("Please tick the box to confirm the deletion.") in response.content.decode()


@pytest.mark.parametrize("published", [True, False])
def test_a_published_event_or_one_with_registrations_is_cancelled_not_deleted(
    client_of, editor_goslar, goslar, published
):
    status = Event.Status.PUBLISHED if published else Event.Status.DRAFT
    event = EventFactory(region=goslar, status=status)
    if not published:
        RegistrationFactory(event_date=EventDateFactory(event=event))
    response = client_of(editor_goslar).post(
        staff_url(goslar, f"events/{event.pk}/delete/"), {"confirm": "yes"}, follow=True
    )
    assert Event.objects.filter(pk=event.pk).exists()
    assert (
        _("Only a draft nobody has registered for can be deleted; cancel this event.")
        in response.content.decode()
    )


def test_the_overview_of_a_draft_offers_deletion_and_of_a_published_event_cancellation(
    client_of, editor_goslar, goslar
):
    draft = EventFactory(region=goslar, status=Event.Status.DRAFT)
    published = EventFactory(region=goslar)
    client = client_of(editor_goslar)
    html = client.get(staff_url(goslar, f"events/{draft.pk}/")).content.decode()
    assert f"events/{draft.pk}/delete/" in html
    html = client.get(staff_url(goslar, f"events/{published.pk}/")).content.decode()
    assert "/delete/" not in html and 'value="cancel"' in html


def test_the_overview_counts_each_dates_waiting_list_in_one_query(
    client_of, editor_goslar, goslar, django_assert_max_num_queries
):
    event = EventFactory(region=goslar)
    dates = [EventDateFactory(event=event, seats=1) for _day in range(3)]
    for n, event_date in enumerate(dates):
        RegistrationFactory.create_batch(n, event_date=event_date, status=Status.WAITING)
    client = client_of(editor_goslar)
    client.get(staff_url(goslar, f"events/{event.pk}/"))  # warm caches (session, region)
    with django_assert_max_num_queries(30) as captured:
        html = client.get(staff_url(goslar, f"events/{event.pk}/")).content.decode()
    waiting_queries = [q for q in captured.captured_queries if "'waiting'" in q["sql"]]
    assert len(waiting_queries) == 1
    counts = re.findall(r"Warteliste: <strong>(\d+)</strong>", html)
    assert counts == ["0", "1", "2"]
