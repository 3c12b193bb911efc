"""Offers and providers: saving, publishing, archiving; each write refreshes the search index
(``offers.services.search_index``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from networks.models import Organisation
from networks.services import organisation_save
from offers.models import Offer, ProviderContact

# Re-exported: every writer of offers calls it from here.
from offers.services.search_index import reindex_offers as reindex_offers
from portal.lib.models import RowChange, save_fields, save_rows
from portal.models import Region, User


def reindex_provider(organisation: Organisation) -> None:
    """The provider's name is part of each of its offers' search text."""
    reindex_offers(organisation.offers.values_list("pk", flat=True))


@transaction.atomic
def offer_save(*, offer: Offer, data: dict[str, Any], places: Iterable[RowChange] = ()) -> Offer:
    """Save an offer and its places, stamp publication, refresh the search index."""
    if data.get("status", offer.status) == Offer.Status.PUBLISHED and offer.published_at is None:
        offer.published_at = timezone.now()
    if offer.last_confirmed_at is None:
        offer.last_confirmed_at = timezone.localdate()
    save_fields(offer, data)
    save_rows(places, offer=offer)
    reindex_offers([offer.pk])
    return offer


def offer_set_status(*, offer: Offer, status: str, lessons_learned: str | None = None) -> Offer:
    offer.status = status
    fields = ["status", "updated_at"]
    if status == Offer.Status.PUBLISHED and offer.published_at is None:
        offer.published_at = timezone.now()
        fields.append("published_at")
    if lessons_learned is not None:
        offer.lessons_learned = lessons_learned
        fields.append("lessons_learned")
    offer.save(update_fields=fields)
    return offer


def offer_confirm(*, offer: Offer) -> Offer:
    """The provider says the offer is current: it loses any "not confirmed" mark."""
    offer.last_confirmed_at = timezone.localdate()
    offer.confirmation_state = Offer.ConfirmationState.CURRENT
    offer.save(update_fields=["last_confirmed_at", "confirmation_state", "updated_at"])
    return offer


def unique_organisation_slug(region: Region, name: str) -> str:
    base = slugify(name)[:180] or "traeger"
    slug, n = base, 2
    while Organisation.objects.in_region(region).filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def provider_save(*, organisation: Organisation, data: dict[str, Any]) -> Organisation:
    """Create or change a provider: an organisation of the network (whose service tells the
    search about a new name); a new one gets a free address made from its name."""
    if not organisation.slug:
        name = data.get("name", organisation.name)
        organisation.slug = unique_organisation_slug(organisation.region, name)
    return organisation_save(organisation=organisation, data=data)


@transaction.atomic
def provider_contact_add(
    *, region: Region, organisation: Organisation, email: str, full_name: str = ""
) -> ProviderContact:
    """Give a person of the provider a login (by e-mailed code, no password)."""
    from allauth.account.models import EmailAddress

    email = email.strip().lower()
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email, None, full_name=full_name)
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    contact, created = ProviderContact.objects.get_or_create(
        organisation=organisation, user=user, defaults={"region": region}
    )
    if not created and not contact.is_active:
        contact.is_active = True
        contact.save(update_fields=["is_active"])
    return contact


@transaction.atomic
def provider_contact_remove(*, contact: ProviderContact) -> ProviderContact:
    """Take the contact's access away at once: provider pages and update-round links.

    The links check the contact on every request (``UpdateRequest.is_usable``). An account
    that exists only to log in by e-mailed code also gets a new unusable password: that
    changes its session hash, so every open session of it ends with its next request. Staff
    who are also a provider's contact keep their password and their back-office.
    """
    contact = ProviderContact.objects.select_for_update().select_related("user").get(pk=contact.pk)
    contact.is_active = False
    contact.save(update_fields=["is_active"])
    user = contact.user
    if not user.has_usable_password() and not user.is_superuser and not user.memberships.exists():
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return contact
