"""The event editor: one card per date with its programme and workshops; "add" and "remove"
keep what was typed and save nothing; "save" saves everything or nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from conferences.models import Event, EventDate, Registration, Workshop
from tests.conferences.factories import (
    EventDateFactory,
    ProgrammeItemFactory,
    RegistrationFactory,
    VenueFactory,
    WorkshopFactory,
)
from tests.conferences.staff_forms import date_fields, management, staff_url

Status = Registration.Status


@pytest.fixture
def coordinator(client_of, coordinator_goslar):
    return client_of(coordinator_goslar)


def new_event_data(**extra):
    start = timezone.localtime() + timedelta(days=30)
    start = start.replace(hour=16, minute=0)
    return {
        "event-title": "Integrationskonferenz",
        "event-kind": "conference",
        "event-language": "de",
        "event-access": "open",
        "event-registration_enabled": "on",
        **management("dates", 1),
        **date_fields("dates-0", start, start + timedelta(hours=4)),
        "dates-0-seats": "150",
        **extra,
    }


def edit_url(region, event=None):
    return staff_url(region, f"events/{event.pk}/edit/" if event else "events/new/")


def test_the_goslar_shape_is_saved_in_one_go(coordinator, goslar):
    """One date, a programme of four items, ten workshops with seats: one submit."""
    venue = VenueFactory(region=goslar, name="Kreishaus Goslar")
    programme = ["Begrüßung", "Bericht der Verwaltung", "Bestandsanalyse", "Arbeitsphase"]
    data = new_event_data(**{"dates-0-venue": venue.pk})
    data.update(management("dates-0-programme", 4))
    for i, title in enumerate(programme):
        data[f"dates-0-programme-{i}-start"] = f"{16 + i}:00"
        data[f"dates-0-programme-{i}-title"] = title
    data.update(management("dates-0-workshops", 10))
    for i in range(10):
        data[f"dates-0-workshops-{i}-title"] = f"Workshop {i + 1}"
        data[f"dates-0-workshops-{i}-seats"] = "15"
    response = coordinator.post(edit_url(goslar), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    event_date = EventDate.objects.get()
    assert (event_date.venue, event_date.seats) == (venue, 150)
    assert timezone.localtime(event_date.start).hour == 16
    assert [p.title for p in event_date.programme.all()] == programme
    workshops = list(event_date.workshops.all())
    assert [(w.title, w.seats, w.order) for w in workshops] == [
        (f"Workshop {i}", 15, i) for i in range(1, 11)
    ]


def test_adding_a_workshop_keeps_what_was_typed_and_saves_nothing(coordinator, goslar):
    data = new_event_data(**{"event-title": "Noch nicht gespeichert", "editor": "add:dates"})
    response = coordinator.post(edit_url(goslar), data)
    assert response.status_code == 200
    editor = response.context["editor"]
    assert len(editor.dates.forms) == 2  # a second date before the first save
    data = {k: v for k, v in data.items() if k != "editor"}
    data.update(
        {
            **management("dates", 2),
            **date_fields("dates-1", timezone.now() + timedelta(days=40), timezone.now()),
            "editor": "add:dates-1-workshops",
        }
    )
    response = coordinator.post(edit_url(goslar), data)
    html = response.content.decode()
    assert 'value="Noch nicht gespeichert"' in html
    assert 'name="dates-1-workshops-0-title"' in html
    assert "autofocus" in html.split('name="dates-1-workshops-0-title"')[1].split(">")[0]
    assert "is-invalid" not in html  # an end before the start is only judged on saving
    assert not Event.objects.exists()


def test_with_htmx_only_the_date_cards_come_back(coordinator, goslar):
    response = coordinator.post(
        edit_url(goslar),
        new_event_data(editor="add:dates-0-programme"),
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="date-cards"')
    assert 'name="dates-0-programme-0-start"' in html
    assert 'name="event-title"' not in html


def test_removing_a_new_row_moves_the_rows_after_it_up(coordinator, goslar):
    data = new_event_data(**management("dates-0-workshops", 3))
    for i in range(3):
        data[f"dates-0-workshops-{i}-title"] = f"W{i}"
    data["editor"] = "remove:dates-0-workshops-1"
    response = coordinator.post(edit_url(goslar), data)
    workshops = response.context["editor"].dates.forms[0].workshops
    assert [f["title"].value() for f in workshops.forms] == ["W0", "W2"]


def test_a_saved_workshop_removed_goes_on_saving_and_can_be_restored_before(
    coordinator, goslar, event, event_date
):
    keep = WorkshopFactory(event_date=event_date, title="Sprache")
    drop = WorkshopFactory(event_date=event_date, title="Sport")
    page = coordinator.get(edit_url(goslar, event))
    data = form_data(page)
    removed = coordinator.post(
        edit_url(goslar, event), {**data, "editor": "remove:dates-0-workshops-1"}
    )
    assert "Removed when you save" in removed.content.decode() or "Wird beim Speichern" in (
        removed.content.decode()
    )
    restored = coordinator.post(
        edit_url(goslar, event),
        {**form_data(removed), "editor": "restore:dates-0-workshops-1"},
    )
    assert restored.context["editor"].dates.forms[0].workshops.forms[1]["DELETE"].value() is False
    saved = coordinator.post(edit_url(goslar, event), form_data(removed))
    assert saved.status_code == 302
    assert list(Workshop.objects.filter(event_date=event_date)) == [keep]
    assert Workshop.objects.filter(pk=drop.pk).count() == 0


def test_no_empty_rows_appear_after_saving(coordinator, goslar, event, event_date):
    WorkshopFactory(event_date=event_date)
    ProgrammeItemFactory(event_date=event_date, start="16:00", title="Begrüßung")
    page = coordinator.get(edit_url(goslar, event))
    editor = page.context["editor"]
    assert len(editor.dates.forms) == 1
    assert len(editor.dates.forms[0].workshops.forms) == 1
    assert len(editor.dates.forms[0].programme.forms) == 1


def test_errors_are_shown_next_to_the_field_and_nothing_is_saved(coordinator, goslar):
    data = new_event_data(**management("dates-0-workshops", 1))
    data["dates-0-workshops-0-seats"] = "zwölf"
    data["dates-0-end_time"] = "15:00"  # before the start
    response = coordinator.post(edit_url(goslar), data)
    assert response.status_code == 400
    date_form = response.context["editor"].dates.forms[0]
    assert date_form.errors["end_time"]
    assert date_form.workshops.forms[0].errors["title"]
    assert date_form.workshops.forms[0].errors["seats"]
    assert not Event.objects.exists()


def test_a_date_with_registrations_cannot_be_removed(coordinator, goslar, event, event_date):
    RegistrationFactory(event_date=event_date)
    data = form_data(coordinator.get(edit_url(goslar, event)))
    data["dates-0-DELETE"] = "on"
    response = coordinator.post(edit_url(goslar, event), data)
    assert response.status_code == 400
    assert EventDate.objects.filter(pk=event_date.pk).exists()
    assert Registration.objects.count() == 1


def test_a_workshop_with_registrations_cannot_be_removed(coordinator, goslar, event, event_date):
    workshop = WorkshopFactory(event_date=event_date)
    RegistrationFactory(event_date=event_date, workshop=workshop)
    data = form_data(coordinator.get(edit_url(goslar, event)))
    data["dates-0-workshops-0-DELETE"] = "on"
    response = coordinator.post(edit_url(goslar, event), data)
    assert response.status_code == 400
    assert Workshop.objects.filter(pk=workshop.pk).exists()


def test_a_tampered_action_changes_nothing(coordinator, goslar):
    for action in ["add:dates-0-speakers", "remove:dates", "drop:dates-0", "add:dates-9999"]:
        response = coordinator.post(edit_url(goslar), new_event_data(editor=action))
        assert response.status_code in (302, 400)  # treated as a plain "save"
    assert Event.objects.count() <= 1


def test_an_outsider_cannot_post_to_another_countys_editor(client_of, editor_harz, event):
    response = client_of(editor_harz).post(
        edit_url(event.region, event), new_event_data(editor="add:dates")
    )
    assert response.status_code in (403, 404)


def form_data(response) -> dict:
    """What the browser would send back: every field of the rendered editor, as it is."""
    editor = response.context["editor"]
    data = {}
    for form in editor._all_forms():
        for field in form:
            if field.name == "image":
                continue
            value = field.value()
            if value is None or value is False:
                continue
            if value is True:
                value = "on"
            if hasattr(value, "strftime"):
                value = value.strftime("%H:%M" if len(str(value)) <= 8 else "%Y-%m-%d")
            if isinstance(value, list):
                value = [str(v) for v in value]
            data[field.html_name] = value
    for formset in editor._all_formsets():
        mf = formset.management_form
        for name in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS"):
            data[f"{formset.prefix}-{name}"] = str(mf[name].value())
    return data


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
