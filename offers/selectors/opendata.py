"""The open-data format of a region's directory (CSV and JSON) and schema.org JSON-LD.

The column lists below ARE the documented format (the page /<region>/offers/data/ renders
them): add columns at the end, never rename or remove one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TypedDict

from django.conf import settings
from django.db.models import QuerySet
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from networks.models import Organisation, Person
from offers.models import Offer
from portal import translations
from portal.languages import language_url
from portal.lib import jsonld

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise as StrOrPromise
    from django_stubs_ext import WithAnnotations

    from portal.models import Region


OFFER_COLUMNS: list[tuple[str, StrOrPromise]] = [
    ("id", _("Stable number of the offer")),
    ("url", _("Address of the offer's page")),
    ("title", _("Title")),
    ("summary", _("Short summary")),
    ("description", _("Description (Markdown)")),
    (
        "kind",
        _(
            "Kind: course, counselling, meeting_place, sports_leisure, childcare, "
            "mentoring, information, other"
        ),
    ),
    ("fields_of_action", _("Fields of action (names; in CSV separated by |)")),
    (
        "target_groups",
        _(
            "Target groups: everyone, refugees, eu_citizens, women, families, "
            "children, young_people, seniors, disabilities"
        ),
    ),
    ("languages", _("Languages the offer is given in (ISO 639-1 codes)")),
    ("cost", _("Cost: free, reduced, fee")),
    ("cost_note", _("Note on cost")),
    ("schedule", _("Schedule as text")),
    ("weekdays", _("Weekdays (1 = Monday … 7 = Sunday)")),
    ("time_start", _("Start time (HH:MM)")),
    ("time_end", _("End time (HH:MM)")),
    ("start_date", _("Start date (YYYY-MM-DD)")),
    ("end_date", _("End date (YYYY-MM-DD)")),
    ("registration", _("How to register: none, phone, email, link")),
    ("registration_detail", _("Phone, e-mail or link for registration")),
    ("step_free", _("Step-free access: yes, no, unknown")),
    ("childcare", _("Childcare available (true/false)")),
    ("women_only", _("For women only (true/false)")),
    ("provider_id", _("Number of the provider (see providers file)")),
    ("provider_name", _("Name of the provider")),
    (
        "places",
        _(
            "Places (JSON: list of objects with name, street, postcode, city, "
            "municipality, latitude, longitude; CSV: addresses separated by |)"
        ),
    ),
    ("last_confirmed", _("Last confirmed by the provider (YYYY-MM-DD)")),
    ("confirmation", _('Empty, or "not_confirmed" after a missed update round')),
    ("published_at", _("First published (ISO 8601)")),
    ("updated_at", _("Last changed (ISO 8601)")),
    ("language", _("Language of the texts above (de: German is the original)")),
    (
        "translations",
        _(
            "Published translations of the texts (JSON: object of language code to an object "
            'of column name to text, e.g. {"ar": {"title": "…"}}; CSV: the same as JSON text)'
        ),
    ),
]

PROVIDER_COLUMNS: list[tuple[str, StrOrPromise]] = [
    ("id", _("Stable number of the provider")),
    ("url", _("Address of the provider's page")),
    ("name", _("Name")),
    ("kind", _("Kind of organisation")),
    ("street", _("Street and number")),
    ("postcode", _("Postcode")),
    ("city", _("City")),
    ("municipality", _("Municipality")),
    ("website", _("Website")),
    ("email", _("E-mail")),
    ("phone", _("Phone")),
    ("description", _("Description")),
    ("offer_count", _("Number of published offers")),
    (
        "contacts",
        _(
            "Contact persons who agreed to be listed (JSON: list of objects with name, "
            "function, email, phone; CSV: names separated by |)"
        ),
    ),
]


class PlaceRecord(TypedDict):
    name: str
    street: str
    postcode: str
    city: str
    municipality: str
    latitude: float | None
    longitude: float | None


class OfferRecord(TypedDict):
    """One offer in the open-data format (the keys of ``OFFER_COLUMNS``)."""

    id: int
    url: str
    title: str
    summary: str
    description: str
    kind: str
    fields_of_action: list[str]
    target_groups: list[str]
    languages: list[str]
    cost: str
    cost_note: str
    schedule: str
    weekdays: list[int]
    time_start: str
    time_end: str
    start_date: str
    end_date: str
    registration: str
    registration_detail: str
    step_free: str
    childcare: bool
    women_only: bool
    provider_id: int
    provider_name: str
    places: list[PlaceRecord]
    last_confirmed: str
    confirmation: str
    published_at: str
    updated_at: str
    language: str
    translations: dict[str, dict[str, str]]  # {language: {field: text}}


class ContactRecord(TypedDict):
    name: str
    function: str
    email: str
    phone: str


class _ProviderAnnotations(TypedDict):
    offer_count: int
    public_persons: list[Person]


class ProviderRecord(TypedDict):
    """One provider in the open-data format (the keys of ``PROVIDER_COLUMNS``)."""

    id: int
    url: str
    name: str
    kind: str
    street: str
    postcode: str
    city: str
    municipality: str
    website: str
    email: str
    phone: str
    description: str
    offer_count: int
    contacts: list[ContactRecord]


def _iso(value: date | datetime | None) -> str:
    return value.isoformat() if value else ""


def public_offers(region: Region) -> QuerySet[Offer]:
    offers: QuerySet[Offer] = (
        Offer.objects.published()
        .in_region(region)
        .select_related("provider", "region")
        .prefetch_related("fields_of_action", "places__municipality")
        .order_by("id")
    )
    return offers


def offer_records(offers: Iterable[Offer]) -> list[OfferRecord]:
    """The open-data records of many offers, with their published translations."""
    offers = list(offers)
    texts = translations.public_texts(offers)
    return [offer_record(offer, texts.get(offer.pk, {})) for offer in offers]


def offer_record(offer: Offer, texts: dict[str, dict[str, str]] | None = None) -> OfferRecord:
    return {
        "id": offer.pk,
        "url": settings.SITE_URL + offer.get_absolute_url(),
        "title": offer.title,
        "summary": offer.summary,
        "description": offer.description,
        "kind": offer.kind,
        "fields_of_action": [f.name for f in offer.fields_of_action.all()],
        "target_groups": list(offer.target_groups),
        "languages": list(offer.languages),
        "cost": offer.cost,
        "cost_note": offer.cost_note,
        "schedule": offer.schedule,
        "weekdays": sorted(offer.weekdays),
        "time_start": offer.time_start.strftime("%H:%M") if offer.time_start else "",
        "time_end": offer.time_end.strftime("%H:%M") if offer.time_end else "",
        "start_date": _iso(offer.start_date),
        "end_date": _iso(offer.end_date),
        "registration": offer.registration,
        "registration_detail": offer.registration_detail,
        "step_free": offer.step_free,
        "childcare": offer.childcare,
        "women_only": offer.women_only,
        "provider_id": offer.provider_id,
        "provider_name": offer.provider.name,
        "places": [
            {
                "name": p.name,
                "street": p.street,
                "postcode": p.postcode,
                "city": p.city,
                "municipality": p.municipality.name if p.municipality else "",
                "latitude": float(p.latitude) if p.latitude is not None else None,
                "longitude": float(p.longitude) if p.longitude is not None else None,
            }
            for p in offer.places.all()
        ],
        "last_confirmed": _iso(offer.last_confirmed_at),
        "confirmation": "not_confirmed" if offer.confirmation_state else "",
        "published_at": _iso(offer.published_at),
        "updated_at": _iso(offer.updated_at),
        "language": settings.LANGUAGE_CODE,
        "translations": texts or {},
    }


def offer_csv_row(record: OfferRecord) -> list[object]:
    fields: Mapping[str, Any] = record
    row: list[object] = []
    for key, _label in OFFER_COLUMNS:
        value = fields[key]
        if key == "places":
            value = " | ".join(
                ", ".join(x for x in (p["street"], f"{p['postcode']} {p['city']}".strip()) if x)
                for p in value
            )
        elif key == "translations":
            value = json.dumps(value, ensure_ascii=False, sort_keys=True) if value else ""
        elif isinstance(value, list):
            value = "|".join(str(v) for v in value)
        elif isinstance(value, bool):
            value = "true" if value else "false"
        row.append(value)
    return row


def public_providers(
    region: Region,
) -> QuerySet[WithAnnotations[Organisation, _ProviderAnnotations]]:
    """Providers with public offers, annotated with ``offer_count`` and ``public_persons``."""
    from django.db.models import Count, Prefetch, Q

    providers: QuerySet[WithAnnotations[Organisation, _ProviderAnnotations]] = (
        Organisation.objects.in_region(region)
        .public()
        .annotate(
            offer_count=Count(
                "offers",
                filter=Q(offers__status=Offer.Status.PUBLISHED)
                & ~Q(offers__confirmation_state=Offer.ConfirmationState.HIDDEN),
            )
        )
        .filter(offer_count__gt=0)
        .select_related("municipality", "region")
        .prefetch_related(
            Prefetch("persons", queryset=Person.objects.listed_publicly(), to_attr="public_persons")
        )
        .order_by("name")
    )
    return providers


def provider_record(
    organisation: WithAnnotations[Organisation, _ProviderAnnotations],
) -> ProviderRecord:
    from django.urls import reverse

    return {
        "id": organisation.pk,
        "url": settings.SITE_URL
        + reverse(
            "offers:provider_detail",
            kwargs={"region": organisation.region.slug, "slug": organisation.slug},
        ),
        "name": organisation.name,
        "kind": organisation.kind,
        "street": organisation.street,
        "postcode": organisation.postcode,
        "city": organisation.city,
        "municipality": organisation.municipality.name if organisation.municipality else "",
        "website": organisation.website,
        "email": organisation.email,
        "phone": organisation.phone,
        "description": organisation.description,
        "offer_count": organisation.offer_count,
        "contacts": [
            {"name": p.name, "function": p.function, "email": p.email, "phone": p.phone}
            for p in organisation.public_persons
        ],
    }


def provider_csv_row(record: ProviderRecord) -> list[object]:
    fields: Mapping[str, Any] = record
    row: list[object] = []
    for key, _label in PROVIDER_COLUMNS:
        value = fields[key]
        if key == "contacts":
            value = "|".join(c["name"] for c in value)
        row.append(value)
    return row


def offer_jsonld(offer: Offer, language: str = settings.LANGUAGE_CODE) -> SafeString:
    """schema.org description of an offer in ``language`` (texts not yet translated are
    tagged as German), safe to place inside a <script> element."""
    kind_types = {"course": "Course", "counselling": "Service"}
    texts = translations.texts_of(offer, language, region=offer.region)
    summary = texts.summary if offer.summary else texts.description
    data: dict[str, Any] = {  # JSON-LD: nested objects of varying shape
        "@context": "https://schema.org",
        "@type": kind_types.get(offer.kind, "Service"),
        "inLanguage": language,
        "name": translations.jsonld_value(texts.title),
        "description": translations.jsonld_value(summary, limit=300),
        "url": settings.SITE_URL + offer.get_absolute_url()
        if language == settings.LANGUAGE_CODE
        else language_url(offer.get_absolute_url(), language),
        "provider": {
            "@type": "Organization",
            "name": offer.provider.name,
            **({"url": offer.provider.website} if offer.provider.website else {}),
        },
        "availableLanguage": [
            {"@type": "Language", "name": lang.english, "alternateName": lang.code}
            for lang in offer.language_objects
        ],
        "isAccessibleForFree": offer.cost == "free",
        "areaServed": {"@type": "AdministrativeArea", "name": offer.region.name},
    }
    places = []
    for place in offer.places.all():
        places.append(
            jsonld.place(
                name=place.name or place.city,
                street=place.street,
                postcode=place.postcode,
                city=place.city,
                latitude=place.latitude if place.has_coordinates else None,
                longitude=place.longitude if place.has_coordinates else None,
            )
        )
    if places:
        key = "location" if data["@type"] != "Course" else "contentLocation"
        data[key] = places
    if offer.start_date:
        data["startDate"] = offer.start_date.isoformat()
    return jsonld.json_ld(data)
