"""Journey 6 - the Goslar coordinator runs the conference.

She logs in from the public footer (second factor), creates the conference with one date, a
programme and ten workshops with seats, publishes it, watches registrations arrive, adds a
phone registration, moves a participant to another workshop, cancels one and sees the waiting
list move up, writes to all participants, exports the list as CSV and XLSX, prints the sign-in
sheet and badges, checks people in on a phone, and afterwards records needs and
recommendations per workshop and links a recommendation to a measure of the concept.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile

from conferences.models import Event, Registration
from conferences.services.registrations import ParticipantData, registration_create
from portal.models import OutgoingMail
from tests.browser.journeys.conftest import LAPTOP, PHONE

TITLE = "2. Flüchtlings- und Integrationskonferenz"
PROGRAMME = [
    ("16:00", "Begrüßung durch den Landrat"),
    ("16:20", "Bericht der Kreisverwaltung"),
    ("16:45", "Arbeitsphase in zehn Workshops"),
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
MEASURE = "Ehrenamtsbörse im Internet"


def cap(label: str) -> str:
    return label[:1].upper() + label[1:]


def label(text: str) -> re.Pattern:
    """A field's label; required fields carry an asterisk."""
    return re.compile(rf"^\s*{re.escape(text)}\*?\s*$")


def editor_row(card, legend: str):
    return card.locator("fieldset.editor-row").filter(
        has=card.page.locator("legend", has_text=re.compile(rf"^{re.escape(legend)}$"))
    )


def create_the_conference(journey) -> None:
    """The event editor, filled in one sitting (as tests/browser/test_event_editor.py)."""
    page, _ = journey.page, journey._
    page.get_by_label(label(cap(_("title")))).first.fill(TITLE)
    card = page.locator(".date-card").first
    card.get_by_label(label(_("Day"))).fill("2030-10-09")
    card.get_by_label(label(_("From"))).fill("16:00")
    card.get_by_label(label(_("Until"))).fill("20:00")
    card.get_by_label(label(cap(_("venue")))).select_option(
        label="Berufsbildende Schulen Bad Harzburg, Bad Harzburg"
    )
    card.get_by_label(label(cap(_("seats")))).fill("150")
    for n, (at, title) in enumerate(PROGRAMME, start=1):
        card.get_by_role("button", name=_("Add a programme item")).click()
        row = editor_row(card, _("Programme item %(n)s") % {"n": n})
        row.get_by_label(label(cap(_("time")))).fill(at)
        row.get_by_label(label(cap(_("title")))).fill(title)
    for n, title in enumerate(WORKSHOPS, start=1):
        card.get_by_role("button", name=_("Add a workshop")).click()
        row = editor_row(card, _("Workshop %(n)s") % {"n": n})
        row.get_by_label(label(cap(_("title")))).fill(title)
        row.get_by_label(label(cap(_("seats")))).fill("1" if title == "Sprache" else "15")
    journey.check("new event filled in")
    with page.expect_navigation():
        page.get_by_role("button", name=_("Save")).last.click()


def participants_row(page, name: str):
    return page.locator("tr", has=page.locator("th", has_text=name)).first


def test_the_goslar_coordinator_runs_the_conference(staff_journey, jobs):
    journey = staff_journey
    page, _ = journey.page, journey._
    journey.start()
    journey.login("koordination@goslar.example.org")

    # The conference: one date, a programme, ten workshops with seats.
    page.get_by_role("link", name=_("Events and registrations")).first.click()
    journey.check("events")
    page.get_by_role("link", name=_("New event")).click()
    journey.check("new event")
    create_the_conference(journey)
    page.wait_for_url(re.compile(r".*/events/\d+/edit/$"))
    event = Event.objects.get(title=TITLE)
    event_date = event.dates.get()
    assert [p.title for p in event_date.programme.all()] == [t for _at, t in PROGRAMME]
    assert [w.title for w in event_date.workshops.order_by("order")] == WORKSHOPS
    page.get_by_role("link", name=_("Back to the overview")).click()
    journey.check("event overview (draft)")
    with page.expect_navigation():
        page.get_by_role("button", name=_("Publish")).click()
    event.refresh_from_db()
    assert event.status == Event.Status.PUBLISHED

    # Registrations arrive online: Sprache has one seat, so the second person waits for it.
    workshop = {w.title: w for w in event_date.workshops.all()}
    for name, email, first, second in [
        ("Lena Schubert", "lena.schubert@example.org", "Sprache", None),
        ("Yusuf Demir", "yusuf.demir@example.org", "Sprache", None),
        ("Olga Petrenko", "olga.petrenko@example.org", "Arbeit", "Schule"),
    ]:
        registration_create(
            event_date=event_date,
            participant=ParticipantData(name=name, email=email, consent=True),
            first_choice=workshop[first],
            second_choice=workshop[second] if second else None,
        )
    assert Registration.objects.get(name="Yusuf Demir").status == Registration.Status.WAITING
    page.reload()
    journey.check("event overview (published)")
    page.get_by_role("link", name=_("Participants")).first.click()
    page.wait_for_url("**/participants/")
    journey.check("participants")
    assert "Yusuf Demir" in page.locator("#waiting-list + div").inner_text()

    # A registration by phone.
    page.get_by_role("link", name=_("Add registration")).first.click()
    journey.check("phone registration")
    page.get_by_label(label(_("Name"))).fill("Gisela Brandt")
    page.get_by_label(label(_("E-mail"))).fill("gisela.brandt@example.org")
    page.get_by_label(label(_("Phone"))).fill("05321 12345")
    page.get_by_label(_("Workshop (first choice)")).select_option(str(workshop["Gesundheit"].pk))
    page.get_by_label(_("The person agreed to the privacy notice (e.g. on the phone).")).check()
    with page.expect_navigation():
        page.get_by_role("button", name=_("Register"), exact=True).click()
    gisela = Registration.objects.get(email="gisela.brandt@example.org")
    assert gisela.source == Registration.Source.STAFF and gisela.workshop == workshop["Gesundheit"]

    # Move Olga from Arbeit to Integration.
    page.wait_for_url("**/participants/**")
    participants_row(page, "Olga Petrenko").get_by_role("link", name=_("Move")).click()
    journey.check("move a participant")
    page.get_by_label(label(_("Workshop"))).select_option(str(workshop["Integration"].pk))
    with page.expect_navigation():
        page.get_by_role("button", name=_("Move"), exact=True).click()
    assert Registration.objects.get(name="Olga Petrenko").workshop == workshop["Integration"]

    # Cancel Lena: Yusuf moves up from the waiting list.
    page.wait_for_url("**/participants/**")
    participants_row(page, "Lena Schubert").get_by_role("link", name=_("Cancel")).click()
    journey.check("cancel a registration")
    with page.expect_navigation():
        page.get_by_role("button", name=_("Yes, cancel the registration")).click()
    journey.check("participants after the cancellation")
    yusuf = Registration.objects.get(name="Yusuf Demir")
    assert yusuf.status == Registration.Status.CONFIRMED and yusuf.workshop == workshop["Sprache"]
    assert "Yusuf Demir" not in page.locator("#waiting-list + div").inner_text()

    # A message to everyone with a seat.
    page.get_by_role("link", name=_("Message all participants")).click()
    journey.check("message")
    page.get_by_label(label(_("Subject"))).fill("Parkplätze an der BBS")
    page.get_by_label(label(_("Message"))).fill("Bitte nutzen Sie den Parkplatz hinter der Halle.")
    with page.expect_navigation():
        page.get_by_role("button", name=_("Send"), exact=True).click()
    journey.check("message sent")
    jobs.run()
    told = set(
        OutgoingMail.objects.filter(subject__contains="Parkplätze").values_list("to", flat=True)
    )
    assert told == {
        "yusuf.demir@example.org",
        "olga.petrenko@example.org",
        "gisela.brandt@example.org",
    }

    # The list as CSV and XLSX, the sign-in sheet and the badges.
    if "/participants/" not in page.url:
        page.go_back()
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV", exact=True).click()
    text = open(download.value.path(), encoding="utf-8-sig").read()
    names = {row[0] for row in csv.reader(io.StringIO(text), delimiter=";")} | set(text.split(","))
    assert any("Gisela Brandt" in n for n in names)
    with page.expect_download() as download:
        page.get_by_role("link", name="Excel (XLSX)").click()
    assert zipfile.is_zipfile(download.value.path())
    for link in (_("Sign-in sheet (PDF)"), _("Name badges (PDF)")):
        href = page.get_by_role("link", name=link).get_attribute("href")
        response = page.request.get(journey.base_url + href)
        assert response.ok and response.body()[:5] == b"%PDF-", link

    # On the day: check-in on a phone.
    journey.viewport = PHONE
    page.set_viewport_size(PHONE)
    page.get_by_role("link", name=_("Check-in")).first.click()
    page.wait_for_url("**/check-in/")
    journey.check("check-in on a phone")
    page.get_by_role(
        "button", name=re.compile(re.escape(_("Check in")) + ".*Gisela Brandt")
    ).click()
    page.locator("[aria-pressed=true]").filter(has_text="Gisela Brandt").wait_for()
    journey.check("checked in")
    assert (
        Registration.objects.get(email="gisela.brandt@example.org").status
        == Registration.Status.ATTENDED
    )
    journey.viewport = LAPTOP
    page.set_viewport_size(LAPTOP)

    # Afterwards: needs and recommendations per workshop, one linked to a concept measure.
    page.get_by_role("link", name=_("Events and registrations")).first.click()
    page.get_by_role("link", name=TITLE).click()
    page.get_by_role("link", name=_("Workshop results and documentation")).click()
    journey.check("workshop results")
    results = page.locator("fieldset").filter(
        has=page.locator("legend", has_text=re.compile(r"^\s*Vernetzung und Ehrenamt"))
    )
    results.get_by_label(cap(_("identified needs"))).fill("Ehrenamtliche finden schwer Einsätze.")
    results.get_by_label(cap(_("recommendations"))).fill("Eine Ehrenamtsbörse im Internet.")
    with page.expect_navigation():
        page.get_by_role("button", name=_("Save")).last.click()
    vernetzung = workshop["Vernetzung und Ehrenamt"]
    vernetzung.refresh_from_db()
    assert vernetzung.recommendations == "Eine Ehrenamtsbörse im Internet."
    page.locator("fieldset").filter(
        has=page.locator("legend", has_text=re.compile(r"^\s*Vernetzung und Ehrenamt"))
    ).get_by_role("link").click()
    journey.check("measures from a workshop")
    # German results on an Arabic page keep their own direction (the full stop stays at the end).
    assert page.locator("p[dir=auto]", has_text="Ehrenamtliche finden").count() == 1
    assert page.locator("li bdi", has_text="Eine Ehrenamtsbörse").count() == 1
    page.locator("details summary", has_text=_("Change the links")).click()
    page.get_by_role("checkbox", name=re.compile(re.escape(MEASURE))).first.check()
    with page.expect_navigation():
        page.get_by_role("button", name=_("Save links")).click()
    journey.check("measure linked")
    assert MEASURE in page.locator("main").inner_text()
    assert list(vernetzung.measures.values_list("title", flat=True)) == [MEASURE]
