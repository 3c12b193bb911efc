"""A visitor finds a working group by its field of action and asks to join it."""

from networks.models import JoinRequest
from tests.browser.conftest import assert_accessible
from tests.networks.factories import OrganisationFactory, PersonFactory, WorkingGroupFactory


def test_visitor_finds_a_working_group_and_sends_a_join_request(page, live_server, goslar):
    org = OrganisationFactory(region=goslar, name="Kreisvolkshochschule Goslar", slug="kvhs")
    lead = PersonFactory(region=goslar, organisation=org, name="Thomas Brandes")
    group = WorkingGroupFactory(
        region=goslar,
        name="AK Sprache",
        slug="ak-sprache",
        lead_organisation=org,
        lead_person=lead,
    )
    group.fields_of_action.add(goslar.fields_of_action.get(slug="sprache"))
    WorkingGroupFactory(region=goslar, name="AK Wohnen", slug="ak-wohnen")

    page.goto(f"{live_server.url}/goslar/working-groups/")
    assert_accessible(page)
    page.get_by_label("Handlungsfeld").select_option(label="Sprache")
    page.get_by_role("button", name="Anzeigen").click()
    page.wait_for_url("**field=sprache**")
    assert page.get_by_role("link", name="AK Wohnen").count() == 0
    page.get_by_role("link", name="AK Sprache").click()
    page.wait_for_url("**/working-groups/ak-sprache/")
    assert_accessible(page)

    page.get_by_label("Ihr Name").fill("Amal Haddad")
    page.get_by_label("E-Mail").fill("amal@example.org")
    page.locator("#id_privacy").check()
    page.get_by_role("button", name="Anfrage senden").click()
    page.wait_for_url("**/working-groups/ak-sprache/")
    assert page.get_by_role("status").count() >= 1
    assert_accessible(page)
    assert JoinRequest.objects.get().name == "Amal Haddad"


def test_the_concept_tracker_is_accessible_on_a_phone(phone_page, live_server, goslar):
    from datetime import date

    from networks.models import IntegrationConcept
    from tests.networks.factories import ChapterFactory, ConceptFactory, MeasureFactory

    concept = ConceptFactory(
        region=goslar,
        version=2019,
        status=IntegrationConcept.Status.ADOPTED,
        adopted_on=date(2019, 7, 8),
    )
    ChapterFactory(concept=concept)
    MeasureFactory(concept=concept, title="Sprachcafés", progress=40, status="in_progress")
    phone_page.goto(f"{live_server.url}/goslar/concept/2019/measures/")
    assert_accessible(phone_page)
    phone_page.goto(f"{live_server.url}/goslar/network/")
    assert_accessible(phone_page)
