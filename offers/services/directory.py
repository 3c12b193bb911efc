"""Offers and providers: saving, publishing, archiving, and the search index they feed."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.utils import timezone, translation
from django.utils.text import slugify

from networks.models import Organisation
from offers import languages
from offers.models import SEARCH_CONFIG, Offer, ProviderContact
from offers.textnorm import normalise, words
from portal.models import Region, User

SEARCH_VECTOR = SearchVector("search_title", weight="A", config=SEARCH_CONFIG) + SearchVector(
    "search_body", weight="B", config=SEARCH_CONFIG
)


def search_document(offer: Offer) -> tuple[str, str]:
    """The normalised title and body the search index is built from.

    Besides the offer's own text, the body carries what people search by: the provider, the
    kind, fields of action, target groups, places and every name of each language.
    """
    with translation.override("de"):
        parts = [
            offer.summary,
            offer.description,
            offer.provider.name,
            str(offer.get_kind_display()),
            offer.schedule,
            offer.cost_note,
            *offer.target_group_labels,
            *(field.name for field in offer.fields_of_action.all()),
        ]
        for place in offer.places.all():
            parts += [place.name, place.city, place.municipality.name if place.municipality else ""]
        for code in offer.languages:
            language = languages.BY_CODE.get(code)
            if language:
                parts += list(language.names)
    return normalise(offer.title), normalise(" ".join(p for p in parts if p))


def reindex_offers(offer_ids: Iterable[int]) -> None:
    """Rebuild the search text, vector, facet keys and vocabulary of these offers (call after
    each write)."""
    ids = list(offer_ids)
    if not ids:
        return
    offers = list(
        Offer.objects.filter(pk__in=ids)
        .select_related("provider")
        .prefetch_related("fields_of_action", "places__municipality")
    )
    vocabulary: set[str] = set()
    for offer in offers:
        offer.search_title, offer.search_body = search_document(offer)
        offer.facet_keys = offer.compute_facet_keys()
        vocabulary.update(w for w in words(offer.search_title + " " + offer.search_body))
    Offer.objects.bulk_update(offers, ["search_title", "search_body", "facet_keys"], batch_size=500)
    Offer.objects.filter(pk__in=ids).update(search_vector=SEARCH_VECTOR)
    add_search_words(vocabulary)


def add_search_words(vocabulary: Iterable[str]) -> None:
    batch = sorted({w for w in vocabulary if 3 <= len(w) <= 60})
    if not batch:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO offers_searchword (word) SELECT unnest(%s::text[]) "
            "ON CONFLICT (word) DO NOTHING",
            [batch],
        )


def reindex_provider(organisation: Organisation) -> None:
    """The provider's name is part of each of its offers' search text."""
    reindex_offers(organisation.offers.values_list("pk", flat=True))


@transaction.atomic
def offer_save(*, form, places_formset=None) -> Offer:
    """Save an offer form (and its places), stamp publication, refresh the search index."""
    offer = form.save(commit=False)
    if offer.status == Offer.Status.PUBLISHED and offer.published_at is None:
        offer.published_at = timezone.now()
    if offer.last_confirmed_at is None:
        offer.last_confirmed_at = timezone.localdate()
    offer.save()
    form.save_m2m()
    if places_formset is not None:
        places_formset.instance = offer
        places_formset.save()
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
def provider_save(*, form) -> Organisation:
    organisation = form.save(commit=False)
    if not organisation.slug:
        organisation.slug = unique_organisation_slug(organisation.region, organisation.name)
    organisation.save()
    form.save_m2m()
    reindex_provider(organisation)
    return organisation


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
