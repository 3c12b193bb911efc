"""The public page of an organisation: only public ones of the county have one."""

from django.urls import reverse

from tests.networks.factories import OrganisationFactory


def test_internal_and_foreign_organisations_have_no_public_page(client, directory, harz):
    OrganisationFactory(region=harz, slug="harz-org")
    for slug in ("intern", "harz-org"):
        assert (
            client.get(reverse("networks:organisation_detail", args=["goslar", slug])).status_code
            == 404
        )
    page = client.get(reverse("networks:organisation_detail", args=["goslar", "kvhs"]))
    assert "Integrationskurse" in page.content.decode()
