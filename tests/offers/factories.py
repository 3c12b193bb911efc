"""factory_boy factories of the offers app. ``make_offer`` also builds the search index, as the
service layer does for every real write."""

from __future__ import annotations

import factory

from networks.models import Organisation
from offers.models import Offer, OfferPlace
from offers.services.directory import reindex_offers


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

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


def make_offer(region, *, fields=(), municipality=None, place=None, **kwargs) -> Offer:
    if "provider" not in kwargs:
        kwargs["provider"] = OrganisationFactory(region=region)
    offer = OfferFactory(region=region, **kwargs)
    if fields:
        offer.fields_of_action.set(fields)
    if municipality is not None or place is not None:
        OfferPlace.objects.create(
            offer=offer,
            municipality=municipality,
            city=municipality.name if municipality else "",
            **(place or {}),
        )
    reindex_offers([offer.pk])
    return offer
