"""The staff page of an update round: progress per provider, and resending a link."""

from django.urls import reverse


def test_staff_see_progress_and_can_resend(client_of, coordinator_goslar, started):
    client = client_of(coordinator_goslar)
    page = client.get(
        reverse("offers_staff:round_detail", kwargs={"region": "goslar", "pk": started.pk})
    )
    assert "info@caritas.example" in page.content.decode()
    request = started.requests.get(email="info@caritas.example")
    client.post(
        reverse(
            "offers_staff:round_resend",
            kwargs={"region": "goslar", "pk": started.pk, "request_pk": request.pk},
        )
    )
    request.refresh_from_db()
    assert request.reminders_sent == 1
