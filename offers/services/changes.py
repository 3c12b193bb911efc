"""Change requests: suggestions from the public, provider edits waiting for approval, and
staff decisions on them. Accepted changes go through the same form rules as staff edits and
are recorded in the audit history (simple-history) with the request's number as the reason."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import models, transaction
from django.forms.models import model_to_dict
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from networks.models import Organisation
from offers.forms import (
    CHANGEABLE_OFFER_FIELDS,
    CHANGEABLE_PROVIDER_FIELDS,
    OfferChangeForm,
    OfferPlaceForm,
    ProviderChangeForm,
)
from offers.models import ChangeRequest, Offer, OfferPlace
from offers.services.directory import offer_save, provider_save
from portal.forms import model_data
from portal.lib.mail import queue_templated_mail
from portal.lib.models import RowChange, with_change_reason
from portal.models import Municipality, Region, User

if TYPE_CHECKING:
    from django.forms.utils import ErrorDict

# A record as stored in ChangeRequest.data (JSON: field name -> pk, list, text, number, ...).
Record = dict[str, Any]

NEW_OFFER_EXTRA_FIELDS = [
    "provider_name",
    "place_street",
    "place_postcode",
    "place_city",
    "municipality",
]


def _json_value(value: object) -> object:
    if isinstance(value, models.QuerySet) or (
        isinstance(value, list | tuple) and value and isinstance(value[0], models.Model)
    ):
        return [obj.pk for obj in value]
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list | tuple):
        return list(value)
    return value


# A proposed set of places is stored whole under this key: every place the offer should have
# afterwards ("id" of an existing place, or none for a new one); places left out go.
PLACES = "places"
PLACE_FIELDS = ["name", "street", "postcode", "city", "municipality", "latitude", "longitude"]


@dataclass(frozen=True)
class PlaceValues:
    """One place an offer should have after an edit, with validated values: an existing place
    (``id``) as it should be, or a new one (``id`` None). A list of them is the whole set of
    places; a stored place missing from it is to go."""

    id: int | None = None
    name: str = ""
    street: str = ""
    postcode: str = ""
    city: str = ""
    municipality: Municipality | None = None
    latitude: Decimal | None = None
    longitude: Decimal | None = None

    @classmethod
    def of(cls, place: OfferPlace) -> PlaceValues:
        """The place as it is now (to keep it, or to change some of its values)."""
        return cls(id=place.pk, **{name: getattr(place, name) for name in PLACE_FIELDS})

    def values(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in PLACE_FIELDS}


def _place_record(place: OfferPlace | PlaceValues) -> Record:
    return {"id": place.id, **{name: _json_value(getattr(place, name)) for name in PLACE_FIELDS}}


def _comparable(value: object) -> object:
    """A value as it is compared with the stored one, as a form's changed_data would: a record
    by its number, a list as a set (the order of ticked boxes means nothing), empty as None."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, models.QuerySet | list | tuple | set):
        return frozenset(_comparable(item) for item in value) or None
    if value == "":
        return None
    return value


def _stored_offer_value(offer: Offer, name: str) -> object:
    if Offer._meta.get_field(name).many_to_many:
        return list(getattr(offer, name).all())
    return getattr(offer, name)


def _offer_changes(stored: Offer, values: Mapping[str, object]) -> dict[str, object]:
    """The values of CHANGEABLE_OFFER_FIELDS that differ from the stored offer's."""
    return {
        name: values[name]
        for name in CHANGEABLE_OFFER_FIELDS
        if name in values
        and _comparable(values[name]) != _comparable(_stored_offer_value(stored, name))
    }


def _place_changes(stored: Offer, places: Sequence[PlaceValues]) -> list[RowChange]:
    """What makes the stored offer's places these: the changed, new and deleted rows (none when
    the places are as proposed)."""
    existing = {place.pk: place for place in stored.places.all()}
    rows: list[RowChange] = []
    for proposal in places:
        place = existing.pop(proposal.id, None) if proposal.id is not None else None
        values = proposal.values()
        if place is None:
            rows.append(RowChange(OfferPlace(offer=stored), values))
        elif any(
            # serializable_value: the municipality's number, without a query per place
            _comparable(value) != _comparable(place.serializable_value(name))
            for name, value in values.items()
        ):
            rows.append(RowChange(place, values))
    rows += [RowChange(place, delete=True) for place in existing.values()]
    return rows


def _offer_change_request(
    offer: Offer,
    *,
    changes: Mapping[str, object],
    places: Sequence[PlaceValues] | None,
    source: str,
    user: User | AnonymousUser | None,
    message: str = "",
    submitter_name: str = "",
    submitter_email: str = "",
) -> ChangeRequest:
    data: Record = {name: _json_value(value) for name, value in changes.items()}
    if places is not None:
        data[PLACES] = [_place_record(place) for place in places]
    return ChangeRequest.objects.create(
        region=offer.region,
        kind=ChangeRequest.Kind.OFFER_CHANGE,
        source=source,
        offer=offer,
        organisation=offer.provider,
        data=data,
        submitted_by=user if user and user.is_authenticated else None,
        message=message,
        submitter_name=submitter_name,
        submitter_email=submitter_email,
    )


def suggest_offer_change(
    *,
    offer: Offer,
    values: Mapping[str, object],
    source: str,
    user: User | AnonymousUser | None = None,
    places: Sequence[PlaceValues] | None = None,
    message: str = "",
    submitter_name: str = "",
    submitter_email: str = "",
) -> ChangeRequest | None:
    """A proposed change of an offer: ``values`` are validated values of
    CHANGEABLE_OFFER_FIELDS, ``places`` (if given) every place the offer should have. Only
    what differs from the offer as stored is proposed; None when nothing does and there is no
    message."""
    stored = Offer.objects.select_related("region", "provider").get(pk=offer.pk)
    changes = _offer_changes(stored, values)
    places_changed = places is not None and bool(_place_changes(stored, places))
    if not changes and not places_changed and not message:
        return None
    return _offer_change_request(
        stored,
        changes=changes,
        places=places if places_changed else None,
        source=source,
        user=user,
        message=message,
        submitter_name=submitter_name,
        submitter_email=submitter_email,
    )


def suggest_offer_correction(
    *,
    offer: Offer,
    wrong: str,
    right: str = "",
    corrections: dict[str, str] | None = None,
    submitter_name: str = "",
    submitter_email: str = "",
) -> ChangeRequest:
    """The public's short correction of an offer: the visitor's words for staff (labelled in
    the office's language, whatever language the visitor wrote in) and the fields they
    corrected directly, applied like any change request once staff accept it."""
    with translation.override(settings.LANGUAGE_CODE):
        wrong_label, right_label = _("What is wrong or out of date?"), _("What is right?")
    parts = [f"{wrong_label}\n{wrong.strip()}"]
    if right.strip():
        parts.append(f"{right_label}\n{right.strip()}")
    return ChangeRequest.objects.create(
        region=offer.region,
        kind=ChangeRequest.Kind.OFFER_CHANGE,
        source=ChangeRequest.Source.PUBLIC,
        offer=offer,
        organisation=offer.provider,
        data=dict(corrections or {}),
        message="\n\n".join(parts),
        submitter_name=submitter_name,
        submitter_email=submitter_email,
    )


def suggest_provider_change(
    *,
    organisation: Organisation,
    changes: Mapping[str, object],
    message: str = "",
    submitter_name: str = "",
    submitter_email: str = "",
) -> ChangeRequest | None:
    """The public's proposal for a provider: ``changes`` are validated values of
    CHANGEABLE_PROVIDER_FIELDS; only those that differ from the provider as stored are
    proposed. None when nothing does and there is no message."""
    stored = Organisation.objects.get(pk=organisation.pk)
    data = {
        name: _json_value(changes[name])
        for name in CHANGEABLE_PROVIDER_FIELDS
        if name in changes and _comparable(changes[name]) != _comparable(getattr(stored, name))
    }
    if not data and not message:
        return None
    return ChangeRequest.objects.create(
        region=organisation.region,
        kind=ChangeRequest.Kind.PROVIDER_CHANGE,
        source=ChangeRequest.Source.PUBLIC,
        organisation=organisation,
        data=data,
        message=message,
        submitter_name=submitter_name,
        submitter_email=submitter_email,
    )


def suggest_new_offer(
    *,
    region: Region,
    values: Mapping[str, object],
    source: str = ChangeRequest.Source.PUBLIC,
    organisation: Organisation | None = None,
    user: User | AnonymousUser | None = None,
    places: Sequence[PlaceValues] = (),
    message: str = "",
    submitter_name: str = "",
    submitter_email: str = "",
) -> ChangeRequest:
    """A proposed new offer: ``values`` are the validated fields of the offer (and of
    NEW_OFFER_EXTRA_FIELDS: who runs it, where), ``places`` its places; others are left out."""
    allowed = CHANGEABLE_OFFER_FIELDS + NEW_OFFER_EXTRA_FIELDS
    data = {name: _json_value(value) for name, value in values.items() if name in allowed}
    if places:
        data[PLACES] = [_place_record(place) for place in places]
    return ChangeRequest.objects.create(
        region=region,
        kind=ChangeRequest.Kind.OFFER_NEW,
        source=source,
        organisation=organisation,
        data=data,
        submitted_by=user if user and user.is_authenticated else None,
        message=message,
        submitter_name=submitter_name,
        submitter_email=submitter_email,
    )


# --- showing a change ------------------------------------------------------------------------


@dataclass
class DiffRow:
    field: str
    label: str
    old: str
    new: str


def _display(field: forms.Field, value: object) -> str:
    if value in (None, "", []):
        return "—"
    if isinstance(field, forms.ModelMultipleChoiceField | forms.ModelChoiceField):
        pks = value if isinstance(value, list) else [value]
        objects = field.queryset.filter(pk__in=pks) if field.queryset is not None else []
        return ", ".join(str(o) for o in objects) or "—"
    if isinstance(field, forms.BooleanField):
        return _("Yes") if value else _("No")
    if isinstance(field, forms.ChoiceField):
        # django-stubs types the getter like the setter (callables, Choices classes); what it
        # returns is the normalised list of (value, label) pairs.
        choices = cast("Iterable[tuple[object, object]]", field.choices)
        labels = {str(k): str(v) for k, v in choices}
        values = value if isinstance(value, list) else [value]
        return ", ".join(labels.get(str(v), str(v)) for v in values)
    return str(value)


def _target_form(
    change_request: ChangeRequest, data: Record | None = None
) -> ProviderChangeForm | OfferChangeForm:
    region = change_request.region
    if change_request.kind == ChangeRequest.Kind.PROVIDER_CHANGE:
        return ProviderChangeForm(data=data, instance=change_request.organisation)
    instance = change_request.offer or Offer(region=region)
    return OfferChangeForm(data=data, instance=instance, region=region)


def change_request_diff(change_request: ChangeRequest) -> list[DiffRow]:
    """Field by field: the current value and the proposed one."""
    form = _target_form(change_request)
    current = _current_values(change_request)
    rows: list[DiffRow] = []
    for name, new in change_request.data.items():
        if name == PLACES:
            old_places = (
                [_place_record(p) for p in change_request.offer.places.all()]
                if (change_request.offer)
                else []
            )
            rows.append(
                DiffRow(name, _("Places"), _places_text(old_places), _places_text(new or []))
            )
            continue
        field = form.fields.get(name)
        if field is None:
            rows.append(DiffRow(name, name, "—", str(new or "—")))
            continue
        old = current.get(name)
        rows.append(
            DiffRow(name, str(field.label or name), _display(field, old), _display(field, new))
        )
    if change_request.kind == ChangeRequest.Kind.OFFER_NEW:
        for row in rows:
            row.old = ""
        municipality_pk = change_request.data.get("municipality")
        for row in rows:
            if row.field == "municipality" and municipality_pk:
                row.new = str(Municipality.objects.filter(pk=municipality_pk).first() or "—")
    return rows


def _places_text(records: list[Record]) -> str:
    municipalities = dict(
        Municipality.objects.filter(pk__in=[r.get("municipality") for r in records]).values_list(
            "pk", "name"
        )
    )
    lines: list[str] = []
    for record in records:
        parts = [record.get(n) for n in ("name", "street") if record.get(n)]
        town = " ".join(str(record.get(n)) for n in ("postcode", "city") if record.get(n))
        parts += [town] if town else []
        if record.get("municipality") in municipalities:
            parts.append(f"({municipalities[record['municipality']]})")
        if record.get("latitude") is not None and record.get("longitude") is not None:
            parts.append(f"[{record['latitude']}, {record['longitude']}]")
        lines.append(" ".join(str(p) for p in parts) or "—")
    return "; ".join(lines) or "—"


def _current_values(change_request: ChangeRequest) -> Record:
    if change_request.kind == ChangeRequest.Kind.PROVIDER_CHANGE:
        organisation = change_request.organisation
        if organisation is None:
            raise ValueError(f"Provider change request #{change_request.pk} has no provider")
        return {
            k: _json_value(v)
            for k, v in model_to_dict(organisation, fields=CHANGEABLE_PROVIDER_FIELDS).items()
        }
    # A new offer starts from the model's defaults (e.g. step-free "unknown").
    offer = change_request.offer or Offer(region=change_request.region)
    values = model_to_dict(offer, fields=CHANGEABLE_OFFER_FIELDS)
    return {k: _json_value(v) for k, v in values.items()}


# --- deciding ---------------------------------------------------------------------------------


class ChangeNotApplicable(Exception):
    """The proposed values no longer pass validation (e.g. the record changed meanwhile)."""

    def __init__(self, errors: ErrorDict) -> None:
        super().__init__(str(errors))
        self.errors = errors


def _apply(change_request: ChangeRequest) -> Offer | Organisation:
    """Validate the proposal with the forms' rules, then write it with the services the staff
    pages use (a new provider name reaches the search through their rename hook)."""
    reason = f"Change request #{change_request.pk}"
    data = {**_current_values(change_request), **change_request.data}
    places = data.pop(PLACES, None)
    if change_request.kind == ChangeRequest.Kind.OFFER_NEW:
        return _create_offer(change_request, data, reason, places)
    form = _target_form(change_request, data=data)
    if not form.is_valid():
        raise ChangeNotApplicable(form.errors)
    # The valid form has written the values onto its instance; the service saves them.
    if isinstance(form, ProviderChangeForm):
        organisation = with_change_reason(form.instance, reason)
        return provider_save(organisation=organisation, data=model_data(form))
    offer = with_change_reason(form.instance, reason)
    rows = _place_rows(offer, places, reason) if places is not None else []
    return offer_save(offer=offer, data=model_data(form), places=rows)


def _place_rows(offer: Offer, records: list[Record], reason: str) -> list[RowChange]:
    """What makes the offer's places what the records say, each checked by the staff form;
    a place the records leave out goes."""
    existing = {place.pk: place for place in offer.places.all()} if offer.pk else {}
    rows: list[RowChange] = []
    for record in records:
        instance = existing.pop(record.get("id"), None) or OfferPlace(offer=offer)
        form = OfferPlaceForm(
            data={n: "" if record.get(n) is None else record.get(n) for n in PLACE_FIELDS},
            instance=instance,
            region=offer.region,
        )
        if not form.is_valid():
            raise ChangeNotApplicable(form.errors)
        rows.append(RowChange(with_change_reason(form.instance, reason), model_data(form)))
    rows += [RowChange(with_change_reason(p, reason), delete=True) for p in existing.values()]
    return rows


def _create_offer(
    change_request: ChangeRequest, data: Record, reason: str, places: list[Record] | None = None
) -> Offer:
    region = change_request.region
    provider = change_request.organisation
    if provider is None:
        name = (data.get("provider_name") or "").strip()
        provider = Organisation.objects.in_region(region).filter(name__iexact=name).first()
        if provider is None:
            provider = provider_save(organisation=Organisation(region=region), data={"name": name})
    form = OfferChangeForm(
        data=data, instance=Offer(region=region, provider=provider), region=region
    )
    if not form.is_valid():
        raise ChangeNotApplicable(form.errors)
    offer = with_change_reason(form.instance, reason)
    rows = _place_rows(offer, places or [], reason)
    # The public's form for a new offer asks for one address instead of a list of places.
    municipality = (
        Municipality.objects.in_region(region).filter(pk=data.get("municipality")).first()
    )
    if any(data.get(k) for k in ("place_street", "place_postcode", "place_city")) or municipality:
        address = {
            "street": data.get("place_street") or "",
            "postcode": data.get("place_postcode") or "",
            "city": data.get("place_city") or (municipality.name if municipality else ""),
            "municipality": municipality,
        }
        rows.append(RowChange(OfferPlace(), address))
    return offer_save(
        offer=offer, data={**model_data(form), "status": Offer.Status.PUBLISHED}, places=rows
    )


def _notify(change_request: ChangeRequest) -> None:
    if not change_request.submitter_email:
        return
    queue_templated_mail(
        to=change_request.submitter_email,
        template_prefix="offers/email/change_request_decided",
        context={"change_request": change_request, "region": change_request.region},
        region=change_request.region,
    )


def lock_pending(change_request: ChangeRequest) -> ChangeRequest | None:
    """The change request, locked until the transaction ends; None once it has been decided.

    A decision is taken once: a second submit of the same form (double click, a colleague
    deciding at the same moment) waits for the first, then finds it decided and does nothing,
    so the change is not applied twice and the submitter gets one mail."""
    locked = ChangeRequest.objects.select_for_update().get(pk=change_request.pk)
    return locked if locked.status == ChangeRequest.Status.PENDING else None


def _decide(change_request: ChangeRequest, *, status: str, user: User, note: str) -> None:
    change_request.status = status
    change_request.decided_by = user
    change_request.decided_at = timezone.now()
    change_request.decision_note = note
    change_request.save(
        update_fields=["status", "offer", "decided_by", "decided_at", "decision_note"]
    )


@transaction.atomic
def change_request_accept(
    *, change_request: ChangeRequest, user: User, note: str = "", notify: bool = False
) -> Offer | Organisation | None:
    """Apply the proposal to the record and return it; None if the request was already
    decided. Raises ChangeNotApplicable and changes nothing if the values are not valid (any
    more)."""
    locked = lock_pending(change_request)
    if locked is None:
        return None
    obj = _apply(locked)
    if isinstance(obj, Offer) and locked.offer is None:
        locked.offer = obj
    _decide(locked, status=ChangeRequest.Status.ACCEPTED, user=user, note=note)
    if notify:
        _notify(locked)
    return obj


@transaction.atomic
def change_request_reject(
    *, change_request: ChangeRequest, user: User, note: str = "", notify: bool = False
) -> ChangeRequest | None:
    """Close the request without changing the record; None if it was already decided."""
    locked = lock_pending(change_request)
    if locked is None:
        return None
    _decide(locked, status=ChangeRequest.Status.REJECTED, user=user, note=note)
    if notify:
        _notify(locked)
    return locked


# --- provider edits -----------------------------------------------------------------------------


@transaction.atomic
def provider_offer_update(
    *,
    offer: Offer,
    values: Mapping[str, object],
    places: Sequence[PlaceValues] | None = None,
    user: User | AnonymousUser | None = None,
    source: str,
) -> str:
    """A provider's edit of an offer: ``values`` are validated values of
    CHANGEABLE_OFFER_FIELDS, ``places`` (if given) every place the offer should have. What
    differs from the offer as stored goes live at once, or waits as a change request when the
    region wants to approve provider edits. Returns "applied", "pending" or "unchanged"."""
    stored = (
        Offer.objects.select_for_update(of=("self",))
        .select_related("region", "provider")
        .get(pk=offer.pk)
    )
    changes = _offer_changes(stored, values)
    place_rows = _place_changes(stored, places) if places is not None else []
    if not changes and not place_rows:
        return "unchanged"
    if stored.region.provider_edits_need_approval:
        _offer_change_request(
            stored,
            changes=changes,
            places=places if place_rows else None,
            source=source,
            user=user,
        )
        return "pending"
    offer_save(
        offer=with_change_reason(stored, _("Edited by the provider")),
        data={
            **changes,
            "last_confirmed_at": timezone.localdate(),
            "confirmation_state": Offer.ConfirmationState.CURRENT,
        },
        places=place_rows,
    )
    return "applied"


@transaction.atomic
def provider_offer_create(
    *,
    organisation: Organisation,
    values: Mapping[str, object],
    places: Sequence[PlaceValues] = (),
    user: User | AnonymousUser | None = None,
) -> str:
    """A provider's new offer (``values`` of CHANGEABLE_OFFER_FIELDS, its ``places``):
    published at once, or a proposal when the region wants to approve provider edits. Returns
    "applied" or "pending"."""
    region = organisation.region
    if region.provider_edits_need_approval:
        suggest_new_offer(
            region=region,
            values=values,
            source=ChangeRequest.Source.PROVIDER,
            organisation=organisation,
            user=user,
            places=places,
        )
        return "pending"
    offer = Offer(region=region, provider=organisation)
    offer_save(
        offer=offer,
        data={
            **{name: values[name] for name in CHANGEABLE_OFFER_FIELDS if name in values},
            "status": Offer.Status.PUBLISHED,
        },
        places=[RowChange(OfferPlace(offer=offer), place.values()) for place in places],
    )
    return "applied"
