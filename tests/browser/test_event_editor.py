"""A coordinator builds the Goslar conference in the event editor by clicking, in one sitting:
one date, a programme of four items, ten workshops with seats; with htmx and without JavaScript."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client
from playwright.sync_api import expect

from conferences.models import Event
from tests.browser.conftest import CONTEXT_OPTIONS, assert_accessible
from tests.conferences.factories import VenueFactory

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "event-editor"
PROGRAMME = [
    ("16:00", "Begrüßung durch den Landrat"),
    ("16:20", "Bericht der Kreisverwaltung"),
    ("16:45", "Ergebnisse der Bestands- und Bedarfsanalyse"),
    ("17:15", "Arbeitsphase in zehn Workshops"),
]
WORKSHOPS = [
    "Arbeit",
    "Schule",
    "Sprache",
    "Gesundheit",
    "Sport und Freizeit",
    "Integration",
    "Mobilität",
    "Vernetzung und Ehrenamt",
    "Wohnen und Nachbarschaft",
    "Begleitung und Betreuung von Flüchtlingen",
]


def log_in(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def fits(page) -> None:
    width = page.evaluate("window.innerWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def label(text: str) -> re.Pattern:
    """A field's label; required fields carry an asterisk."""
    return re.compile(rf"^\s*{re.escape(text)}\*?\s*$")


def card(page, number: int):
    return page.locator(".date-card").nth(number - 1)


def row(page, card_number: int, legend: str):
    return (
        card(page, card_number)
        .locator("fieldset.editor-row")
        .filter(has=page.locator("legend", has_text=re.compile(rf"^{legend}$")))
    )


def build_the_goslar_conference(page) -> None:
    page.get_by_label(label("Titel")).fill("1. Flüchtlings- und Integrationskonferenz")
    first = card(page, 1)
    first.get_by_label(label("Tag")).fill("2030-10-09")
    first.get_by_label(label("Von")).fill("16:00")
    first.get_by_label(label("Bis")).fill("20:00")
    first.get_by_label(label("Veranstaltungsort")).select_option(
        label="Berufsbildende Schulen Bad Harzburg, Goslar"
    )
    first.get_by_label(label("Plätze")).fill("150")
    for n, (at, title) in enumerate(PROGRAMME, start=1):
        first.get_by_role("button", name="Programmpunkt hinzufügen").click()
        item = row(page, 1, f"Programmpunkt {n}")
        # The new row's first field has the focus: typing goes straight in. (The row appears
        # with the swap; Playwright may look between that and the focus on a busy machine.)
        expect(item.get_by_label(label("Uhrzeit"))).to_be_focused()
        item.get_by_label(label("Uhrzeit")).fill(at)
        item.get_by_label(label("Titel")).fill(title)
    for n, title in enumerate(WORKSHOPS, start=1):
        card(page, 1).get_by_role("button", name="Workshop hinzufügen").click()
        workshop = row(page, 1, f"Workshop {n}")
        workshop.get_by_label(label("Titel")).fill(title)
        workshop.get_by_label(label("Plätze")).fill("15" if n != 3 else "1")


def assert_the_goslar_shape() -> None:
    event = Event.objects.get(title="1. Flüchtlings- und Integrationskonferenz")
    event_date = event.dates.get()
    assert event_date.seats == 150
    assert [p.title for p in event_date.programme.all()] == [t for _at, t in PROGRAMME]
    assert [w.title for w in event_date.workshops.all()] == WORKSHOPS
    assert event_date.workshops.get(title="Sprache").seats == 1


def test_a_coordinator_creates_the_goslar_conference_in_one_sitting(
    page, live_server, coordinator_goslar, goslar
):
    VenueFactory(region=goslar, name="Berufsbildende Schulen Bad Harzburg")
    log_in(page, live_server, coordinator_goslar)
    page.goto(f"{live_server.url}/staff/goslar/events/new/")
    shot(page, "00-new")
    assert_accessible(page)
    build_the_goslar_conference(page)
    # A second date before the first save, then removed again: the first keeps everything.
    page.get_by_role("button", name="Termin hinzufügen").click()
    expect(card(page, 2).get_by_label(label("Tag"))).to_be_focused()
    card(page, 2).get_by_label(label("Bezeichnung")).fill("Zweiter Termin")
    shot(page, "01-two-dates-1366")
    assert_accessible(page)
    fits(page)
    page.set_viewport_size({"width": 390, "height": 844})
    fits(page)
    shot(page, "02-two-dates-390")
    page.set_viewport_size({"width": 1366, "height": 900})
    card(page, 2).get_by_role("button", name=re.compile("Termin entfernen")).click()
    expect(page.locator(".date-card")).to_have_count(1)
    assert row(page, 1, "Workshop 10").get_by_label(label("Titel")).input_value() == WORKSHOPS[-1]
    assert not Event.objects.exists()  # nothing saved before "Speichern"
    page.get_by_role("button", name="Speichern").last.click()
    page.wait_for_url(re.compile(r".*/events/\d+/edit/$"))
    assert_the_goslar_shape()
    shot(page, "03-saved-1366")
    assert_accessible(page)
    # After saving: exactly the saved rows, no empty ones.
    assert card(page, 1).locator("fieldset.editor-row").count() == 14


@pytest.fixture
def page_without_javascript(browser, external_requests, live_server):
    context = browser.new_context(
        **CONTEXT_OPTIONS,
        locale="de-DE",
        java_script_enabled=False,
        viewport={"width": 1366, "height": 900},
    )
    page = context.new_page()
    yield page
    context.close()


def test_the_editor_works_without_javascript(
    page_without_javascript, live_server, coordinator_goslar, goslar
):
    page = page_without_javascript
    VenueFactory(region=goslar, name="Berufsbildende Schulen Bad Harzburg")
    log_in(page, live_server, coordinator_goslar)
    page.goto(f"{live_server.url}/staff/goslar/events/new/")
    build_the_goslar_conference(page)
    row(page, 1, "Workshop 10").get_by_role("button", name=re.compile("Entfernen")).click()
    expect(card(page, 1).locator("fieldset.editor-row")).to_have_count(13)
    card(page, 1).get_by_role("button", name="Workshop hinzufügen").click()
    row(page, 1, "Workshop 10").get_by_label(label("Titel")).fill(WORKSHOPS[-1])
    row(page, 1, "Workshop 10").get_by_label(label("Plätze")).fill("15")
    page.get_by_role("button", name="Speichern").first.click()
    page.wait_for_url(re.compile(r".*/events/\d+/edit/$"))
    assert_the_goslar_shape()
