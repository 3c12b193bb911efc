"""The region's dashboard: numbers and shortcuts."""

from portal.lib.mail import queue_mail
from portal.models import OutgoingMail
from tests.portal.factories import BarrierReportFactory


def test_it_shows_the_regions_numbers(client_of, coordinator_goslar, editor_goslar, goslar, harz):
    BarrierReportFactory(region=goslar, description="a")
    BarrierReportFactory(region=goslar, description="b", status="resolved")
    BarrierReportFactory(region=harz, description="c")
    mail = queue_mail(to="x@example.org", subject="s", body_text="t", region=goslar)
    OutgoingMail.objects.filter(pk=mail.pk).update(status="failed")
    context = client_of(coordinator_goslar).get("/staff/goslar/").context
    assert context["new_barrier_reports"] == 1
    assert context["failed_mails"] == 1
    assert context["team_count"] == 2
    assert context["fields_count"] == 10


def test_it_offers_shortcuts_to_the_pages_the_role_may_open(client_of, coordinator_goslar):
    html = client_of(coordinator_goslar).get("/staff/goslar/").content.decode()
    for url in ("/staff/goslar/barriers/", "/staff/goslar/team/", "/staff/goslar/office/"):
        assert f'href="{url}"' in html


def test_event_staff_see_no_coordinator_shortcuts(client_of, event_staff_goslar):
    html = client_of(event_staff_goslar).get("/staff/goslar/").content.decode()
    assert "/staff/goslar/team/" not in html
    assert "/staff/goslar/barriers/" not in html


def test_event_staff_count_only_the_failed_mails_they_may_see(
    client_of, event_staff_goslar, goslar
):
    for topic in (OutgoingMail.Topic.REGISTRATION, OutgoingMail.Topic.ACCOUNT):
        mail = queue_mail(
            to="x@example.org", subject="s", body_text="t", region=goslar, topic=topic
        )
        OutgoingMail.objects.filter(pk=mail.pk).update(status="failed")
    assert client_of(event_staff_goslar).get("/staff/goslar/").context["failed_mails"] == 1
