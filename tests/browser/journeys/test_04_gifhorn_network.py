"""Journey 4 - Gifhorn, the network (seed 003).

A visitor reads the county's statistics with date and source and the staff unit with its
roles, finds the working groups of a field of action, sees the next network meeting and adds
it to a calendar, and asks to join a working group.
"""

from __future__ import annotations

import re

from networks.models import JoinRequest


def cap(label: str) -> str:
    """Form labels from model fields start with a capital (Django's capfirst)."""
    return label[:1].upper() + label[1:]


def test_a_visitor_finds_the_gifhorn_network_and_asks_to_join(visitor):
    page, _ = visitor.page, visitor._
    visitor.start()
    visitor.check("portal home")

    page.get_by_role("link", name="Landkreis Gifhorn").first.click()
    page.wait_for_url("**/gifhorn/")
    visitor.check("county home")
    facts = page.locator("main").inner_text().replace("\u200f", "")  # Arabic dates carry RLMs
    # the statistics with their date and source; the staff unit with everyone's role
    assert "11.108" in facts and "Pressemitteilung zum Neustart" in facts
    assert re.search(r"30[./]0?1[./]2018|2018[./-]0?1[./-]30", facts), "date of the figures"
    assert "Stabsstelle Integration" in facts
    assert "Audrey Grothe" in facts and "Leiterin der Stabsstelle Integration" in facts
    assert "Jutta Leinemann" in facts and "Beratung und Konzeption" in facts

    # working groups of one field of action
    page.locator("#network-heading ~ ul").get_by_role("link", name=_("Working groups")).click()
    page.wait_for_url("**/gifhorn/working-groups/")
    visitor.check("working groups")
    page.get_by_label(_("Field of action")).select_option(label="Sprache")
    page.get_by_role("button", name=_("Show")).click()
    page.wait_for_url("**/working-groups/?field=sprache")
    visitor.check("working groups for language")
    groups = page.locator("main ul").first
    assert groups.get_by_role("link", name="AK Sprache und Bildung").is_visible()
    assert groups.get_by_role("link", name="AK Arbeit und Ausbildung").count() == 0

    # the next network meeting, into the calendar
    page.get_by_role("link", name="Landkreis Gifhorn").first.click()
    page.get_by_role("link", name="Netzwerktreffen Integration").first.click()
    page.wait_for_url("**/gifhorn/events/netzwerktreffen/")
    visitor.check("network meeting")
    with page.expect_download() as download:
        page.get_by_role("link", name=_("Add to my calendar (.ics)")).click()
    calendar = open(download.value.path(), encoding="utf-8").read()
    assert "BEGIN:VEVENT" in calendar and "Netzwerktreffen Integration" in calendar

    # ask to join a working group
    page.go_back()
    page.get_by_role("link", name="Landkreis Gifhorn").first.click()
    page.locator("#network-heading ~ ul").get_by_role("link", name=_("Working groups")).click()
    page.get_by_role("link", name="AK Sprache und Bildung").click()
    page.wait_for_url("**/working-groups/ak-sprache-und-bildung/")
    visitor.check("working group")
    page.get_by_label(cap(_("your name"))).fill("Amal Haddad")
    page.get_by_label(cap(_("e-mail")), exact=False).fill("amal.haddad@example.org")
    page.get_by_label(cap(_("why would you like to join?"))).fill(
        "Ich gebe Sprachkurse für Frauen."
    )
    page.get_by_label(_("I agree to be named publicly as a member of this working group.")).check()
    page.get_by_label(
        _("I agree that the coordination office stores my details to answer this request.")
    ).check()
    page.get_by_role("button", name=_("Send request")).click()
    page.wait_for_load_state()
    visitor.check("join request sent")
    assert page.get_by_role("status").inner_text().strip()
    request = JoinRequest.objects.get(email="amal.haddad@example.org")
    assert request.working_group.name == "AK Sprache und Bildung" and request.public_consent
