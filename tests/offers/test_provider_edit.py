"""Staff edit a provider, add a contact person, and cannot create a duplicate."""

from tests.offers.factories import OrganisationFactory
from tests.offers.staff_forms import url


def test_staff_edit_a_provider_and_add_a_contact(client_of, coordinator_goslar, goslar):
    org = OrganisationFactory(region=goslar, name="AWO")
    client = client_of(coordinator_goslar)
    client.post(
        url("provider_edit", pk=org.pk),
        {
            "name": "AWO Kreisverband",
            "kind": "welfare_association",
            "website": "awo.example",
            "is_public": "on",
        },
    )
    org.refresh_from_db()
    assert org.name == "AWO Kreisverband" and org.website == "https://awo.example"
    client.post(url("contact_add", pk=org.pk), {"email": "leitung@awo.example"})
    assert org.provider_contacts.get().user.email == "leitung@awo.example"
    assert (
        client.post(
            url("provider_create"), {"name": "AWO Kreisverband", "kind": "other"}
        ).status_code
        == 400
    )
