"""Staff add an organisation; its address is derived from the name and unique in the county."""

from django.urls import reverse

from networks.models import Organisation


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
