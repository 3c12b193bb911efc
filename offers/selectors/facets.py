"""Filters and facet counts of the offer search, on the facet keys stored with each offer
(``Offer.facet_keys``: one integer per filter value, see ``offers.models.directory.facet_key``).

The counts of every facet, the total and the ids of one page come from one query: the offers
matching the text are read once (from a covering index when there is no text), each active
filter is one array containment test, and the facet values are counted in a single pass.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib.postgres.search import SearchRank
from django.db import connection
from django.db.models import F

from offers import languages
from offers.models import Cost, Kind, TargetGroup
from offers.models.directory import (
    FACET_NUMBERS,
    ID_FACETS,
    STARTING_SOON_DAYS,
    facet_key,
    facet_of,
)

PAGE_SIZE = 20
SOON = FACET_NUMBERS["soon"]
SOON_KEY = facet_key("soon", "1")
# Rows of the result that are not facet keys (which are all > 2**32).
TOTAL_ROW, PAGE_ROW = 0, -1
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
    keys = {}
    for name, value in active.items():
        if name == "soon":
            continue
        keys[name] = facet_key(name, ids[name][value] if name in ids else value)
    return keys


def apply_filters(queryset, active: dict[str, str], ids, today: date):
    """The offers of ``queryset`` that pass every active filter (for the map's markers)."""
    keys = filter_keys(active, ids)
    if keys:
        queryset = queryset.filter(facet_keys__contains=list(keys.values()))
    if active.get("soon"):
        queryset = queryset.filter(start_date__range=soon_window(today))
    return queryset


_ORDER_SQL = {
    "relevance": "m.rank DESC, m.published_at DESC NULLS LAST, m.id DESC",
    "newest": "m.published_at DESC NULLS LAST, m.id DESC",
    "title": "m.title, m.id",
}


def facets_and_page(
    matched_qs, active, ids, today: date, *, sort: str, rank_query, offset: int
) -> tuple[dict[str, dict[str, int]], int, list[int]]:
    """Counts per value of every facet (each with all *other* filters applied), the total and
    the ids of one page, in one query over the text-matched offers.

    An offer that passes every filter counts for all its facet keys; one that fails exactly
    one filter counts only for the keys of that filter's facet (that is what the visitor would
    get by changing that filter); one that fails more counts nowhere.
    """
    columns = ["id", "facet_keys", "start_date", "published_at"]
    if sort == "title":
        columns.append("title")
    queryset = matched_qs.order_by()  # the model's default ordering would sort the whole set
    if sort == "relevance":
        queryset = queryset.annotate(rank=SearchRank(F("search_vector"), rank_query))
        columns.append("rank")
    base_sql, base_params = queryset.values(*columns).query.sql_with_params()

    keys = filter_keys(active, ids)
    soon = soon_window(today)
    # (facet number, condition, its parameters) per active filter
    tests: list[tuple[int, str, list]] = [
        (FACET_NUMBERS[name], "m.facet_keys @> ARRAY[%s]::bigint[]", [key])
        for name, key in keys.items()
    ]
    if active.get("soon"):
        tests.append((SOON, "m.start_date BETWEEN %s AND %s", list(soon)))
    # Passing all filters, written as one containment test: PostgreSQL estimates it from the
    # column's statistics (a computed "misses = 0" would be guessed at 0.5 % and make it sort
    # tens of thousands of keys instead of hashing them).
    passing: tuple[str, list] = ("TRUE", [])
    if keys:
        passing = ("m.facet_keys @> %s::bigint[]", [list(keys.values())])
    if active.get("soon"):
        passing = (passing[0] + " AND m.start_date BETWEEN %s AND %s", passing[1] + list(soon))

    parts: list[tuple[str, list]] = []  # the query in order, with the parameters of each part
    if tests:
        misses = " + ".join(f"(NOT ({sql}))::int" for _, sql, _ in tests)
        first_miss = ", ".join(f"CASE WHEN NOT ({sql}) THEN %s END" for _, sql, _ in tests)
        parts += [
            (f"SELECT m.*, {misses} AS misses, ", [p for _, _, ps in tests for p in ps]),
            (f"COALESCE({first_miss}) AS miss ", [p for no, _, ps in tests for p in [*ps, no]]),
            (f"FROM ({base_sql}) m", list(base_params)),
        ]
        # Offers failing one filter count for that filter's facet only.
        near_misses = (
            " UNION ALL SELECT x.k FROM (SELECT unnest(m.facet_keys) AS k, m.miss FROM m "
            "WHERE m.misses = 1) x WHERE x.k >> 32 = x.miss"  # the facet number of the key
        )
        soon_counted = f"m.misses = 0 OR (m.misses = 1 AND m.miss = {SOON})"
    else:
        parts.append((base_sql, list(base_params)))
        near_misses, soon_counted = "", "TRUE"
    # Matching text, ranking and testing filters are worth doing once; with none of them the
    # offers come from an index-only scan that is cheaper to repeat than to materialise.
    materialised = "MATERIALIZED" if rank_query is not None or tests else "NOT MATERIALIZED"
    parts.insert(0, (f"WITH m AS {materialised} (", []))
    parts += [
        ("), s AS (SELECT count(*) FILTER (WHERE ", []),
        passing,
        (") AS total, count(*) FILTER (WHERE m.start_date BETWEEN %s AND %s", list(soon)),
        (f" AND ({soon_counted})) AS soon FROM m) ", []),
        # unnest() in the select list (a ProjectSet) is about twice as fast as a lateral join.
        ("SELECT f.k, count(*), NULL::bigint[] FROM (", []),
        ("SELECT unnest(m.facet_keys) AS k FROM m WHERE ", []),
        passing,
        (f"{near_misses}) f GROUP BY f.k ", []),
        ("UNION ALL SELECT %s, s.total, NULL FROM s ", [TOTAL_ROW]),
        ("UNION ALL SELECT %s, s.soon, NULL FROM s ", [SOON_KEY]),
        ("UNION ALL SELECT %s, 0, ARRAY(SELECT m.id FROM m WHERE ", [PAGE_ROW]),
        passing,
        (f" ORDER BY {_ORDER_SQL[sort]} LIMIT %s ", [PAGE_SIZE]),
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
    total = 0
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for key, count, ids_of_page in cursor.fetchall():
            if key == PAGE_ROW:
                page_ids = ids_of_page
            elif key == TOTAL_ROW:
                total = count
            elif decoded := _decode(key):
                counts.setdefault(decoded[0], {})[decoded[1]] = count
    return counts, total, page_ids


def _decode(key: int) -> tuple[str, str] | None:
    """A counted facet key as (facet name, value as in the facet options): the primary key as
    a string, or the choice value."""
    name = _FACET_NAMES.get(facet_of(key))
    if name in ID_FACETS:
        return name, str(key & 0xFFFFFFFF)
    return _CHOICE_KEYS.get(key)
