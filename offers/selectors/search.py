"""The public offer search: German full text, typo and compound tolerance, language names,
facet counts per filter value, sorting and pagination — with a constant number of queries.

How a query word matches (``text_condition``):
- full text with German stemming: "Sprachkurse" finds "Sprachkurs";
- as a prefix of a stemmed word: "Sprache" finds "Sprachkurs";
- through the vocabulary (``SearchWord``): words that contain it ("Kurs" → "Sprachkurs",
  "Beratung" → "Migrationsberatung") or are similar to it by trigrams (typos);
- umlauts and their transliterations are one (``textnorm.normalise``);
- a language name in German, English or the language itself ("arabisch", "Arabic",
  "العربية") also finds offers given in that language.
All words must match (AND); results are ranked by ``ts_rank`` with the title weighted highest.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from urllib.parse import urlencode

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from offers import languages
from offers.models import (
    SEARCH_CONFIG,
    Cost,
    Kind,
    Offer,
    OfferPlace,
    StepFree,
    TargetGroup,
)
from offers.models.directory import STARTING_SOON_DAYS
from offers.textnorm import language_code, query_tokens
from portal.models import FieldOfAction, Municipality, Region

PAGE_SIZE = 20
# Columns a result card never shows; leaving them out keeps the sorted rows narrow.
HEAVY_COLUMNS = ("description", "lessons_learned", "search_title", "search_body", "search_vector")
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

    def state(self, **changes) -> dict[str, str]:
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

    def url(self, **changes) -> str:
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


@dataclass
class SearchResult:
    params: SearchParams
    offers: list[Offer]
    total: int
    facets: list[Facet]
    pagination: Pagination
    sort: str
    markers: list[dict] = field(default_factory=list)
    language_matches: list[str] = field(default_factory=list)


# --- text -----------------------------------------------------------------------------------

_EXPAND_SQL = """
SELECT t.token, numnode(plainto_tsquery(%s::regconfig, t.token)), e.words, e.parts, e.sims
FROM unnest(%s::text[]) AS t(token)
LEFT JOIN LATERAL (
    SELECT array_agg(x.word ORDER BY x.sim DESC, x.word) AS words,
           array_agg(x.part ORDER BY x.sim DESC, x.word) AS parts,
           array_agg(x.sim ORDER BY x.sim DESC, x.word) AS sims
    FROM (
        SELECT w.word, w.word LIKE '%%' || t.token || '%%' AS part,
               similarity(w.word, t.token) AS sim
        FROM offers_searchword w
        WHERE w.word LIKE '%%' || t.token || '%%' OR w.word %% t.token
        ORDER BY sim DESC, w.word
        LIMIT 12
    ) x
) e ON TRUE
"""
# A word only similar (not containing the query word) must be nearly as close as the closest
# one: "Sprachkurse" expands to "sprachkurs", not also to "sprachcafe".
SIMILARITY_MARGIN = 0.15


def _expansions(tokens: list[str]) -> dict[str, tuple[int, list[str]]]:
    if not tokens:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(_EXPAND_SQL, [SEARCH_CONFIG, tokens])
        rows = cursor.fetchall()
    expanded = {}
    for token, nodes, words, parts, sims in rows:
        words, parts, sims = words or [], parts or [], sims or []
        best = max((s for s, p in zip(sims, parts, strict=True) if not p), default=0)
        kept = [
            w
            for w, p, s in zip(words, parts, sims, strict=True)
            if p or s >= best - SIMILARITY_MARGIN
        ]
        expanded[token] = (nodes, kept)
    return expanded


@dataclass
class TextMatch:
    condition: Q | None
    rank_query: SearchQuery | None
    language_codes: list[str]


def text_condition(q: str) -> TextMatch:
    """The filter (one condition per query word, ANDed) and the query to rank by."""
    tokens = query_tokens(q)
    expanded = _expansions(tokens)
    condition: Q | None = None
    rank_query: SearchQuery | None = None
    codes: list[str] = []
    for token in tokens:
        nodes, words = expanded.get(token, (0, []))
        code = language_code(token)
        if nodes == 0 and not words and not code:
            continue  # a stop word of the German dictionary: it cannot narrow the search
        query = SearchQuery(f"{token}:*", search_type="raw", config=SEARCH_CONFIG)
        for word in words:
            query = query | SearchQuery(word, config=SEARCH_CONFIG)
        token_condition = Q(search_vector=query)
        if code:
            token_condition |= Q(languages__contains=[code])
            codes.append(code)
        condition = token_condition if condition is None else condition & token_condition
        rank_query = query if rank_query is None else rank_query | query
    return TextMatch(condition, rank_query, codes)


# --- filters and facets ---------------------------------------------------------------------


def _soon_window(today: date) -> tuple[date, date]:
    return today, today + timedelta(days=STARTING_SOON_DAYS)


def _filter_q(name: str, value: str, ids: dict[str, dict[str, int]], today: date) -> Q:
    if name == "field":
        return Q(fields_of_action__id=ids["field"][value])
    if name == "municipality":
        return Q(
            pk__in=OfferPlace.objects.filter(municipality_id=ids["municipality"][value]).values(
                "offer_id"
            )
        )
    if name == "kind":
        return Q(kind=value)
    if name == "cost":
        return Q(cost=value)
    if name == "target":
        return Q(target_groups__contains=[value])
    if name == "lang":
        return Q(languages__contains=[value])
    if name == "step_free":
        return Q(step_free=StepFree.YES)
    start, end = _soon_window(today)
    return Q(start_date__gte=start, start_date__lte=end)


def _filter_sql(name: str, value: str, ids: dict[str, dict[str, int]], today: date):
    """The same filters as ``_filter_q`` on the CTE ``m`` of matched offers."""
    if name == "field":
        return (
            "EXISTS (SELECT 1 FROM offers_offer_fields_of_action x "
            "WHERE x.offer_id = m.id AND x.fieldofaction_id = %s)",
            [ids["field"][value]],
        )
    if name == "municipality":
        return (
            "EXISTS (SELECT 1 FROM offers_offerplace p "
            "WHERE p.offer_id = m.id AND p.municipality_id = %s)",
            [ids["municipality"][value]],
        )
    if name in ("kind", "cost"):
        return f"m.{name} = %s", [value]
    if name == "target":
        return "m.target_groups @> ARRAY[%s]::varchar[]", [value]
    if name == "lang":
        return "m.languages @> ARRAY[%s]::varchar[]", [value]
    if name == "step_free":
        return "m.step_free = %s", [StepFree.YES.value]
    return "m.start_date BETWEEN %s AND %s", list(_soon_window(today))


# What each facet counts in the CTE ``m``: (FROM addition, value expression, count expression).
_FACET_SQL = {
    "kind": ("", "m.kind", "count(*)"),
    "cost": ("", "m.cost", "count(*)"),
    "target": (", unnest(m.target_groups) AS v", "v", "count(*)"),
    "lang": (", unnest(m.languages) AS v", "v", "count(*)"),
    "field": (
        " JOIN offers_offer_fields_of_action fo ON fo.offer_id = m.id",
        "fo.fieldofaction_id::text",
        "count(*)",
    ),
    "municipality": (
        " JOIN offers_offerplace pl ON pl.offer_id = m.id AND pl.municipality_id IS NOT NULL",
        "pl.municipality_id::text",
        "count(DISTINCT m.id)",
    ),
}


def _facet_counts(matched_qs, active: dict[str, str], ids, today) -> tuple[dict, int]:
    """Counts per value of every facet, each with all *other* filters applied, plus the total,
    in one query over the text-matched offers."""
    base_sql, base_params = (
        matched_qs.order_by()  # the model's default ordering would sort the whole set
        .values("id", "kind", "cost", "languages", "target_groups", "step_free", "start_date")
        .query.sql_with_params()
    )
    conditions = {name: _filter_sql(name, value, ids, today) for name, value in active.items()}

    def where(excluding: str | None) -> tuple[str, list]:
        parts = [(sql, params) for name, (sql, params) in conditions.items() if name != excluding]
        if not parts:
            return "TRUE", []
        return " AND ".join(sql for sql, _ in parts), [p for _, params in parts for p in params]

    selects: list[str] = []
    params: list = list(base_params)
    for name, (joins, value_expr, count_expr) in _FACET_SQL.items():
        clause, clause_params = where(name)
        selects.append(
            f"SELECT '{name}', {value_expr}, {count_expr} FROM m{joins} WHERE {clause} GROUP BY 2"
        )
        params += clause_params
    for name in ("step_free", "soon"):
        clause, clause_params = where(name)
        own, own_params = _filter_sql(name, "1", ids, today)
        selects.append(f"SELECT '{name}', '1', count(*) FROM m WHERE {clause} AND {own}")
        params += clause_params + own_params
    clause, clause_params = where(None)
    selects.append(f"SELECT 'total', '', count(*) FROM m WHERE {clause}")
    params += clause_params
    sql = f"WITH m AS MATERIALIZED ({base_sql}) " + " UNION ALL ".join(selects)
    counts: dict[str, dict[str, int]] = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for name, value, count in cursor.fetchall():
            counts.setdefault(name, {})[value] = count
    total = counts.pop("total", {}).get("", 0)
    return counts, total


def _build_facets(params: SearchParams, counts, fields, municipalities) -> list[Facet]:
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


def search_offers(
    region: Region,
    params: SearchParams,
    *,
    fields: list[FieldOfAction] | None = None,
    municipalities: list[Municipality] | None = None,
    today: date | None = None,
) -> SearchResult:
    """One page of published offers of the region matching ``params``, with facet counts."""
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

    text = text_condition(params.q)
    matched = Offer.objects.published().in_region(region)
    if params.q and text.condition is None and query_tokens(params.q):
        matched = matched.none()  # only words no offer can contain
    elif text.condition is not None:
        matched = matched.filter(text.condition)

    counts, total = _facet_counts(matched, active, ids, today)

    filtered = matched
    for name, value in active.items():
        filtered = filtered.filter(_filter_q(name, value, ids, today))

    sort = params.sort if params.sort in SORTS else ""
    if not sort:
        sort = "relevance" if text.rank_query is not None else "newest"
    if sort == "relevance" and text.rank_query is not None:
        ordered = filtered.annotate(rank=SearchRank(F("search_vector"), text.rank_query)).order_by(
            "-rank", "-published_at", "-id"
        )
    elif sort == "title":
        ordered = filtered.order_by("title", "id")
    else:
        ordered = filtered.order_by(F("published_at").desc(nulls_last=True), "-id")

    num_pages = max(1, math.ceil(total / PAGE_SIZE))
    number = min(max(1, params.page), num_pages)
    params.page = number
    offset = (number - 1) * PAGE_SIZE
    # No joins before the LIMIT: the page's 20 rows are sorted narrow, providers come after.
    offers = list(
        ordered.defer(*HEAVY_COLUMNS).prefetch_related(
            "provider", "fields_of_action", "places__municipality"
        )[offset : offset + PAGE_SIZE]
    )
    for offer in offers:
        offer.region = region  # known already; saves a join for get_absolute_url

    markers: list[dict] = []
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
    )
