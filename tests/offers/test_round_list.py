"""Staff start an update round through the form on the list of rounds."""

import datetime

from django.urls import reverse
from django.utils import timezone

from offers.models import UpdateRound
from tests.offers.factories import OrganisationFactory, make_offer


def test_staff_start_a_round_through_the_form(client_of, coordinator_goslar, goslar):
    make_offer(goslar, provider=OrganisationFactory(region=goslar, email="x@example.org"))
    client = client_of(coordinator_goslar)
    url = reverse("offers_staff:round_list", kwargs={"region": "goslar"})
    bad = client.post(
        url, {"name": "Update", "deadline": "2000-01-01", "reminder_interval_days": 7}
    )
    assert bad.status_code == 400 and not UpdateRound.objects.exists()
    deadline = (timezone.localdate() + datetime.timedelta(days=20)).isoformat()
    client.post(url, {"name": "Update 2027", "deadline": deadline, "reminder_interval_days": 7})
    assert UpdateRound.objects.get().requests.count() == 1
