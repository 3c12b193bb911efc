"""Change requests: suggestions from the public, provider edits waiting for approval, and
staff decisions on them. Accepted changes go through the same form rules as staff edits and
are recorded in the audit history (simple-history) with the request's number as the reason."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.db import models, transaction
from django.forms.models import model_to_dict
from django.utils import timezone
from django.utils.translation import gettext as _

from networks.models import Organisation
from offers.forms import (
    CHANGEABLE_OFFER_FIELDS,
    CHANGEABLE_PROVIDER_FIELDS,
    OfferChangeForm,
    ProviderChangeForm,
)
from offers.models import ChangeRequest, Offer, OfferPlace
from offers.services.directory import (
    reindex_offers,
    reindex_provider,
    unique_organisation_slug,
)
from portal.lib.mail import queue_templated_mail
from portal.models import Municipality, Region

NEW_OFFER_EXTRA_FIELDS = [
    "provider_name",
    "place_street",
    "place_postcode",
    "place_city",
    "municipality",
]


def _json_value(value):
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


def serialise(form: forms.BaseForm, names: list[str]) -> dict:
    return {name: _json_value(form.cleaned_data.get(name)) for name in names}


def _submitter(form: forms.BaseForm) -> dict:
    return {
        "message": form.cleaned_data.get("message", ""),
        "submitter_name": form.cleaned_data.get("submitter_name", ""),
        "submitter_email": form.cleaned_data.get("submitter_email", ""),
    }


def _changed(form: forms.BaseForm, allowed: list[str]) -> list[str]:
    return [name for name in form.changed_data if name in allowed]


def suggest_offer_change(*, offer: Offer, form, source: str, user=None) -> ChangeRequest | None:
    """Store the changed fields of a bound, valid offer form; None when nothing changed."""
    changed = _changed(form, CHANGEABLE_OFFER_FIELDS)
    submitter = _submitter(form) if source == ChangeRequest.Source.PUBLIC else {}
    if not changed and not submitter.get("message"):
        return None
    return ChangeRequest.objects.create(
        region=offer.region,
        kind=ChangeRequest.Kind.OFFER_CHANGE,
        source=source,
        offer=offer,
        organisation=offer.provider,
        data=serialise(form, changed),
        submitted_by=user if user and user.is_authenticated else None,
        **submitter,
    )


def suggest_provider_change(*, organisation: Organisation, form) -> ChangeRequest | None:
    changed = _changed(form, CHANGEABLE_PROVIDER_FIELDS)
    submitter = _submitter(form)
    if not changed and not submitter.get("message"):
        return None
    return ChangeRequest.objects.create(
        region=organisation.region,
        kind=ChangeRequest.Kind.PROVIDER_CHANGE,
        source=ChangeRequest.Source.PUBLIC,
        organisation=organisation,
        data=serialise(form, changed),
        **submitter,
    )


def suggest_new_offer(
    *,
    region: Region,
    form,
    source: str = ChangeRequest.Source.PUBLIC,
    organisation=None,
    user=None,
) -> ChangeRequest:
    names = [n for n in form.cleaned_data if n in CHANGEABLE_OFFER_FIELDS + NEW_OFFER_EXTRA_FIELDS]
    return ChangeRequest.objects.create(
        region=region,
        kind=ChangeRequest.Kind.OFFER_NEW,
        source=source,
        organisation=organisation,
        data=serialise(form, names),
        submitted_by=user if user and user.is_authenticated else None,
        **(_submitter(form) if source == ChangeRequest.Source.PUBLIC else {}),
    )


# --- showing a change ------------------------------------------------------------------------


@dataclass
class DiffRow:
    field: str
    label: str
    old: str
    new: str


def _display(field: forms.Field, value) -> str:
    if value in (None, "", []):
        return "—"
    if isinstance(field, forms.ModelMultipleChoiceField | forms.ModelChoiceField):
        pks = value if isinstance(value, list) else [value]
        objects = field.queryset.filter(pk__in=pks)
        return ", ".join(str(o) for o in objects) or "—"
    if isinstance(field, forms.BooleanField):
        return _("Yes") if value else _("No")
    if isinstance(field, forms.ChoiceField):
        labels = {str(k): str(v) for k, v in field.choices}
        values = value if isinstance(value, list) else [value]
        return ", ".join(labels.get(str(v), str(v)) for v in values)
    return str(value)


def _target_form(change_request: ChangeRequest, data=None):
    region = change_request.region
    if change_request.kind == ChangeRequest.Kind.PROVIDER_CHANGE:
        return ProviderChangeForm(data=data, instance=change_request.organisation)
    instance = change_request.offer or Offer(region=region)
    return OfferChangeForm(data=data, instance=instance, region=region)


def change_request_diff(change_request: ChangeRequest) -> list[DiffRow]:
    """Field by field: the current value and the proposed one."""
    form = _target_form(change_request)
    current = _current_values(change_request)
    rows = []
    for name, new in change_request.data.items():
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


def _current_values(change_request: ChangeRequest) -> dict:
    if change_request.kind == ChangeRequest.Kind.PROVIDER_CHANGE:
        return {
            k: _json_value(v)
            for k, v in model_to_dict(
                change_request.organisation, fields=CHANGEABLE_PROVIDER_FIELDS
            ).items()
        }
    # A new offer starts from the model's defaults (e.g. step-free "unknown").
    offer = change_request.offer or Offer(region=change_request.region)
    values = model_to_dict(offer, fields=CHANGEABLE_OFFER_FIELDS)
    return {k: _json_value(v) for k, v in values.items()}


# --- deciding ---------------------------------------------------------------------------------


class ChangeNotApplicable(Exception):
    """The proposed values no longer pass validation (e.g. the record changed meanwhile)."""

    def __init__(self, errors):
        super().__init__(str(errors))
        self.errors = errors


def _apply(change_request: ChangeRequest):
    reason = f"Change request #{change_request.pk}"
    data = {**_current_values(change_request), **change_request.data}
    if change_request.kind == ChangeRequest.Kind.OFFER_NEW:
        return _create_offer(change_request, data, reason)
    form = _target_form(change_request, data=data)
    if not form.is_valid():
        raise ChangeNotApplicable(form.errors)
    obj = form.save(commit=False)
    obj._change_reason = reason
    obj.save()
    form.save_m2m()
    if change_request.kind == ChangeRequest.Kind.PROVIDER_CHANGE:
        reindex_provider(obj)
    else:
        reindex_offers([obj.pk])
    return obj


def _create_offer(change_request: ChangeRequest, data: dict, reason: str) -> Offer:
    region = change_request.region
    provider = change_request.organisation
    if provider is None:
        name = (data.get("provider_name") or "").strip()
        provider = Organisation.objects.in_region(region).filter(name__iexact=name).first()
        if provider is None:
            provider = Organisation.objects.create(
                region=region, name=name, slug=unique_organisation_slug(region, name)
            )
    form = OfferChangeForm(
        data=data, instance=Offer(region=region, provider=provider), region=region
    )
    if not form.is_valid():
        raise ChangeNotApplicable(form.errors)
    offer = form.save(commit=False)
    offer.status = Offer.Status.PUBLISHED
    offer.published_at = timezone.now()
    offer.last_confirmed_at = timezone.localdate()
    offer._change_reason = reason
    offer.save()
    form.save_m2m()
    municipality = (
        Municipality.objects.in_region(region).filter(pk=data.get("municipality")).first()
    )
    if any(data.get(k) for k in ("place_street", "place_postcode", "place_city")) or municipality:
        OfferPlace.objects.create(
            offer=offer,
            street=data.get("place_street") or "",
            postcode=data.get("place_postcode") or "",
            city=data.get("place_city") or (municipality.name if municipality else ""),
            municipality=municipality,
        )
    reindex_offers([offer.pk])
    return offer


def _notify(change_request: ChangeRequest) -> None:
    if not change_request.submitter_email:
        return
    queue_templated_mail(
        to=change_request.submitter_email,
        template_prefix="offers/email/change_request_decided",
        context={"change_request": change_request, "region": change_request.region},
        region=change_request.region,
    )


@transaction.atomic
def change_request_accept(
    *, change_request: ChangeRequest, user, note: str = "", notify: bool = False
):
    """Apply the proposal to the record; raises ChangeNotApplicable and changes nothing if the
    values are not valid (any more)."""
    change_request = ChangeRequest.objects.select_for_update().get(pk=change_request.pk)
    if change_request.status != ChangeRequest.Status.PENDING:
        return None
    obj = _apply(change_request)
    if isinstance(obj, Offer) and change_request.offer is None:
        change_request.offer = obj
    change_request.status = ChangeRequest.Status.ACCEPTED
    change_request.decided_by = user
    change_request.decided_at = timezone.now()
    change_request.decision_note = note
    change_request.save()
    if notify:
        _notify(change_request)
    return obj


@transaction.atomic
def change_request_reject(
    *, change_request: ChangeRequest, user, note: str = "", notify: bool = False
) -> ChangeRequest:
    change_request.status = ChangeRequest.Status.REJECTED
    change_request.decided_by = user
    change_request.decided_at = timezone.now()
    change_request.decision_note = note
    change_request.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    if notify:
        _notify(change_request)
    return change_request


# --- provider edits -----------------------------------------------------------------------------


@transaction.atomic
def provider_offer_update(*, offer: Offer, form, user=None, source: str) -> str:
    """A provider's edit: live at once, or a pending change request when the region wants to
    approve provider edits. Returns "applied", "pending" or "unchanged"."""
    if not _changed(form, CHANGEABLE_OFFER_FIELDS):
        return "unchanged"
    if offer.region.provider_edits_need_approval:
        suggest_offer_change(offer=offer, form=form, source=source, user=user)
        return "pending"
    offer = form.save(commit=False)
    offer._change_reason = _("Edited by the provider")
    offer.last_confirmed_at = timezone.localdate()
    offer.confirmation_state = Offer.ConfirmationState.CURRENT
    offer.save()
    form.save_m2m()
    reindex_offers([offer.pk])
    return "applied"


@transaction.atomic
def provider_offer_create(*, organisation: Organisation, form, user=None) -> str:
    region = organisation.region
    if region.provider_edits_need_approval:
        suggest_new_offer(
            region=region,
            form=form,
            source=ChangeRequest.Source.PROVIDER,
            organisation=organisation,
            user=user,
        )
        return "pending"
    offer = form.save(commit=False)
    offer.region = region
    offer.provider = organisation
    offer.status = Offer.Status.PUBLISHED
    offer.published_at = timezone.now()
    offer.last_confirmed_at = timezone.localdate()
    offer.save()
    form.save_m2m()
    reindex_offers([offer.pk])
    return "applied"
