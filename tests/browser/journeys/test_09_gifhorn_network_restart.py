"""Journey 9 - Gifhorn restarts the network (seed 003).

The coordinator adds an organisation and a contact person with her consent, forms two new
working groups with their leads, schedules a network meeting with its agenda, answers a join
request (the accepted person becomes a member), and uploads minutes, choosing that they are
public.
"""

from __future__ import annotations

import re

from networks.models import JoinRequest, MeetingDocument, Organisation, Person, WorkingGroup

MINUTES_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def field(page, label: str):
    """The form field labelled exactly ``label`` (a required one ends with "*")."""
    return page.get_by_label(re.compile(rf"^\s*{re.escape(label)}\s*\*?\s*$"))


def cap(label: str) -> str:
    return label[:1].upper() + label[1:]


def menu(journey, msgid: str) -> None:
    """A page of the staff menu."""
    journey.page.locator("#staff-menu").get_by_role(
        "link", name=journey._(msgid), exact=True
    ).click()


def save(journey) -> None:
    with journey.page.expect_navigation():
        journey.page.get_by_role("button", name=journey._("Save"), exact=True).click()


def test_gifhorn_restarts_its_network(staff_journey, tmp_path):
    journey = staff_journey
    page, _ = journey.page, journey._
    journey.start()
    journey.login("koordination@gifhorn.example.org")

    # An organisation and its contact person, who agreed to be named publicly.
    menu(journey, "Organisations")
    journey.check("organisations")
    page.get_by_role("link", name=_("Add an organisation")).click()
    journey.check("new organisation")
    field(page, cap(_("name"))).fill("Deutsch-Syrischer Kulturverein Gifhorn e. V.")
    field(page, cap(_("city"))).fill("Gifhorn")
    save(journey)
    organisation = Organisation.objects.get(name="Deutsch-Syrischer Kulturverein Gifhorn e. V.")
    menu(journey, "Contact persons")
    journey.check("contact persons")
    page.get_by_role("link", name=_("Add a contact person")).click()
    field(page, cap(_("name"))).fill("Rana Haddad")
    field(page, cap(_("function"))).fill("Vorsitzende")
    field(page, cap(_("organisation"))).select_option(label=organisation.name)
    field(page, cap(_("e-mail"))).fill("rana.haddad@example.org")
    field(page, cap(_("consents to be listed publicly"))).check()
    field(page, cap(_("consent given on"))).fill("2018-01-30")
    journey.check("new contact person")
    save(journey)
    rana = Person.objects.get(name="Rana Haddad")
    assert rana.public_consent and rana.organisation == organisation

    # Two new working groups with their leads.
    for name, field_of_action, lead_organisation, lead_person in (
        ("AK Gesundheit", "Gesundheit", organisation.name, "Rana Haddad"),
        ("AK Wohnen", "Wohnen und Nachbarschaft", "Kreisvolkshochschule Gifhorn", None),
    ):
        menu(journey, "Working groups")
        page.get_by_role("link", name=_("Add a working group")).click()
        field(page, cap(_("name"))).fill(name)
        page.get_by_role("checkbox", name=field_of_action, exact=True).check()
        field(page, cap(_("purpose"))).fill(f"Neu gegründet beim Neustart des Netzwerks: {name}.")
        field(page, cap(_("lead organisation"))).select_option(label=lead_organisation)
        if lead_person:
            field(page, cap(_("lead person"))).select_option(label=lead_person)
            journey.check("new working group")
        save(journey)
    groups = WorkingGroup.objects.filter(
        region__slug="gifhorn", name__in=["AK Gesundheit", "AK Wohnen"]
    )
    assert groups.count() == 2 and groups.get(name="AK Gesundheit").lead_person == rana

    # The next network meeting, with its agenda.
    menu(journey, "Working groups")
    journey.check("working groups")
    page.get_by_role("link", name="Netzwerk Integration – Netzwerktreffen").click()
    journey.check("network group")
    page.get_by_role("link", name=_("Add a meeting")).click()
    field(page, cap(_("starts at"))).fill("2027-03-15T17:00")
    field(page, cap(_("place"))).fill("Schloss Gifhorn, Rittersaal")
    field(page, cap(_("agenda"))).fill("1. Neue Arbeitskreise\n2. Berichte\n3. Integrationskonzept")
    journey.check("new meeting")
    save(journey)

    # A join request: accepted, the person becomes a member.
    menu(journey, "Join requests")
    journey.check("join requests")
    page.get_by_role("link", name="Olena Kovalenko").click()
    journey.check("join request")
    field(page, _("Answer to the person")).fill("Herzlich willkommen im AK Sprache und Bildung!")
    with page.expect_navigation():
        page.get_by_role("button", name=_("Accept"), exact=True).click()
    olena = JoinRequest.objects.get(email="olena.kovalenko@example.org")
    assert olena.status == "accepted"
    assert olena.working_group.member_persons.filter(email="olena.kovalenko@example.org").exists()

    # Minutes of the last meeting, with their file, made public.
    menu(journey, "Working groups")
    page.get_by_role("link", name="Netzwerk Integration – Netzwerktreffen").click()
    page.locator("#meetings-heading ~ ul a").last.click()  # newest first: the last was held
    minutes = tmp_path / "protokoll-netzwerktreffen.pdf"
    minutes.write_bytes(MINUTES_PDF)
    field(page, _("Title")).fill("Protokoll des Netzwerktreffens")
    field(page, _("File")).set_input_files(str(minutes))
    with page.expect_navigation():
        page.get_by_role("button", name=_("Attach file")).click()
    field(page, cap(_("minutes are public"))).check()
    save(journey)
    journey.check("meeting with minutes")
    document = MeetingDocument.objects.get(title="Protokoll des Netzwerktreffens")
    assert document.meeting.minutes_public

    # The public page shows them.
    page.get_by_role("link", name="Netzwerk Integration – Netzwerktreffen").click()
    page.get_by_role("link", name=_("View the public page")).click()
    journey.check("public group page")
    assert page.get_by_role("link", name="Protokoll des Netzwerktreffens").is_visible()
