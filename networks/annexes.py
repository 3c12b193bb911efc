"""A registry of annexes (Anlagen) that can go into an integration concept's PDF.

Apps register annexes from their ``AppConfig.ready()``::

    from networks.annexes import register_annex

    register_annex(
        "offer_directory",
        title=_("Offer directory"),
        template="offers/pdf/annex_offer_directory.html",
        context_fn=lambda concept: {"offers": ...},
        fingerprint_fn=lambda concept: "...",  # changes when the annex's content changes
    )

Staff choose per concept which annexes go into its PDF (``ConceptAnnex`` rows hold the keys).
The template is rendered with ``concept``, ``region``, ``annex`` and whatever ``context_fn``
returns; it must show public data only (e.g. ``Person.objects.listed_publicly()``). Headings
inside an annex start at ``h3`` (the annex's own title is an ``h2``). ``fingerprint_fn``
returns a short string that changes whenever the annex's content changes; the cached PDF is
regenerated when it does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from networks.models import IntegrationConcept


@dataclass(frozen=True)
class Annex:
    key: str
    title: Any  # a (lazy) translatable string
    template: str
    context_fn: Callable[[IntegrationConcept], dict]
    fingerprint_fn: Callable[[IntegrationConcept], str] | None = None
    order: int = 100

    def context(self, concept: IntegrationConcept) -> dict:
        return {
            "concept": concept,
            "region": concept.region,
            "annex": self,
            **self.context_fn(concept),
        }

    def fingerprint(self, concept: IntegrationConcept) -> str:
        return self.fingerprint_fn(concept) if self.fingerprint_fn else ""


_REGISTRY: dict[str, Annex] = {}


def register_annex(
    key: str,
    *,
    title: Any,
    template: str,
    context_fn: Callable[[IntegrationConcept], dict],
    fingerprint_fn: Callable[[IntegrationConcept], str] | None = None,
    order: int = 100,
) -> Annex:
    """Add (or replace, so a reloaded app does not fail) the annex named ``key``."""
    annex = Annex(key, title, template, context_fn, fingerprint_fn, order)
    _REGISTRY[key] = annex
    return annex


def registered_annexes() -> list[Annex]:
    return sorted(_REGISTRY.values(), key=lambda a: (a.order, a.key))


def get_annex(key: str) -> Annex | None:
    return _REGISTRY.get(key)


def annex_choices() -> list[tuple[str, Any]]:
    return [(a.key, a.title) for a in registered_annexes()]
