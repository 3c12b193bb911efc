"""Every staff URL of the offers app, for the permission matrix."""

from offers.models import UpdateRound
from tests.offers.factories import (
    ChangeRequestFactory,
    ImportBatchFactory,
    OrganisationFactory,
    UpdateRequestFactory,
    UpdateRoundFactory,
    make_offer,
)
from tests.staff_matrix import Case


def _offer(region):
    return {"pk": make_offer(region, title="Sprachcafé").pk}


def _provider(region):
    return {"pk": OrganisationFactory(region=region).pk}


def _contact(region):
    from offers.services.directory import provider_contact_add

    org = OrganisationFactory(region=region)
    contact = provider_contact_add(region=region, organisation=org, email="kontakt@example.org")
    return {"pk": org.pk, "contact_pk": contact.pk}


def _change(region):
    offer = make_offer(region, title="Sprachcafé")
    cr = ChangeRequestFactory(
        region=region, kind="offer_change", source="public", offer=offer, data={"title": "Neu"}
    )
    return {"pk": cr.pk}


def _round(region):
    import datetime

    return {
        "pk": UpdateRoundFactory(
            region=region, name="Update", deadline=datetime.date(2099, 1, 1)
        ).pk
    }


def _round_request(region):
    pk = _round(region)["pk"]
    org = OrganisationFactory(region=region)
    request = UpdateRequestFactory(
        round=UpdateRound.objects.get(pk=pk), organisation=org, email="a@example.org"
    )
    return {"pk": pk, "request_pk": request.pk}


def _batch(region):
    batch = ImportBatchFactory(
        region=region, what="providers", filename="t.csv", content=b"name\nVerein A\n"
    )
    return {"pk": batch.pk}


CASES = [
    Case("offers_staff:offer_list"),
    Case("offers_staff:offer_create"),
    Case("offers_staff:offer_edit", kwargs=_offer),
    Case("offers_staff:offer_archive", kwargs=_offer),
    Case("offers_staff:provider_list"),
    Case("offers_staff:provider_create"),
    Case("offers_staff:provider_edit", kwargs=_provider),
    Case("offers_staff:contact_add", "post", _provider, lambda r: {"email": "neu@example.org"}),
    Case("offers_staff:contact_remove", "post", _contact),
    Case("offers_staff:change_request_list"),
    Case("offers_staff:change_request_detail", kwargs=_change),
    Case("offers_staff:round_list"),
    Case("offers_staff:round_detail", kwargs=_round),
    Case("offers_staff:round_resend", "post", _round_request),
    Case("offers_staff:import_upload"),
    Case("offers_staff:import_preview", kwargs=_batch),
    Case("offers_staff:export_offers", kwargs=lambda r: {"fmt": "csv"}),
    Case("offers_staff:export_providers", kwargs=lambda r: {"fmt": "xlsx"}),
    Case("offers_staff:export_guide"),
    Case("offers_staff:coverage"),
    Case("offers_staff:coverage_csv"),
]
