"""The offers app's annexes of the integration concept's PDF (registered in OffersConfig)."""

from __future__ import annotations

from django.db.models import Count, Max
from django.utils.translation import gettext_lazy as _

from networks.annexes import register_annex
from offers.models import Offer
from offers.selectors.coverage import coverage
from offers.selectors.guide import guide_context


def _fingerprint(concept) -> str:
    row = Offer.objects.in_region(concept.region).aggregate(n=Count("pk"), last=Max("updated_at"))
    return f"{row['n']}:{row['last'].isoformat() if row['last'] else '-'}"


def directory_context(concept) -> dict:
    return {"groups": guide_context(concept.region)["groups"]}


def coverage_context(concept) -> dict:
    return {"coverage": coverage(concept.region)}


def register() -> None:
    register_annex(
        "offer_directory",
        title=_("Offer directory by field of action"),
        template="offers/pdf/annex_offer_directory.html",
        context_fn=directory_context,
        fingerprint_fn=_fingerprint,
        order=30,
    )
    register_annex(
        "offer_coverage",
        title=_("Coverage of offers (municipality × field of action)"),
        template="offers/pdf/annex_coverage.html",
        context_fn=coverage_context,
        fingerprint_fn=_fingerprint,
        order=40,
    )
