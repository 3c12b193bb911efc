"""The demo data: the seeds' four counties, idempotent."""

import pytest

from portal import demo
from portal.models import (
    FieldOfAction,
    Membership,
    Municipality,
    Region,
    RegionContact,
    RegionStatistic,
    TeamMember,
    User,
)

pytestmark = pytest.mark.django_db


def _counts():
    return [
        m.objects.count()
        for m in (Region, RegionContact, TeamMember, RegionStatistic, Municipality, FieldOfAction)
    ] + [User.objects.count(), Membership.objects.count()]


def test_it_creates_the_four_counties_of_the_seeds():
    demo.seed()
    assert set(Region.objects.values_list("slug", flat=True)) == {
        "goslar",
        "harz",
        "gifhorn",
        "heilbronn",
    }
    harz = Region.objects.get(slug="harz")
    assert RegionContact.objects.in_region(harz).filter(kind="phone").count() == 4
    assert RegionContact.objects.in_region(harz).filter(kind="email").count() == 2
    assert TeamMember.objects.in_region(harz).count() == 5
    assert harz.po_box
    gifhorn = Region.objects.get(slug="gifhorn")
    assert RegionStatistic.objects.in_region(gifhorn).filter(value="11.108").exists()
    assert FieldOfAction.objects.in_region(gifhorn).count() == 10


def test_every_region_has_a_demo_coordinator_and_there_is_a_superuser():
    logins = demo.seed()
    assert User.objects.filter(is_superuser=True).exists()
    for region in Region.objects.all():
        assert Membership.objects.in_region(region).filter(role="coordinator").exists()
    assert len(logins) == 5


def test_running_it_again_creates_no_duplicates():
    demo.seed()
    before = _counts()
    demo.seed()
    assert _counts() == before


def test_the_demo_password_works():
    demo.seed()
    user = User.objects.get(email=demo.coordinator_email("goslar"))
    assert user.check_password(demo.DEMO_PASSWORD)
