"""What county staff did in the Django admin they now do in the back-office, by clicking
(issue 9 item 1): withdraw an open invitation, delete a venue no date uses. The admin itself
is closed to them, and the dashboard says where everything is."""

from __future__ import annotations

from conferences.models import Venue
from portal.models import Invitation, Region, Role, User
from tests.conferences.factories import VenueFactory
from tests.factories import InvitationFactory


def test_a_coordinator_withdraws_an_invitation_and_deletes_an_unused_venue(staff_journey):
    goslar = Region.objects.get(slug="goslar")
    coordinator = User.objects.get(email="koordination@goslar.example.org")
    InvitationFactory(
        region=goslar, email="vertippt@example.org", role=Role.EDITOR, invited_by=coordinator
    )
    VenueFactory(region=goslar, name="Alte Turnhalle Oker", city="Goslar")
    journey = staff_journey
    _ = journey._
    page = journey.page

    journey.start()
    journey.login("koordination@goslar.example.org")
    journey.check("dashboard with the note where things are")
    assert page.locator("#admin-moved").is_visible()

    page.get_by_role("link", name=_("Staff and roles")).first.click()
    journey.check("staff and roles")
    page.get_by_role("button", name=f"{_('Withdraw')} vertippt@example.org").click()
    journey.check("invitation withdrawn")
    assert _("The invitation was withdrawn; its link no longer works.") in page.inner_text("main")
    assert not Invitation.objects.filter(email="vertippt@example.org").exists()

    page.get_by_role("link", name=_("Venues")).first.click()
    journey.check("venues")
    page.get_by_role("link", name="Alte Turnhalle Oker").click()
    journey.check("the unused venue")
    page.get_by_role("button", name=_("Delete this venue")).click()
    journey.check("venue deleted")
    assert not Venue.objects.filter(name="Alte Turnhalle Oker").exists()

    used = Venue.objects.filter(region=goslar, dates__isnull=False).distinct().first()
    page.get_by_role("link", name=used.name).click()
    page.get_by_role("button", name=_("Delete this venue")).click()
    journey.check("a venue in use stays")
    assert _("Event dates still take place at this venue; it stays.") in page.inner_text("main")
    assert Venue.objects.filter(pk=used.pk).exists()

    page.goto(f"{journey.base_url}/admin/")
    assert "/admin/" not in page.url or "/login/" in page.url
