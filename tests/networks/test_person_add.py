"""Staff add a contact person: choices come from the county only, public consent needs a date."""

from django.urls import reverse

from networks.models import Person
from tests.networks.factories import OrganisationFactory


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
