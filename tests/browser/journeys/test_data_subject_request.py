"""A person asks the Goslar coordination office what it stores about her and to erase it
(item 18): the coordinator finds her records across the apps, downloads them for her and
erases them, by clicking from the back-office menu. The retention rules are on the same page."""

from __future__ import annotations

import json

from conferences.models import Event, Registration
from networks.models import JoinRequest, WorkingGroup
from portal.lib.mail import queue_mail
from portal.models import Region, SubjectRequestLog
from tests.conferences.factories import RegistrationFactory
from tests.networks.factories import JoinRequestFactory

EMAIL = "amina.yilmaz@example.org"


def test_a_coordinator_finds_exports_and_erases_a_persons_data(staff_journey):
    goslar = Region.objects.get(slug="goslar")
    event = Event.objects.filter(region=goslar).exclude(dates=None).first()
    registration = RegistrationFactory(
        event_date=event.dates.first(), name="Amina Yilmaz", email=EMAIL, phone="05321 98765"
    )
    join = JoinRequestFactory(
        working_group=WorkingGroup.objects.filter(region=goslar).first(),
        name="Amina Yilmaz",
        email=EMAIL,
        message="Ich möchte im Arbeitskreis Sprache mitarbeiten.",
    )
    queue_mail(to=EMAIL, subject="Ihre Anmeldung", body_text="Guten Tag", region=goslar)
    journey = staff_journey
    _ = journey._
    page = journey.page

    journey.start()
    journey.login("koordination@goslar.example.org")
    page.locator("#staff-menu").get_by_role("link", name=_("Data protection")).click()
    journey.check("data protection")
    rules = page.locator("table.retention-rules")
    assert rules.locator("tr[data-rule=join_requests]").count() == 1
    assert _("Requests to join a working group") in rules.inner_text()

    page.get_by_role("link", name=_("Request for information or erasure")).click()
    journey.check("subject request")
    page.get_by_label(_("E-mail address of the person")).fill(EMAIL)
    page.get_by_role("button", name=_("Search")).click()
    journey.check("what is stored")
    main = page.locator("main")
    assert "Amina Yilmaz" in main.inner_text()
    assert "Arbeitskreis Sprache" in main.inner_text()
    for source in ("registrations", "join_requests", "mails"):
        assert page.locator(f"section[data-source={source}] dl").count() >= 1, source

    with page.expect_download() as download_info:
        page.get_by_role("button", name=_("Download as JSON")).click()
    exported = json.loads(open(download_info.value.path(), encoding="utf-8").read())
    assert exported["email"] == EMAIL
    assert len(exported["records"]["registrations"]["records"]) == 1

    # Without the confirmation the browser does not send the form (the server refuses it
    # too: tests/security/test_subject_requests.py).
    page.get_by_role("button", name=_("Erase")).click()
    confirm = page.get_by_label(
        _("I have checked that these records belong to the person who asked.")
    )
    assert confirm.evaluate("box => !box.validity.valid")
    assert JoinRequest.objects.filter(pk=join.pk).exists()

    confirm.check()
    page.get_by_role("button", name=_("Erase")).click()
    journey.check("erased")
    assert _("Records erased: %(count)s") % {"count": 3} in main.inner_text()
    registration = Registration.objects.get(pk=registration.pk)
    assert registration.anonymised_at and registration.name == ""
    assert not JoinRequest.objects.filter(pk=join.pk).exists()

    page.locator("#staff-menu").get_by_role("link", name=_("Data protection")).click()
    journey.check("the log")
    log = page.locator("table.subject-log").inner_text()
    assert _("Erased") in log and _("Exported") in log and _("Searched") in log
    assert EMAIL not in page.content()
    assert SubjectRequestLog.objects.filter(region=goslar).count() == 3
