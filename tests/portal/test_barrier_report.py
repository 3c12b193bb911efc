"""Reporting a barrier on the accessibility page: stored for the county, confirmed to the
visitor, coordinators (or the platform admins) told by e-mail; bots and floods are refused."""

import pytest
from django.test import override_settings

from portal.models import BarrierReport, OutgoingMail
from tests.factories import SuperuserFactory

VALID = {
    "page_url": "/goslar/",
    "description": "Die Karte lässt sich nicht mit der Tastatur bedienen.",
    "name": "Erika Muster",
    "email": "erika@example.org",
}


def test_a_report_is_stored_for_the_region(client, goslar):
    response = client.post("/goslar/accessibility/", VALID)
    assert response.status_code == 302
    report = BarrierReport.objects.get()
    assert report.region == goslar
    assert report.description == VALID["description"]
    assert report.status == BarrierReport.Status.NEW


def test_the_visitor_gets_a_confirmation(client, goslar):
    response = client.post("/goslar/accessibility/", VALID, follow=True)
    assert response.status_code == 200
    assert len(list(response.context["messages"])) == 1


def test_the_coordinators_are_told_by_email(
    client,
    goslar,
    coordinator_goslar,
    editor_goslar,
    mailoutbox_run,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/goslar/accessibility/", VALID)
    outbox = mailoutbox_run()
    recipients = [m.to[0] for m in outbox]
    assert coordinator_goslar.email in recipients
    assert editor_goslar.email not in recipients
    mail = next(m for m in outbox if m.to[0] == coordinator_goslar.email)
    assert "Tastatur" in mail.body
    assert mail.reply_to == ["erika@example.org"]
    assert OutgoingMail.objects.in_region(goslar).filter(status="sent").exists()


def test_a_report_without_region_goes_to_the_platform_admins(client, db):
    admin = SuperuserFactory(email="admin@example.org")
    client.post("/accessibility/", VALID)
    report = BarrierReport.objects.get()
    assert report.region is None
    assert OutgoingMail.objects.filter(to=admin.email).exists()


def test_a_filled_honeypot_stores_nothing(client, goslar):
    response = client.post("/goslar/accessibility/", {**VALID, "homepage": "http://spam"})
    assert response.status_code == 400
    assert not BarrierReport.objects.exists()
    assert not OutgoingMail.objects.exists()


@pytest.mark.parametrize(
    "change",
    [
        {"description": ""},
        {"email": "not-an-address"},
        {"page_url": "x" * 600},
    ],
)
def test_invalid_input_gets_a_message_and_stores_nothing(client, goslar, change):
    response = client.post("/goslar/accessibility/", {**VALID, **change})
    assert response.status_code == 400
    assert response.context["form"].errors
    assert 'class="invalid-feedback' in response.content.decode()
    assert not BarrierReport.objects.exists()


@override_settings(PUBLIC_FORM_RATE_LIMIT=2)
def test_too_many_reports_from_one_client_are_refused(client, goslar):
    assert client.post("/goslar/accessibility/", VALID).status_code == 302
    assert client.post("/goslar/accessibility/", VALID).status_code == 302
    response = client.post("/goslar/accessibility/", VALID)
    assert response.status_code == 429
    assert BarrierReport.objects.count() == 2


def test_the_page_concerned_is_prefilled_from_the_link(client, goslar):
    response = client.get("/goslar/accessibility/?page=/goslar/events/")
    assert response.context["form"]["page_url"].value() == "/goslar/events/"
