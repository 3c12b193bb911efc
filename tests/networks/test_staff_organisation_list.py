"""The network pages of the back-office are not for event staff."""

from django.urls import reverse


def test_event_staff_cannot_open_network_pages(client_of, event_staff_goslar):
    response = client_of(event_staff_goslar).get(
        reverse("networks_staff:organisation_list", args=["goslar"])
    )
    assert response.status_code == 403
