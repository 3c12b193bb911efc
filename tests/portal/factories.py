"""Factories for the region's office details and its barrier reports (the region itself is in
tests/factories.py)."""

from datetime import date

import factory

from portal.models import BarrierReport, RegionContact, RegionStatistic, TeamMember
from tests.factories import RegionFactory


class RegionContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RegionContact

    region = factory.SubFactory(RegionFactory)
    kind = RegionContact.Kind.PHONE
    value = factory.Sequence(lambda n: f"05321 76-{200 + n}")


class TeamMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TeamMember

    region = factory.SubFactory(RegionFactory)
    name = factory.Sequence(lambda n: f"Mitarbeiterin {n}")
    role = "Koordinierungsstelle Migration"


class RegionStatisticFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RegionStatistic

    region = factory.SubFactory(RegionFactory)
    label = "Menschen mit ausländischer Staatsangehörigkeit"
    value = "11.108"
    as_of = date(2018, 1, 30)
    source = "Landkreis Gifhorn, Pressemitteilung"


class BarrierReportFactory(factory.django.DjangoModelFactory):
    """A barrier reported from a region's pages (``region=None``: from a platform page)."""

    class Meta:
        model = BarrierReport

    region = factory.SubFactory(RegionFactory)
    description = "Der Kontrast der Schaltflächen ist zu gering."
