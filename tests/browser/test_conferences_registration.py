"""A visitor registers for an event, reads the confirmation and cancels with the e-mail link;
a visitor registers in Arabic; event staff check people in on a phone."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from django.conf import settings
from django.db import connection
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from conferences.models import Event, Registration
from portal.models import OutgoingMail
from tests.browser.conftest import assert_accessible
from tests.conferences.factories import (
    EventDateFactory,
    EventFactory,
    RegistrationFactory,
    VenueFactory,
)


def run_jobs_outside_the_event_loop(jobs) -> None:
    """Playwright runs an event loop in the test thread; deferring jobs must happen elsewhere."""

    def work():
        try:
            jobs.run()
        finally:
            connection.close()

    with ThreadPoolExecutor(1) as pool:
        pool.submit(work).result()


def four_date_series(region):
    event = EventFactory(
        region=region,
        title="Beteiligungs-Workshops",
        slug="beteiligungs-workshops",
        kind=Event.Kind.PARTICIPATION_WORKSHOP,
    )
    dates = []
    for i, town in enumerate(["Offenau", "Neuenstadt", "Weinsberg", "Brackenheim"]):
        venue = VenueFactory(region=region, name=f"Stadthalle {town}", city=town)
        # 16:45 on the local wall clock: replacing the hour of a UTC time gives another day
        # (and hour) in Berlin when the test runs between midnight in Berlin and UTC.
        start = timezone.localtime().replace(hour=16, minute=45, second=0, microsecond=0)
        start += timedelta(days=20 + 3 * i)
        dates.append(EventDateFactory(event=event, label=town, start=start, venue=venue, seats=25))
    return event, dates


def test_visitor_registers_for_the_third_date_and_cancels_with_the_mail_link(
    page, live_server, goslar, jobs
):
    event, dates = four_date_series(goslar)
    page.goto(f"{live_server.url}{event.get_absolute_url()}")
    assert_accessible(page)
    page.get_by_role("link", name="Weinsberg").first.click()  # "Anmelden für Weinsberg"
    page.wait_for_url("**/register/?date=*")
    assert_accessible(page)
    assert page.get_by_role("radio", name=re.compile("Weinsberg")).is_checked()
    page.get_by_label(re.compile("Ihr Name|Your name")).fill("Amina Haddad")
    page.locator("input[name=email]").fill("amina@example.org")
    page.get_by_role("checkbox", name=re.compile("Datenschutz|privacy notice")).check()
    page.get_by_role("button", name=re.compile("^(Anmelden|Register)$")).click()
    page.wait_for_url("**/confirmation/")
    assert_accessible(page)
    assert "Weinsberg" in page.locator("main").inner_text()
    registration = Registration.objects.get()
    assert registration.event_date == dates[2]
    assert registration.status == Registration.Status.CONFIRMED

    run_jobs_outside_the_event_loop(jobs)  # the mail job renders the confirmation
    mail = OutgoingMail.objects.get(to="amina@example.org")
    link = re.search(rf"{re.escape(settings.SITE_URL)}(/events/registration/\S+)", mail.body_text)
    page.goto(f"{live_server.url}{link.group(1)}")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("stornieren|Cancel my registration")).click()
    page.wait_for_url("**/cancel/")
    assert_accessible(page)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED  # asking first changes nothing
    page.get_by_role("button", name=re.compile("Ja, Anmeldung stornieren")).click()
    page.wait_for_url("**?done=cancelled")
    assert_accessible(page)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED


def test_visitor_registers_in_arabic(page, live_server, goslar):
    event, dates = four_date_series(goslar)
    page.goto(f"{live_server.url}{event.get_absolute_url()}register/")
    page.locator(".language-switcher a[lang='ar']").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    assert_accessible(page)
    page.locator(f"input[name=event_date][value='{dates[0].pk}']").check()
    page.locator("input[name=name]").fill("أمينة حداد")
    page.locator("input[name=email]").fill("amina.ar@example.org")
    page.locator("input[name=consent]").check()
    page.locator("form.registration-form button[type=submit]").click()
    page.wait_for_url("**/confirmation/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert_accessible(page)
    registration = Registration.objects.get()
    assert (registration.language, registration.name) == ("ar", "أمينة حداد")


def test_event_staff_check_people_in_on_a_phone(phone_page, live_server, event_staff_goslar):
    event_date = EventDateFactory(
        event=EventFactory(region=event_staff_goslar.memberships.get().region)
    )
    RegistrationFactory(event_date=event_date, name="Lea Neumann")
    RegistrationFactory(event_date=event_date, name="Omar Said")
    client = Client()
    client.force_login(event_staff_goslar)
    phone_page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    phone_page.goto(f"{live_server.url}/staff/goslar/dates/{event_date.pk}/check-in/")
    assert_accessible(phone_page)
    button = phone_page.get_by_role("button", name=re.compile("Omar Said"))
    box = button.bounding_box()
    assert box["height"] >= 44  # a thumb-sized target
    assert phone_page.locator("#checkin-count").inner_text() == "0 von 2 eingecheckt"
    button.click()
    phone_page.get_by_role("button", name=re.compile("Omar Said")).and_(
        phone_page.locator("[aria-pressed=true]")
    ).wait_for()
    # The count follows without a reload.
    expect(phone_page.locator("#checkin-count")).to_have_text("1 von 2 eingecheckt")
    assert_accessible(phone_page)
    assert Registration.objects.get(name="Omar Said").status == Registration.Status.ATTENDED
    assert Registration.objects.get(name="Lea Neumann").status == Registration.Status.CONFIRMED
