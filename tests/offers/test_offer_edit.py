"""The staff editor of an offer is the offer's county's only."""

import pytest
from django.urls import reverse

from tests.offers.factories import make_offer


@pytest.mark.parametrize("region_slug", ["harz"])
def test_staff_cannot_reach_another_regions_offer(client_of, editor_harz, goslar, region_slug):
    offer = make_offer(goslar)
    response = client_of(editor_harz).get(
        reverse("offers_staff:offer_edit", kwargs={"region": region_slug, "pk": offer.pk})
    )
    assert response.status_code == 404
