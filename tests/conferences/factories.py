"""factory_boy factories of the conferences app."""

from __future__ import annotations

from datetime import time, timedelta

import factory
from django.utils import timezone

from conferences.models import Event, EventDate, ProgrammeItem, Registration, Venue, Workshop
from tests.factories import RegionFactory


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Venue

    region = factory.SubFactory(RegionFactory)
    name = factory.Sequence(lambda n: f"Kreishaus {n}")
    street = "Klubgartenstraße 6"
    postcode = "38640"
    city = "Goslar"
    step_free_access = True


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    region = factory.SubFactory(RegionFactory)
    title = factory.Sequence(lambda n: f"Integrationskonferenz {n}")
    slug = factory.Sequence(lambda n: f"integrationskonferenz-{n}")
    summary = "Gemeinsam Handlungsempfehlungen entwickeln."
    status = Event.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)
    contact_email = "koordinierung@example.org"


class EventDateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventDate

    event = factory.SubFactory(EventFactory)
    start = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))
    end = factory.LazyAttribute(lambda o: o.start + timedelta(hours=4))
    venue = factory.LazyAttribute(lambda o: VenueFactory(region=o.event.region))
    seats = 20


class ProgrammeItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammeItem

    event_date = factory.SubFactory(EventDateFactory)
    start = time(16, 0)
    title = factory.Sequence(lambda n: f"Programmpunkt {n}")


class WorkshopFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workshop

    event_date = factory.SubFactory(EventDateFactory)
    title = factory.Sequence(lambda n: f"Workshop {n}")
    seats = 10


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    event_date = factory.SubFactory(EventDateFactory)
    status = Registration.Status.CONFIRMED
    name = factory.Sequence(lambda n: f"Teilnehmerin {n}")
    email = factory.Sequence(lambda n: f"teilnehmerin{n}@example.org")
    consent_at = factory.LazyFunction(timezone.now)
