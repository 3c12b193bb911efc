"""Filters, facet counts and ranking of the offer search, on the facet keys stored with each
offer (``Offer.facet_keys``: one integer per filter value, see
``offers.models.directory.facet_key``) and its search entry (``SearchEntry``).

The counts of every facet, the total and the ids of one page come from one query: the offers
matching the text are read once (their narrow search entries, joined to the covering index of
public offers; without text that index alone), each active filter is one array containment
test, and the facet values are counted in a single pass over at most ``FACET_SAMPLE`` of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.contrib.postgres.search import SearchRank
from django.db import connection
from django.db.models import (
    Case,
    Expression,
    ExpressionWrapper,
    F,
    IntegerField,
    QuerySet,
    When,
)

from offers import languages
from offers.models import Cost, Kind, Offer, SearchEntry, TargetGroup
from offers.models.directory import (
    FACET_NUMBERS,
    ID_FACETS,
    STARTING_SOON_DAYS,
    facet_key,
    facet_of,
)
from offers.selectors.text import LiteralSearchQuery, TextQuery, any_of
from portal.models import Region

PAGE_SIZE = 20
SOON = FACET_NUMBERS["soon"]
SOON_KEY = facet_key("soon", "1")
# Rows of the result that are not facet keys (which are all > 2**32).
TOTAL_ROW, PAGE_ROW, MATCHED_ROW, COUNTED_ROW = 0, -1, -2, -3
_FACET_NAMES = {number: name for name, number in FACET_NUMBERS.items()}
_CHOICE_VALUES = {
    "kind": Kind.values,
    "cost": Cost.values,
    "target": TargetGroup.values,
    "lang": [language.code for language in languages.LANGUAGES],
    "step_free": ["1"],
    "soon": ["1"],
}
_CHOICE_KEYS = {
    facet_key(name, value): (name, value)
    for name, values in _CHOICE_VALUES.items()
    for value in values
}


def soon_window(today: date) -> tuple[date, date]:
    return today, today + timedelta(days=STARTING_SOON_DAYS)


def filter_keys(active: dict[str, str], ids: dict[str, dict[str, int]]) -> dict[str, int]:
    """Per active filter (except "starting soon", which depends on the day) the facet key an
    offer must have."""
    keys: dict[str, int] = {}
    for name, value in active.items():
        if name == "soon":
            continue
        keys[name] = facet_key(name, ids[name][value] if name in ids else value)
    return keys


def apply_filters(
    queryset: QuerySet[Offer],
    active: dict[str, str],
    ids: dict[str, dict[str, int]],
    today: date,
) -> QuerySet[Offer]:
    """The offers of ``queryset`` that pass every active filter (for the map's markers)."""
    keys = filter_keys(active, ids)
    if keys:
        queryset = queryset.filter(facet_keys__contains=list(keys.values()))
    if active.get("soon"):
        queryset = queryset.filter(start_date__range=soon_window(today))
    return queryset


_ORDER_SQL = {
    "relevance": "m.score DESC, m.rank DESC, m.published_at DESC NULLS LAST, m.id DESC",
    "newest": "m.published_at DESC NULLS LAST, m.id DESC",
    "title": "m.title, m.id",
}
# Facets are counted over at most about this many of the offers matching the text; beyond,
# over an even sample of them (by a hash of the id, so the same on every page load), scaled
# up and shown as estimates. Counting reads every key of every counted offer: for a query
# matching ten thousand offers that was most of the page's time.
FACET_SAMPLE = 1000
# Multiplicative hashing (Knuth): consecutive ids spread evenly over 0 .. 2**32 - 1.
_SAMPLE_HASH = "((m.id * 2654435761) & 4294967295)"


@dataclass
class FacetCounts:
    counts: dict[str, dict[str, int]]
    total: int
    page_ids: list[int]
    estimated: bool  # counts scaled up from a sample


# The score of a match (see offers.selectors.text): per query word the best way it matches in
# the title plus the best way it matches anywhere (the title included) — the word itself before
# its parts and compounds, those before typo neighbours —; a title equal to the query above
# everything.
IN_TITLE = {"word": 16, "tag": 0, "part": 4, "near": 3, "near_part": 2}
ANYWHERE = {"word": 8, "tag": 4, "part": 2, "near": 1, "near_part": 0}
EXACT_TITLE = 64


def _score(text: TextQuery) -> ExpressionWrapper[Expression]:
    score: Expression = Case(When(phrase=text.text, then=EXACT_TITLE), default=0)
    for token in text.tokens:
        in_title: list[When] = []
        anywhere: list[When] = []
        for way in IN_TITLE:
            operands = getattr(token, way)
            if not operands:
                continue
            query = LiteralSearchQuery(any_of(operands))
            if IN_TITLE[way]:
                in_title.append(When(title_vector=query, then=IN_TITLE[way]))
            if ANYWHERE[way]:
                anywhere.append(When(vector=query, then=ANYWHERE[way]))
        score = score + Case(*in_title, default=0) + Case(*anywhere, default=0)
    return ExpressionWrapper(score, output_field=IntegerField())


def text_matches(queryset: QuerySet[Offer], text: TextQuery | None) -> QuerySet[Offer]:
    """The offers of ``queryset`` that match the text (all of them without text)."""
    if text is None or text.match is None:
        return queryset
    return queryset.filter(search_entry__vector=LiteralSearchQuery(text.match))


def _matching(region: Region, text: TextQuery | None, sort: str) -> tuple[str, list[Any], str]:
    """The SQL of the public offers matching the text, with the columns the facet query needs,
    and the order of the page."""
    columns = ["id", "facet_keys", "start_date", "published_at"]
    if sort == "title":
        columns.append("title")
    if text is None or text.match is None:
        # From the covering index offer_public_listing alone.
        queryset = Offer.objects.published().in_region(region).order_by().values(*columns)
        order = _ORDER_SQL["newest" if sort == "relevance" else sort]
    else:
        # From the search entries alone: a query matching thousands reads nothing else.
        queryset = (
            # One filter() each, in this order: the cheap tests run first on every row.
            SearchEntry.objects.filter(region=region)
            .filter(public=True)
            .filter(vector=LiteralSearchQuery(text.match))
            .order_by()
            .values(
                *columns[1:],
                id=F("offer_id"),
                score=_score(text),
                # Among equal scores, more of the query's words in the title first.
                rank=SearchRank(F("title_vector"), LiteralSearchQuery(text.match)),
            )
        )
        order = _ORDER_SQL[sort]
    sql, params = queryset.query.sql_with_params()
    return sql, list(params), order


def facets_and_page(
    region: Region,
    active: dict[str, str],
    ids: dict[str, dict[str, int]],
    today: date,
    *,
    sort: str,
    text: TextQuery | None,
    offset: int,
    sample: int | None = None,
) -> FacetCounts:
    """Counts per value of every facet (each with all *other* filters applied), the total and
    the ids of one page, in one query over the public offers of the region matching the text.

    An offer that passes every filter counts for all its facet keys; one that fails exactly
    one filter counts only for the keys of that filter's facet (that is what the visitor would
    get by changing that filter); one that fails more counts nowhere.
    """
    sample = FACET_SAMPLE if sample is None else sample
    base_sql, base_params, order = _matching(region, text, sort)

    keys = filter_keys(active, ids)
    soon = soon_window(today)
    # (facet number, condition, its parameters) per active filter
    tests: list[tuple[int, str, list[Any]]] = [
        (FACET_NUMBERS[name], "m.facet_keys @> ARRAY[%s]::bigint[]", [key])
        for name, key in keys.items()
    ]
    if active.get("soon"):
        tests.append((SOON, "m.start_date BETWEEN %s AND %s", list(soon)))
    # Passing all filters, written as one containment test: PostgreSQL estimates it from the
    # column's statistics (a computed "misses = 0" would be guessed at 0.5 % and make it sort
    # tens of thousands of keys instead of hashing them).
    passing: tuple[str, list[Any]] = ("TRUE", [])
    if keys:
        passing = ("m.facet_keys @> %s::bigint[]", [list(keys.values())])
    if active.get("soon"):
        passing = (passing[0] + " AND m.start_date BETWEEN %s AND %s", passing[1] + list(soon))

    parts: list[tuple[str, list[Any]]] = []  # the query in order, with the parameters of each part
    if tests:
        misses = " + ".join(f"(NOT ({sql}))::int" for _, sql, _ in tests)
        first_miss = ", ".join(f"CASE WHEN NOT ({sql}) THEN %s END" for _, sql, _ in tests)
        parts += [
            (f"SELECT m.*, {misses} AS misses, ", [p for _, _, ps in tests for p in ps]),
            (f"COALESCE({first_miss}) AS miss ", [p for no, _, ps in tests for p in [*ps, no]]),
            (f"FROM ({base_sql}) m", base_params),
        ]
        # Offers failing one filter count for that filter's facet only.
        near_misses = (
            " UNION ALL SELECT x.k FROM (SELECT unnest(c.facet_keys) AS k, c.miss FROM c "
            "WHERE c.misses = 1) x WHERE x.k >> 32 = x.miss"  # the facet number of the key
        )
        soon_counted = f"m.misses = 0 OR (m.misses = 1 AND m.miss = {SOON})"
        counted_passing = passing[0].replace("m.", "c.")
    else:
        parts.append((base_sql, base_params))
        near_misses, soon_counted, counted_passing = "", "TRUE", passing[0].replace("m.", "c.")
    # Read once: the page, the counts and the sample all go over the matching offers.
    parts.insert(0, ("WITH m AS MATERIALIZED (", []))
    parts += [
        ("), s AS (SELECT count(*) AS matched, count(*) FILTER (WHERE ", []),
        passing,
        (") AS total, count(*) FILTER (WHERE m.start_date BETWEEN %s AND %s", list(soon)),
        (f" AND ({soon_counted})) AS soon FROM m), ", []),
        # The offers whose keys are counted: all, or an even sample of about `sample`.
        (
            f"c AS MATERIALIZED (SELECT m.* FROM m, s WHERE s.matched <= %s "
            f"OR {_SAMPLE_HASH} < %s * 4294967296 / s.matched) ",
            [sample, sample],
        ),
        # unnest() in the select list (a ProjectSet) is about twice as fast as a lateral join.
        ("SELECT f.k, count(*), NULL::bigint[] FROM (", []),
        ("SELECT unnest(c.facet_keys) AS k FROM c WHERE ", []),
        (counted_passing, passing[1]),
        (f"{near_misses}) f GROUP BY f.k ", []),
        ("UNION ALL SELECT %s, s.total, NULL FROM s ", [TOTAL_ROW]),
        ("UNION ALL SELECT %s, s.soon, NULL FROM s ", [SOON_KEY]),
        ("UNION ALL SELECT %s, s.matched, NULL FROM s ", [MATCHED_ROW]),
        ("UNION ALL SELECT %s, (SELECT count(*) FROM c), NULL ", [COUNTED_ROW]),
        ("UNION ALL SELECT %s, 0, ARRAY(SELECT m.id FROM m WHERE ", [PAGE_ROW]),
        passing,
        (f" ORDER BY {order} LIMIT %s ", [PAGE_SIZE]),
        # An outdated link beyond the last page gets the last page.
        (
            "OFFSET LEAST(%s, GREATEST((SELECT s.total FROM s) - 1, 0) / %s * %s))",
            [offset, PAGE_SIZE, PAGE_SIZE],
        ),
    ]
    sql = "".join(sql for sql, _ in parts)
    params = [p for _, ps in parts for p in ps]
    counts: dict[str, dict[str, int]] = {}
    page_ids: list[int] = []
    total = matched = counted = 0
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    for key, count, ids_of_page in rows:
        if key == PAGE_ROW:
            page_ids = ids_of_page
        elif key == TOTAL_ROW:
            total = count
        elif key == MATCHED_ROW:
            matched = count
        elif key == COUNTED_ROW:
            counted = count
    estimated = counted < matched
    for key, count, _ in rows:
        if key > 0 and (decoded := _decode(key)):
            if key == SOON_KEY:
                value = count  # counted over all matches
            elif estimated:
                value = max(1, round(count * matched / counted))
            else:
                value = count
            counts.setdefault(decoded[0], {})[decoded[1]] = value
    return FacetCounts(counts, total, page_ids, estimated)


def _decode(key: int) -> tuple[str, str] | None:
    """A counted facet key as (facet name, value as in the facet options): the primary key as
    a string, or the choice value."""
    name = _FACET_NAMES.get(facet_of(key))
    if name in ID_FACETS:
        return name, str(key & 0xFFFFFFFF)
    return _CHOICE_KEYS.get(key)
