"""The Django admin is for platform administrators (superusers) only.

County staff work in the back-office, which is scoped by region. The admin's simple-history
views ignored that scoping, it let an editor promote their own membership and listed every
user of the platform; none of it may be reachable for anyone but a superuser.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from conferences.models import Event
from portal.models import Membership, Role
from tests.conferences.factories import EventFactory
from tests.factories import SuperuserFactory, add_totp, staff_user
from tests.portal.factories import BarrierReportFactory


@pytest.fixture
def coordinator_with_admin_flag(goslar):
    return staff_user(goslar, Role.COORDINATOR, is_staff=True)


@pytest.fixture
def harz_rows(harz):
    report = BarrierReportFactory(region=harz, description="Geheime Beschwerde Harz")
    event = EventFactory(region=harz, title="Harzer Fachtag")
    return report, event


def _admin_urls(goslar, harz, harz_rows, user) -> list[str]:
    report, event = harz_rows
    membership = Membership.objects.get(user=user, region=goslar)
    history_id = report.history.first().history_id
    return [
        reverse("admin:index"),
        reverse("admin:portal_region_history", args=[harz.pk]),
        reverse("admin:portal_region_change", args=[harz.pk]),
        reverse("admin:portal_barrierreport_history", args=[report.pk]),
        reverse("admin:portal_barrierreport_simple_history", args=[report.pk, history_id]),
        reverse("admin:conferences_event_change", args=[event.pk]),
        reverse("admin:conferences_event_history", args=[event.pk]),
        reverse("admin:portal_membership_change", args=[membership.pk]),
        reverse("admin:portal_user_changelist"),
        reverse("admin:portal_barrierreport_changelist"),
    ]


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.EDITOR, Role.EVENT_STAFF])
def test_county_staff_cannot_open_any_admin_page(client_of, goslar, harz, harz_rows, role):
    user = staff_user(goslar, role, is_staff=True)
    client = client_of(user)
    for url in _admin_urls(goslar, harz, harz_rows, user):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            assert "/login/" in response.url, url
        assert "Geheime Beschwerde" not in response.content.decode()


def test_staff_cannot_promote_their_own_membership_in_the_admin(client_of, goslar, harz_rows):
    editor = staff_user(goslar, Role.EDITOR, is_staff=True)
    membership = Membership.objects.get(user=editor)
    client_of(editor).post(
        reverse("admin:portal_membership_change", args=[membership.pk]),
        {"user": editor.pk, "region": goslar.pk, "role": Role.COORDINATOR},
    )
    membership.refresh_from_db()
    assert membership.role == Role.EDITOR


def test_staff_cannot_move_another_countys_event_in_the_admin(
    client_of, coordinator_with_admin_flag, goslar, harz, harz_rows
):
    _report, event = harz_rows
    client_of(coordinator_with_admin_flag).post(
        reverse("admin:conferences_event_change", args=[event.pk]),
        {"region": goslar.pk, "title": event.title},
    )
    assert Event.objects.get(pk=event.pk).region == harz


def test_a_superuser_uses_the_admin_for_every_county(client, harz, harz_rows):
    root = SuperuserFactory(email="root@example.org")
    add_totp(root)
    client.force_login(root)
    report, _event = harz_rows
    assert client.get(reverse("admin:portal_region_history", args=[harz.pk])).status_code == 200
    listing = client.get(reverse("admin:portal_barrierreport_changelist"))
    assert "Geheime Beschwerde Harz" in listing.content.decode()
    assert client.get(reverse("admin:portal_user_changelist")).status_code == 200


def test_the_back_office_tells_staff_where_their_tools_are(client_of, coordinator_goslar):
    page = client_of(coordinator_goslar).get(reverse("portal_staff:dashboard", args=["goslar"]))
    html = page.content.decode()
    assert 'id="admin-moved"' in html
