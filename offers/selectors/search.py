"""The public offer search: full text in German and in the visitor's language, compounds,
typos, language names in any interface language, facet counts per filter value, sorting and
pagination — with a constant number of queries.

How query words match is ``offers.selectors.text`` (one query); how matches rank, and the
filters, facet counts and the page's ids, ``offers.selectors.facets`` (one query): a title
equal to the query first, then per word a match in the title before one elsewhere, the word
itself before its parts or compounds, and typo neighbours last.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TypedDict
from urllib.parse import urlencode

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import OuterRef
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from offers import languages
from offers.models import (
    Cost,
    Kind,
    Offer,
    OfferPlace,
    TargetGroup,
)
from offers.selectors.facets import (
    PAGE_SIZE,
    FacetCounts,
    apply_filters,
    facets_and_page,
    text_matches,
)
from offers.selectors.text import analyse
from offers.textnorm import query_tokens
from portal.models import FieldOfAction, Municipality, Region

# What a result card (templates/offers/includes/offer_cards.html) shows: model instances with
# only these columns are three times cheaper to build than whole offers with their provider.
CARD_COLUMNS = (
    "id",
    "region_id",
    "provider__name",
    "title",
    "summary",
    "kind",
    "languages",
    "cost",
    "start_date",
    "step_free",
    "confirmation_state",
    "last_confirmed_at",
)
MAP_MARKER_LIMIT = 500
FILTERS = ("field", "kind", "target", "lang", "municipality", "cost", "step_free", "soon")
SORTS = {"relevance": _("Relevance"), "newest": _("Newest"), "title": _("Title")}
FACET_TITLES = {
    "field": _("Field of action"),
    "kind": _("Kind of offer"),
    "target": _("Target group"),
    "lang": _("Language"),
    "municipality": _("Municipality"),
    "cost": _("Cost"),
    "step_free": _("Accessibility"),
    "soon": _("Starting soon"),
}


@dataclass
class SearchParams:
    q: str = ""
    field: str = ""
    kind: str = ""
    target: str = ""
    lang: str = ""
    municipality: str = ""
    cost: str = ""
    step_free: str = ""
    soon: str = ""
    sort: str = ""
    page: int = 1
    view: str = "list"

    def state(self, **changes: str) -> dict[str, str]:
        """The URL parameters of this state (empty ones left out), with changes applied."""
        values = {
            "q": self.q,
            **{name: getattr(self, name) for name in FILTERS},
            "sort": self.sort,
            "view": "" if self.view == "list" else self.view,
            "page": "" if self.page == 1 else str(self.page),
        }
        values.update(changes)
        return {k: v for k, v in values.items() if v}

    def url(self, **changes: str) -> str:
        return "?" + urlencode(self.state(**changes))

    @property
    def url_list(self) -> str:
        return self.url(view="", page="")

    @property
    def url_map(self) -> str:
        return self.url(view="map", page="")

    @property
    def active_filters(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in FILTERS if getattr(self, name)}


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    url: str


@dataclass
class Facet:
    name: str
    title: str
    values: list[FacetValue]
    selected_label: str = ""
    clear_url: str = ""


@dataclass
class Pagination:
    number: int
    num_pages: int
    urls: dict[int, str] = field(default_factory=dict)

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages

    @property
    def window(self) -> list[int]:
        return [n for n in range(self.number - 2, self.number + 3) if 1 <= n <= self.num_pages]


class MapMarker(TypedDict):
    """One place on the result map (the page hands the list to the map script as JSON)."""

    lat: float
    lon: float
    title: str
    url: str
    place: str


@dataclass
class SearchResult:
    params: SearchParams
    offers: list[Offer]
    total: int
    facets: list[Facet]
    pagination: Pagination
    sort: str
    markers: list[MapMarker] = field(default_factory=list)
    language_matches: list[str] = field(default_factory=list)
    estimated: bool = False  # facet counts are estimates from a sample of many matches
    total_estimated: bool = False  # so is the total (a text matching many thousands)


# --- facets -------------------------------------------------------------------------------


def _build_facets(
    params: SearchParams,
    counts: dict[str, dict[str, int]],
    fields: Iterable[FieldOfAction],
    municipalities: Iterable[Municipality],
) -> list[Facet]:
    options: dict[str, list[tuple[str, str, str]]] = {
        # (value in URL, key in counts, label)
        "field": [(f.slug, str(f.pk), f.name) for f in fields],
        "kind": [(v, v, str(label)) for v, label in Kind.choices],
        "target": [(v, v, str(label)) for v, label in TargetGroup.choices],
        "lang": [(lang.code, lang.code, lang.label) for lang in languages.LANGUAGES],
        "municipality": [(m.slug, str(m.pk), m.name) for m in municipalities],
        "cost": [(v, v, str(label)) for v, label in Cost.choices],
        "step_free": [("1", "1", str(_("Step-free access")))],
        "soon": [("1", "1", str(_("Starts within four weeks")))],
    }
    facets = []
    for name in FILTERS:
        current = getattr(params, name)
        values = []
        for value, key, label in options[name]:
            count = counts.get(name, {}).get(key, 0)
            selected = value == current
            if count or selected:
                values.append(
                    FacetValue(
                        value, label, count, selected, params.url(**{name: value, "page": ""})
                    )
                )
        selected_label = next((v.label for v in values if v.selected), "")
        facets.append(
            Facet(
                name,
                str(FACET_TITLES[name]),
                values,
                selected_label,
                params.url(**{name: "", "page": ""}),
            )
        )
    return facets


# --- the search -----------------------------------------------------------------------------


def _page_offers(page_ids: list[int], region: Region) -> list[Offer]:
    """The offers of one page in the order of ``page_ids``, in one query: only what a result
    card shows (``CARD_COLUMNS``), the provider's name and the names of the places."""
    place_names = ArraySubquery(
        OfferPlace.objects.filter(offer=OuterRef("pk"))
        .order_by("id")
        .values(short_name=Coalesce("municipality__name", "city"))
    )
    by_id = {
        offer.pk: offer
        for offer in Offer.objects.filter(pk__in=page_ids)
        .order_by()
        .select_related("provider")
        .only(*CARD_COLUMNS)
        .annotate(place_names=place_names)
    }
    offers = []
    for pk in page_ids:
        offer = by_id.get(pk)
        if offer is None:
            continue  # deleted between the two queries
        offer.region = region  # known already; saves a join for get_absolute_url
        offers.append(offer)
    return offers


def search_offers(
    region: Region,
    params: SearchParams,
    *,
    fields: list[FieldOfAction] | None = None,
    municipalities: list[Municipality] | None = None,
    today: date | None = None,
    visitor_language: str | None = None,
) -> SearchResult:
    """One page of published offers of the region matching ``params``, with facet counts.
    Query words are also read in ``visitor_language`` (default: the active language)."""
    today = today or timezone.localdate()
    fields = list(FieldOfAction.objects.in_region(region)) if fields is None else fields
    if municipalities is None:
        municipalities = list(Municipality.objects.in_region(region))
    ids = {
        "field": {f.slug: f.pk for f in fields},
        "municipality": {m.slug: m.pk for m in municipalities},
    }
    # Unknown filter values (an outdated link) are dropped rather than failing.
    for name in ("field", "municipality"):
        if getattr(params, name) not in ids[name]:
            setattr(params, name, "")
    active = params.active_filters

    text = analyse(params.q, visitor_language or translation.get_language() or "de")
    public = Offer.objects.published().in_region(region)
    sort = params.sort if params.sort in SORTS else ""
    if not sort or (sort == "relevance" and text.match is None):
        sort = "relevance" if text.match is not None else "newest"

    found = FacetCounts({}, 0, [], False)
    # Only words no offer can contain (stop words of every language) find nothing.
    if text.match is not None or not query_tokens(params.q):
        found = facets_and_page(
            region,
            active,
            ids,
            today,
            sort=sort,
            text=text,
            offset=(max(1, params.page) - 1) * PAGE_SIZE,
        )
    counts, total, page_ids = found.counts, found.total, found.page_ids
    num_pages = max(1, math.ceil(total / PAGE_SIZE))
    number = min(max(1, params.page), num_pages)
    params.page = number
    offers = _page_offers(page_ids, region)
    filtered = apply_filters(text_matches(public, text), active, ids, today)

    markers: list[MapMarker] = []
    if params.view == "map":
        markers = [
            {
                "lat": float(place.latitude),
                "lon": float(place.longitude),
                "title": place.offer.title,
                "url": place.offer.get_absolute_url(),
                "place": ", ".join(place.address_lines),
            }
            for place in OfferPlace.objects.filter(
                offer__in=filtered.values("pk"), latitude__isnull=False, longitude__isnull=False
            ).select_related("offer", "offer__region")[:MAP_MARKER_LIMIT]
        ]

    linked = {1, num_pages, number - 1, number + 1, *range(number - 2, number + 3)}
    pagination = Pagination(
        number,
        num_pages,
        {
            n: params.url(page=str(n) if n > 1 else "")
            for n in sorted(linked)
            if 1 <= n <= num_pages
        },
    )
    return SearchResult(
        params=params,
        offers=offers,
        total=total,
        facets=_build_facets(params, counts, fields, municipalities),
        pagination=pagination,
        sort=sort,
        markers=markers,
        language_matches=[languages.label(c) for c in text.language_codes],
        estimated=found.estimated,
        total_estimated=found.total_estimated,
    )
