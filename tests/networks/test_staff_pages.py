"""Back-office pages of the network: add, edit and validate; another region's data is 404."""

import pytest
from django.urls import reverse
from django.utils.translation import gettext as _

from networks.models import ConceptChapter, IntegrationConcept, Organisation, Person, WorkingGroup
from portal.models import FieldOfAction
from tests.networks.factories import (
    ChapterFactory,
    ConceptFactory,
    OrganisationFactory,
    PersonFactory,
)


@pytest.fixture
def staff(client_of, editor_goslar):
    return client_of(editor_goslar)


def test_staff_add_an_organisation_with_a_derived_address(staff, goslar):
    response = staff.post(
        reverse("networks_staff:organisation_add", args=["goslar"]),
        {
            "name": "Diakonie Goslar",
            "kind": "welfare_association",
            "is_public": "on",
            "fields_of_action": [goslar.fields_of_action.first().pk],
        },
    )
    assert response.status_code == 302
    org = Organisation.objects.get()
    assert (org.slug, org.region) == ("diakonie-goslar", goslar)
    clash = staff.post(
        reverse("networks_staff:organisation_add", args=["goslar"]),
        {"name": "Diakonie Goslar", "kind": "other"},
    )
    assert clash.status_code == 400 and Organisation.objects.count() == 1


def test_choices_come_from_the_region_only(staff, goslar, harz):
    foreign = OrganisationFactory(region=harz, name="Fremde Organisation")
    response = staff.post(
        reverse("networks_staff:person_add", args=["goslar"]),
        {"name": "Karl Kontakt", "organisation": foreign.pk},
    )
    assert response.status_code == 400
    assert not Person.objects.exists()
    assert (
        "Fremde Organisation"
        not in staff.get(reverse("networks_staff:group_add", args=["goslar"])).content.decode()
    )


def test_consent_needs_a_date(staff, goslar):
    response = staff.post(
        reverse("networks_staff:person_add", args=["goslar"]),
        {"name": "Karl Kontakt", "public_consent": "on"},
    )
    assert response.status_code == 400
    staff.post(
        reverse("networks_staff:person_add", args=["goslar"]),
        {"name": "Karl Kontakt", "public_consent": "on", "consent_date": "2024-02-01"},
    )
    assert Person.objects.get().public_consent


def test_a_working_group_with_lead_and_members(staff, goslar):
    org = OrganisationFactory(region=goslar)
    person = PersonFactory(region=goslar, organisation=org)
    response = staff.post(
        reverse("networks_staff:group_add", args=["goslar"]),
        {
            "name": "AK Gesundheit",
            "status": "active",
            "is_public": "on",
            "lead_organisation": org.pk,
            "lead_person": person.pk,
            "member_persons": [person.pk],
            "member_organisations": [org.pk],
        },
    )
    assert response.status_code == 302
    group = WorkingGroup.objects.get()
    assert group.lead_person == person and list(group.member_organisations.all()) == [org]
    meeting = staff.post(
        reverse("networks_staff:meeting_add", args=["goslar", group.pk]),
        {"starts_at": "2025-03-04T16:00", "ends_at": "2025-03-04T15:00", "guests": 0},
    )
    assert meeting.status_code == 400 and not group.meetings.exists()


def test_the_concept_pages_of_staff(staff, goslar):
    response = staff.post(
        reverse("networks_staff:concept_add", args=["goslar"]),
        {"title": "Integrationskonzept", "version": "2025"},
    )
    concept = IntegrationConcept.objects.get()
    assert response.status_code == 302
    staff.post(
        reverse("networks_staff:chapter_add", args=["goslar", concept.pk]),
        {
            "field_of_action": goslar.fields_of_action.first().pk,
            "order": 1,
            "goals": "Mehr Teilhabe",
        },
    )
    twice = staff.post(
        reverse("networks_staff:chapter_add", args=["goslar", concept.pk]),
        {"field_of_action": goslar.fields_of_action.first().pk, "order": 2},
    )
    assert twice.status_code == 400 and concept.chapters.count() == 1
    staff.post(
        reverse(
            "networks_staff:concept_annexes",
            args=["goslar", concept.pk],
        ),
        {"annexes": ["organisations", "working_groups"]},
    )
    assert set(concept.annexes.values_list("key", flat=True)) == {"organisations", "working_groups"}
    bogus = staff.post(
        reverse("networks_staff:concept_annexes", args=["goslar", concept.pk]),
        {"annexes": ["nonsense"]},
    )
    assert bogus.status_code == 302 and concept.annexes.count() == 2
    page = staff.get(reverse("networks_staff:concept_detail", args=["goslar", concept.pk]))
    assert page.status_code == 200
    export_url = reverse("networks_staff:export_request", args=["goslar", concept.pk])
    assert export_url in page.content.decode()
    version_clash = staff.post(
        reverse("networks_staff:concept_add", args=["goslar"]),
        {"title": "Noch eins", "version": "2025"},
    )
    assert version_clash.status_code == 400


def test_event_staff_cannot_open_network_pages(client_of, event_staff_goslar):
    response = client_of(event_staff_goslar).get(
        reverse("networks_staff:organisation_list", args=["goslar"])
    )
    assert response.status_code == 403


def test_the_dashboard_shows_the_network_numbers(client_of, coordinator_goslar, goslar):
    OrganisationFactory(region=goslar)
    ConceptFactory(region=goslar, version=2025)
    body = (
        client_of(coordinator_goslar)
        .get(reverse("portal_staff:dashboard", args=["goslar"]))
        .content.decode()
    )
    assert reverse("networks_staff:organisation_list", args=["goslar"]) in body


def test_the_history_page_lists_network_changes(client_of, coordinator_goslar, goslar):
    concept = ConceptFactory(region=goslar, version=2025)
    from tests.networks.factories import MeasureFactory

    MeasureFactory(concept=concept, title="Sichtbare Maßnahme")
    body = (
        client_of(coordinator_goslar)
        .get(reverse("portal_staff:history", args=["goslar"]))
        .content.decode()
    )
    assert "Sichtbare Maßnahme" in body


def test_a_field_of_action_with_concept_chapters_is_not_deleted_and_staff_are_told_why(
    goslar, editor_goslar, client_of
):
    chapter = ChapterFactory(concept=ConceptFactory(region=goslar))
    field = chapter.field_of_action

    response = client_of(editor_goslar).post(
        f"/staff/goslar/fields/{field.pk}/delete/", follow=True
    )

    assert FieldOfAction.objects.filter(pk=field.pk).exists()
    assert ConceptChapter.objects.filter(pk=chapter.pk).exists()
    assert (
        _(
            "Chapters or measures of an integration concept belong to this field of action; "
            "assign them to another field first. It stays."
        )
        in response.content.decode()
    )
