"""factory_boy factories of the offers app. ``make_offer`` also builds the search index, as the
service layer does for every real write."""

from __future__ import annotations

from datetime import timedelta

import factory
from django.utils import timezone

from networks.models import Organisation
from offers.models import (
    ChangeRequest,
    ImportBatch,
    Offer,
    OfferPlace,
    ProviderContact,
    UpdateRequest,
    UpdateRound,
)
from offers.services.directory import reindex_offers
from tests.factories import RegionFactory, UserFactory


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    region = factory.SubFactory(RegionFactory)
    name = factory.Sequence(lambda n: f"Träger {n}")
    slug = factory.Sequence(lambda n: f"traeger-{n}")
    email = factory.Sequence(lambda n: f"traeger{n}@example.org")


class OfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Offer
        skip_postgeneration_save = True

    region = factory.LazyAttribute(lambda o: o.provider.region)
    provider = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Angebot {n}")
    summary = ""
    status = Offer.Status.PUBLISHED
    published_at = factory.Faker("date_time_this_year", tzinfo=__import__("datetime").UTC)


class OfferPlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OfferPlace

    offer = factory.SubFactory(OfferFactory)
    city = "Goslar"


class ProviderContactFactory(factory.django.DjangoModelFactory):
    """A person who keeps a provider's offers current."""

    class Meta:
        model = ProviderContact

    organisation = factory.SubFactory(OrganisationFactory)
    region = factory.LazyAttribute(lambda o: o.organisation.region)
    user = factory.SubFactory(UserFactory)


def _region_of_the_subject(change) -> object:
    subject = change.offer or change.organisation
    return subject.region if subject is not None else RegionFactory()


class ChangeRequestFactory(factory.django.DjangoModelFactory):
    """A public suggestion to change an offer (or, with ``organisation``, a provider)."""

    class Meta:
        model = ChangeRequest

    offer = None
    organisation = None
    region = factory.LazyAttribute(_region_of_the_subject)
    kind = ChangeRequest.Kind.OFFER_CHANGE
    source = ChangeRequest.Source.PUBLIC
    data = factory.LazyFunction(dict)


class UpdateRoundFactory(factory.django.DjangoModelFactory):
    """The annual update round, with its deadline a month ahead."""

    class Meta:
        model = UpdateRound

    region = factory.SubFactory(RegionFactory)
    name = factory.Sequence(lambda n: f"Aktualisierung {2026 + n}")
    deadline = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))


class UpdateRequestFactory(factory.django.DjangoModelFactory):
    """One provider's personal link in an update round."""

    class Meta:
        model = UpdateRequest

    round = factory.SubFactory(UpdateRoundFactory)
    organisation = factory.LazyAttribute(lambda o: OrganisationFactory(region=o.round.region))
    email = factory.Sequence(lambda n: f"traeger{n}@example.org")


class ImportBatchFactory(factory.django.DjangoModelFactory):
    """An uploaded provider list, waiting between preview and commit."""

    class Meta:
        model = ImportBatch

    region = factory.SubFactory(RegionFactory)
    what = ImportBatch.What.PROVIDERS
    filename = "traeger.csv"
    content = b"name\nVerein Miteinander e. V.\n"


def make_offer(region, *, fields=(), municipality=None, place=None, **kwargs) -> Offer:
    if "provider" not in kwargs:
        kwargs["provider"] = OrganisationFactory(region=region)
    offer = OfferFactory(region=region, **kwargs)
    if fields:
        offer.fields_of_action.set(fields)
    if municipality is not None or place is not None:
        OfferPlaceFactory(
            offer=offer,
            municipality=municipality,
            city=municipality.name if municipality else "",
            **(place or {}),
        )
    reindex_offers([offer.pk])
    return offer
