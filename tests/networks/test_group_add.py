"""Staff add a working group with its lead and members; a meeting must end after it starts."""

from django.urls import reverse

from networks.models import WorkingGroup
from tests.networks.factories import OrganisationFactory, PersonFactory


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
