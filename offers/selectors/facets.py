"""Filters, facet counts and ranking of the offer search, on the facet keys stored with each
offer (``Offer.facet_keys``: one integer per filter value, see
``offers.models.directory.facet_key``) and its search entry (``SearchEntry``).

The counts of every facet, the total and the ids of one page come from one query (for a text,
after PostgreSQL's estimate of how many offers it matches). Usually the offers matching the
text are read once (their narrow search entries; without text the covering index of public
offers), each active filter is one array containment test, and the facet values are counted
in a single pass over at most ``FACET_SAMPLE`` of them. A text expected to match many
thousands of offers (``MANY_MATCHES``) is not read whole at all: the sample and the page come
through ordered indexes, and the number of matches is estimated from the sample (shown as
"about"), so that such a query costs about as much as one matching a few (``_text_sql``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db import connection, transaction
from django.db.models import QuerySet

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
# The public search entries of a region matching a text (parameters: region, tsquery).
_MATCH_SQL = "e.region_id = %s AND e.public AND e.vector @@ %s::tsquery"
# From this many expected matches on, the facet query reads its sample and page through
# indexes and estimates the number of matches from the sample (``_text_sql``) instead of
# holding, scoring and sorting all of them (``_materialized_sql``). Measured on the search
# benchmark (with RANDOM_PAGE_COST): the indexes pay off from about 4,000 actual matches when
# they are a third or more of the county's offers (half the time of holding them all), not for
# 2,500 (a quarter: twice the time); PostgreSQL's estimates run up to 1.5 times the actual number.
MANY_MATCHES = 5000
# The same over search entries, as the index offer_search_entry_sample has it.
SAMPLE_HASH = "((e.offer_id * 2654435761) & 4294967295)"
_ENTRY_ORDER_SQL = {
    "newest": "e.published_at DESC NULLS LAST, e.offer_id DESC",
    "title": "e.title, e.offer_id",
}
# The planner's cost of a page read out of order during the facet query (facets_and_page).
RANDOM_PAGE_COST = "1.1"
# An estimated number found is off by about 1 / sqrt(FACET_SAMPLE) (3 %); pages from this share
# of it on are counted exactly (what visitors paging to the end of thousands of matches pay).
NEAR_END = 0.85


@dataclass
class FacetCounts:
    counts: dict[str, dict[str, int]]
    total: int
    page_ids: list[int]
    estimated: bool  # counts scaled up from a sample
    total_estimated: bool = False  # the total too (a text matching many thousands)


# The score of a match (see offers.selectors.text): per query word the best way it matches in
# the title plus the best way it matches anywhere (the title included) — the word itself before
# its parts and compounds, those before typo neighbours —; a title equal to the query above
# everything.
IN_TITLE = {"word": 16, "tag": 0, "part": 4, "near": 3, "near_part": 2}
ANYWHERE = {"word": 8, "tag": 4, "part": 2, "near": 1, "near_part": 0}
EXACT_TITLE = 64
# A search vector with one lexeme no query contains (query lexemes have no spaces).
_NO_HIT_VECTOR = "' '::tsvector"


def _ranking(text: TextQuery) -> tuple[str, list[Any]]:
    """The score and the rank of a matching search entry ``e`` (columns "score" and "rank").

    A query matching thousands of offers mostly matches them outside their titles: one test
    whether the title contains any of the query's lexemes spares those entries the per-way
    title tests and ``ts_rank``. Without such a lexeme every title test fails, and ``ts_rank``
    (default normalisation, which ignores the vector's length) gives what it gives any vector
    without them — 0 for an empty one —, so the result is the same as computing them."""
    match = text.match or ""
    hit = ("e.title_vector @@ %s::tsquery", [text.any_lexeme or ""])
    in_title: list[tuple[str, list[Any]]] = []
    anywhere: list[tuple[str, list[Any]]] = []
    for token in text.tokens:
        title_ways: list[tuple[str, list[Any]]] = []
        any_ways: list[tuple[str, list[Any]]] = []
        for way in IN_TITLE:
            operands = getattr(token, way)
            if not operands:
                continue
            query = any_of(operands)
            if IN_TITLE[way]:
                title_ways.append(
                    (f"WHEN e.title_vector @@ %s::tsquery THEN {IN_TITLE[way]}", [query])
                )
            if ANYWHERE[way]:
                any_ways.append((f"WHEN e.vector @@ %s::tsquery THEN {ANYWHERE[way]}", [query]))
        if title_ways:
            in_title.append(_join("CASE ", title_ways, " ", " ELSE 0 END"))
        if any_ways:
            anywhere.append(_join("CASE ", any_ways, " ", " ELSE 0 END"))
    title_score = _join("", in_title, " + ", "") if in_title else ("0", [])
    parts: list[tuple[str, list[Any]]] = [
        (f"(CASE WHEN e.phrase = %s THEN {EXACT_TITLE} ELSE 0 END", [text.text]),
        (" + CASE WHEN ", []),
        hit,
        (" THEN ", []),
        title_score,
        (" ELSE 0 END", []),
        *[(" + " + sql, params) for sql, params in anywhere],
        (") AS score, CASE WHEN ", []),
        hit,
        (" THEN ts_rank(e.title_vector, %s::tsquery) ", [match]),
        ("WHEN length(e.title_vector) = 0 THEN 0 ", []),
        (f"ELSE ts_rank({_NO_HIT_VECTOR}, %s::tsquery) END AS rank", [match]),
    ]
    return _join("", parts, "", "")


def _join(
    before: str, parts: list[tuple[str, list[Any]]], between: str, after: str
) -> tuple[str, list[Any]]:
    """SQL fragments with their parameters joined into one."""
    return (
        before + between.join(sql for sql, _ in parts) + after,
        [p for _, params in parts for p in params],
    )


def text_matches(queryset: QuerySet[Offer], text: TextQuery | None) -> QuerySet[Offer]:
    """The offers of ``queryset`` that match the text (all of them without text)."""
    if text is None or text.match is None:
        return queryset
    return queryset.filter(search_entry__vector=LiteralSearchQuery(text.match))


def _listing(region: Region, sort: str) -> tuple[str, list[Any], str]:
    """The SQL of the public offers of the region, with the columns the facet query needs
    (from the covering index offer_public_listing alone), and the order of the page."""
    columns = ["id", "facet_keys", "start_date", "published_at"]
    if sort == "title":
        columns.append("title")
    queryset = Offer.objects.published().in_region(region).order_by().values(*columns)
    sql, params = queryset.query.sql_with_params()
    return sql, list(params), _ORDER_SQL["newest" if sort == "relevance" else sort]


def _text_matching(region: Region, text: TextQuery, sort: str) -> tuple[str, list[Any], str]:
    """The SQL of the search entries of the region matching the text, with the columns the
    facet query needs (from the search entries alone: their narrow rows), and the order of the
    page."""
    select = ["e.facet_keys", "e.start_date", "e.published_at", "e.offer_id AS id"]
    if sort == "title":
        select.append("e.title")
    ranking: tuple[str, list[Any]] = ("", [])
    if sort == "relevance":
        ranking = _ranking(text)
        select.append(ranking[0])
    sql = f"SELECT {', '.join(select)} FROM {SearchEntry._meta.db_table} e WHERE {_MATCH_SQL}"
    return sql, [*ranking[1], region.pk, text.match], _ORDER_SQL[sort]


@dataclass(frozen=True)
class _Filters:
    """The active filters as SQL over rows called ``alias`` (with ``facet_keys`` and
    ``start_date``), each part a piece of SQL with its parameters."""

    soon: tuple[date, date]
    # Passing every filter, each written as one containment test: PostgreSQL estimates it from
    # the column's statistics (for reading rows through an index; a computed "mask = 0" would
    # be guessed at 0.5 % and make it sort tens of thousands of keys instead of hashing them).
    passing: tuple[str, list[Any]]
    # The column "mask": bit i set when a row fails the i-th active filter, so that each test
    # runs once per row; the rows read once (``m``, ``c``) are then filtered by integer tests.
    mask: tuple[str, list[Any]]
    # The bit of "starting soon" in the mask (0 when that filter is off).
    soon_bit: int
    # The keys of the sample ``c`` failing exactly one filter (one bit set), counted for that
    # filter's facet only (what the visitor would get by changing it).
    near_misses: str


def _filters(
    active: dict[str, str], ids: dict[str, dict[str, int]], today: date, alias: str
) -> _Filters:
    keys = filter_keys(active, ids)
    soon = soon_window(today)
    # (facet number, condition, its parameters) per active filter
    tests: list[tuple[int, str, list[Any]]] = [
        (FACET_NUMBERS[name], f"{alias}.facet_keys @> ARRAY[%s]::bigint[]", [key])
        for name, key in keys.items()
    ]
    soon_test = f"{alias}.start_date BETWEEN %s AND %s"
    if active.get("soon"):
        tests.append((SOON, soon_test, list(soon)))
    passing: tuple[str, list[Any]] = ("TRUE", [])
    if keys:
        passing = (f"{alias}.facet_keys @> %s::bigint[]", [list(keys.values())])
    if active.get("soon"):
        passing = (f"{passing[0]} AND {soon_test}", passing[1] + list(soon))
    if not tests:
        return _Filters(soon, passing, ("0 AS mask", []), 0, "")
    mask = (
        " | ".join(f"((NOT ({sql}))::int << {bit})" for bit, (_, sql, _) in enumerate(tests))
        + " AS mask",
        [p for _, _, ps in tests for p in ps],
    )
    # The facet number of a row's only failed filter (SQL from integer constants only).
    only_miss = " ".join(
        f"WHEN {1 << bit} THEN {number}" for bit, (number, _, _) in enumerate(tests)
    )
    near_misses = (
        f" UNION ALL SELECT x.k FROM (SELECT unnest(c.facet_keys) AS k, CASE c.mask {only_miss} "
        "END AS miss FROM c WHERE c.mask <> 0 AND c.mask & (c.mask - 1) = 0) x "
        "WHERE x.k >> 32 = x.miss"  # the facet number of the key
    )
    soon_bit = 1 << (len(tests) - 1) if active.get("soon") else 0
    return _Filters(soon, passing, mask, soon_bit, near_misses)


def _counted(filters: _Filters, alias: str) -> str:
    """Of the rows read once (with the column "mask"), those passing every filter but
    "starting soon" that start soon: the count of that facet value (SQL; parameters: the soon
    window)."""
    return f"{alias}.mask & ~{filters.soon_bit} = 0 AND {alias}.start_date BETWEEN %s AND %s"


def _text_sql(
    region: Region,
    active: dict[str, str],
    ids: dict[str, dict[str, int]],
    today: date,
    sort: str,
    text: TextQuery,
    offset: int,
    sample: int,
) -> tuple[str, list[Any]]:
    """The facet query with text, over the search entries of the region matching it.

    The sample whose facet keys are counted is the ``sample`` matching entries first in an
    order by a hash of their id (``c``, through the index offer_search_entry_sample: for a
    query matching thousands about as many entries as it keeps); the numbers found (``n``,
    ``s``) are exact when it holds every match and estimated from it otherwise. The page comes
    from ordered indexes too (see ``_relevance_page``): a query matching ten thousand offers
    reads little more than its sample and its page."""
    match = (_MATCH_SQL, [region.pk, text.match])
    # The filters over the entries ``e``; the sample ``c`` keeps their mask.
    filters = _filters(active, ids, today, "e")
    where = _join("", [match, filters.passing], " AND ", "")
    entries = f"FROM {SearchEntry._meta.db_table} e WHERE "
    parts: list[tuple[str, list[Any]]] = [
        # The sample: the first ``sample`` matches in the order of a hash of their id, read
        # through the index offer_search_entry_sample (about as many entries as it keeps).
        ("WITH c AS MATERIALIZED (SELECT e.facet_keys, e.start_date, ", []),
        filters.mask,
        (f", {SAMPLE_HASH} AS h {entries}", []),
        match,
        (f" ORDER BY {SAMPLE_HASH} LIMIT %s)", [sample]),
        # How many match, without reading them all: exact when the sample holds every match;
        # otherwise from how far into the hash range the sample reached (the k-th smallest of
        # n evenly spread hashes lies near k/n of the range, so n is about (k - 1) * range / h).
        (
            ", n AS (SELECT count(*) AS sampled, CASE WHEN count(*) < %s THEN count(*) "
            "ELSE (count(*) - 1) * 4294967296.0 / (max(c.h) + 1) END AS matched FROM c)",
            [sample],
        ),
        # Those passing the filters (and starting soon) in the same proportion as in the sample.
        (", s AS (SELECT round(n.matched)::bigint AS matched, round(n.matched * (", []),
        ("SELECT count(*) FROM c WHERE c.mask = 0", []),
        (") / GREATEST(n.sampled, 1))::bigint AS total, round(n.matched * (", []),
        (f"SELECT count(*) FROM c WHERE {_counted(filters, 'c')}", list(filters.soon)),
        (") / GREATEST(n.sampled, 1))::bigint AS soon FROM n)", []),
        # An outdated link beyond the last page gets the last page.
        (
            ", o AS (SELECT LEAST(%s, GREATEST(s.total - 1, 0) / %s * %s) AS skip FROM s)",
            [offset, PAGE_SIZE, PAGE_SIZE],
        ),
    ]
    if sort == "relevance":
        best_newest, page = _relevance_page(text, where, entries, offset)
        parts += [(", ", []), best_newest]
    else:
        page = _join(
            f"SELECT e.offer_id {entries}",
            [where],
            "",
            f" ORDER BY {_ENTRY_ORDER_SQL[sort]} LIMIT {PAGE_SIZE} OFFSET (SELECT o.skip FROM o)",
        )
    parts += [
        # unnest() in the select list (a ProjectSet) is about twice as fast as a lateral join.
        (" SELECT f.k, count(*), NULL::bigint[] FROM (", []),
        (f"SELECT unnest(c.facet_keys) AS k FROM c WHERE c.mask = 0{filters.near_misses}) f ", []),
        ("GROUP BY f.k ", []),
        ("UNION ALL SELECT %s, s.total, NULL FROM s ", [TOTAL_ROW]),
        ("UNION ALL SELECT %s, s.soon, NULL FROM s ", [SOON_KEY]),
        ("UNION ALL SELECT %s, s.matched, NULL FROM s ", [MATCHED_ROW]),
        ("UNION ALL SELECT %s, (SELECT count(*) FROM c), NULL ", [COUNTED_ROW]),
        ("UNION ALL SELECT %s, 0, ARRAY(", [PAGE_ROW]),
        page,
        (")", []),
    ]
    return _join("", parts, "", "")


def _relevance_page(
    text: TextQuery, where: tuple[str, list[Any]], entries: str, offset: int
) -> tuple[tuple[str, list[Any]], tuple[str, list[Any]]]:
    """The ids of the page in the order of relevance, scoring only entries that can reach it
    (a query and the common table expression ``b`` it reads).

    Entries whose title contains none of the query's lexemes (and is not the query) score only
    for where the words match, and rank the same (``_ranking``): of those, the ones where every
    word matches in its best way score highest, and among them the newest come first — read
    newest first through the index offer_search_entry_newest until the page is full. The other
    entries are scored in full: those with a title match (through the index
    offer_search_entry_title) always, the rest only when the best ones do not fill the page.
    """
    ranking = _ranking(text)
    hit = ("(e.title_vector @@ %s::tsquery OR e.phrase = %s)", [text.any_lexeme, text.text])
    plain = ("NOT (e.title_vector @@ %s::tsquery) AND e.phrase <> %s", [text.any_lexeme, text.text])
    best_score = 0
    best: list[tuple[str, list[Any]]] = []
    for token in text.tokens:
        way = next((w for w in ("word", "tag", "part", "near") if getattr(token, w)), None)
        if way:
            best_score += ANYWHERE[way]
            best.append(("e.vector @@ %s::tsquery", [any_of(getattr(token, way))]))
    # The rank of a title without any of the lexemes; an empty one ranks 0, below it or equal.
    no_hit_rank = (f"ts_rank({_NO_HIT_VECTOR}, %s::tsquery)", [text.match])
    top = _join(
        "",
        [
            *best,
            (f"({no_hit_rank[0]} = 0 OR length(e.title_vector) > 0)", no_hit_rank[1]),
        ],
        " AND ",
        "",
    )
    enough = offset + PAGE_SIZE  # at least the page's end (an outdated offset only shrinks)
    parts: list[tuple[str, list[Any]]] = [
        ("SELECT p.id FROM (SELECT e.offer_id AS id, e.published_at, ", []),
        ranking,
        (f" {entries}", []),
        _join("", [where, hit], " AND ", ""),
        (" UNION ALL SELECT b.id, b.published_at, %s, ", [best_score]),
        no_hit_rank,
        (" FROM b UNION ALL SELECT e.offer_id, e.published_at, ", []),
        ranking,
        (f" {entries}", []),
        _join("", [where, plain], " AND ", ""),
        (" AND NOT (", []),
        top,
        (") AND (SELECT count(*) FROM b) < %s", [enough]),
        (") p ORDER BY p.score DESC, p.rank DESC, p.published_at DESC NULLS LAST, p.id DESC ", []),
        (f"LIMIT {PAGE_SIZE} OFFSET (SELECT o.skip FROM o)", []),
    ]
    # The best of the others, newest first (read once: listed, and counted).
    best_newest = _join(
        f"b AS MATERIALIZED (SELECT e.offer_id AS id, e.published_at {entries}",
        [_join("", [where, plain, top], " AND ", "")],
        "",
        f" ORDER BY {_ENTRY_ORDER_SQL['newest']} LIMIT %s)",
    )
    best_newest[1].append(enough)
    return best_newest, _join("", parts, "", "")


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
    if text is None or text.match is None:
        # The listing needs no cost setting: it reads the covering index of public offers either
        # way (the same plan with 1.1 and with 4).
        with connection.cursor() as cursor:
            cursor.execute(
                *_materialized_sql(_listing(region, sort), active, ids, today, offset, sample)
            )
            return _read(cursor.fetchall())
    with transaction.atomic(), connection.cursor() as cursor:
        # The planner's cost of reading a page out of order, for this transaction only, as
        # PostgreSQL's documentation advises for SSDs and data in memory (its default of 4
        # models spinning disks). With 4, a text matching thousands of offers in a large county
        # was tested against every search entry of the county instead of read through the
        # full-text index: half the time on the search benchmark. (Set for all queries, it made
        # the test suite a tenth slower.)
        cursor.execute("SELECT set_config('random_page_cost', %s, true)", [RANDOM_PAGE_COST])
        if _estimated_matches(cursor, region, text) >= MANY_MATCHES:
            cursor.execute(*_text_sql(region, active, ids, today, sort, text, offset, sample))
            found = _read(cursor.fetchall())
            if not found.estimated or offset + PAGE_SIZE < found.total * NEAR_END:
                found.total_estimated = found.estimated  # the sample did not hold every match
                return found
            # A page near the estimated end is counted exactly, so that the last page is the
            # real one (an estimate a little too low would leave matches beyond the pages).
        base = _text_matching(region, text, sort)
        cursor.execute(*_materialized_sql(base, active, ids, today, offset, sample))
        return _read(cursor.fetchall())


def _estimated_matches(cursor: Any, region: Region, text: TextQuery) -> int:
    """How many public offers of the region PostgreSQL expects to match the text (from the
    statistics of the search vectors; planned, not run)."""
    cursor.execute(
        f"EXPLAIN (FORMAT JSON) SELECT 1 FROM {SearchEntry._meta.db_table} e WHERE {_MATCH_SQL}",
        [region.pk, text.match],
    )
    plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])


def _materialized_sql(
    base: tuple[str, list[Any], str],
    active: dict[str, str],
    ids: dict[str, dict[str, int]],
    today: date,
    offset: int,
    sample: int,
) -> tuple[str, list[Any]]:
    """The facet query over the offers of ``base`` (its SQL, parameters and the order of the
    page), read once: the page, the counts and the sample all go over them."""
    base_sql, base_params, order = base
    filters = _filters(active, ids, today, "m")
    parts: list[tuple[str, list[Any]]] = [
        # Read once, each filter tested once per row: the page, the counts and the sample all go
        # over the matching offers.
        ("WITH m AS MATERIALIZED (SELECT m.*, ", []),
        filters.mask,
        (f" FROM ({base_sql}) m", base_params),
        ("), s AS (SELECT count(*) AS matched, count(*) FILTER (WHERE m.mask = 0) AS total, ", []),
        (f"count(*) FILTER (WHERE {_counted(filters, 'm')}) AS soon FROM m), ", list(filters.soon)),
        # The offers whose keys are counted: all, or an even sample of about `sample`.
        (
            f"c AS MATERIALIZED (SELECT m.* FROM m, s WHERE s.matched <= %s "
            f"OR {_SAMPLE_HASH} < %s * 4294967296 / s.matched) ",
            [sample, sample],
        ),
        # unnest() in the select list (a ProjectSet) is about twice as fast as a lateral join.
        ("SELECT f.k, count(*), NULL::bigint[] FROM (", []),
        ("SELECT unnest(c.facet_keys) AS k FROM c WHERE c.mask = 0", []),
        (f"{filters.near_misses}) f GROUP BY f.k ", []),
        ("UNION ALL SELECT %s, s.total, NULL FROM s ", [TOTAL_ROW]),
        ("UNION ALL SELECT %s, s.soon, NULL FROM s ", [SOON_KEY]),
        ("UNION ALL SELECT %s, s.matched, NULL FROM s ", [MATCHED_ROW]),
        ("UNION ALL SELECT %s, (SELECT count(*) FROM c), NULL ", [COUNTED_ROW]),
        ("UNION ALL SELECT %s, 0, ARRAY(SELECT m.id FROM m WHERE m.mask = 0 ", [PAGE_ROW]),
        (f"ORDER BY {order} LIMIT %s ", [PAGE_SIZE]),
        # An outdated link beyond the last page gets the last page.
        (
            "OFFSET LEAST(%s, GREATEST((SELECT s.total FROM s) - 1, 0) / %s * %s))",
            [offset, PAGE_SIZE, PAGE_SIZE],
        ),
    ]
    return _join("", parts, "", "")


def _read(rows: list[tuple[int, int, list[int] | None]]) -> FacetCounts:
    """The result of the facet query: (facet key or row number, count, page ids) per row."""
    counts: dict[str, dict[str, int]] = {}
    page_ids: list[int] = []
    total = matched = counted = 0
    for key, count, ids_of_page in rows:
        if key == PAGE_ROW:
            page_ids = ids_of_page or []
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
