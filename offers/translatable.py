"""The translatable texts of offers."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from portal import translations


def _needs_translation(offer, field: str) -> bool:
    # "How to register" is a phone number, an e-mail address or a link for these kinds.
    return field != "registration_detail" or offer.registration not in ("phone", "email", "link")


def register() -> None:
    from offers.models import Offer

    translations.register_document(
        "offer",
        model=Offer,
        label=_("Offers"),
        fields=("title", "summary", "description", "schedule", "cost_note", "registration_detail"),
        plain_language=("description",),
        needs_translation=_needs_translation,
        queryset=lambda region: Offer.objects.in_region(region).exclude(
            status=Offer.Status.ARCHIVED
        ),
        order=40,
    )
