"""Coverage analysis for the inventory and needs analysis (Bestands- und Bedarfsanalyse):
published offers per municipality and field of action, and languages offered per field."""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.db import connection

from offers import languages
from offers.models import Offer
from portal.models import FieldOfAction, Municipality, Region

_PUBLIC = "o.region_id = %s AND o.status = 'published' AND o.confirmation_state <> 'hidden'"


@dataclass
class Cell:
    count: int
    level: int  # 0 (none) … 4 (most), for the heat map's shading


@dataclass
class Coverage:
    fields: list[FieldOfAction]
    rows: list[tuple[Municipality, list[Cell], int]]
    field_totals: list[int]
    languages_by_field: list[tuple[FieldOfAction, list[tuple[str, int]]]]
    offer_count: int
    without_place: int


def coverage(region: Region) -> Coverage:
    fields = list(FieldOfAction.objects.in_region(region))
    municipalities = list(Municipality.objects.in_region(region))
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT p.municipality_id, fo.fieldofaction_id, count(DISTINCT o.id)
            FROM offers_offer o
            JOIN offers_offerplace p ON p.offer_id = o.id
            JOIN offers_offer_fields_of_action fo ON fo.offer_id = o.id
            WHERE {_PUBLIC} AND p.municipality_id IS NOT NULL
            GROUP BY 1, 2
            """,
            [region.pk],
        )
        matrix: dict[tuple[int, int], int] = {(m, f): n for m, f, n in cursor.fetchall()}
        cursor.execute(
            f"""
            SELECT p.municipality_id, count(DISTINCT o.id)
            FROM offers_offer o JOIN offers_offerplace p ON p.offer_id = o.id
            WHERE {_PUBLIC} AND p.municipality_id IS NOT NULL GROUP BY 1
            """,
            [region.pk],
        )
        per_municipality: dict[int, int] = dict(cursor.fetchall())
        cursor.execute(
            f"""
            SELECT fo.fieldofaction_id, lang, count(*)
            FROM offers_offer o
            JOIN offers_offer_fields_of_action fo ON fo.offer_id = o.id,
            unnest(o.languages) AS lang
            WHERE {_PUBLIC}
            GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2
            """,
            [region.pk],
        )
        langs: dict[int, list[tuple[str, int]]] = {}
        for field_id, code, count in cursor.fetchall():
            langs.setdefault(field_id, []).append((languages.label(code), count))
        cursor.execute(
            f"""
            SELECT fo.fieldofaction_id, count(DISTINCT o.id)
            FROM offers_offer o JOIN offers_offer_fields_of_action fo ON fo.offer_id = o.id
            WHERE {_PUBLIC} GROUP BY 1
            """,
            [region.pk],
        )
        per_field: dict[int, int] = dict(cursor.fetchall())
    highest = max(matrix.values(), default=0)

    def cell(n: int) -> Cell:
        return Cell(n, 0 if not n else max(1, math.ceil(4 * n / highest)))

    rows = [
        (
            m,
            [cell(matrix.get((m.pk, f.pk), 0)) for f in fields],
            per_municipality.get(m.pk, 0),
        )
        for m in municipalities
    ]
    public = Offer.objects.published().in_region(region)
    return Coverage(
        fields=fields,
        rows=rows,
        field_totals=[per_field.get(f.pk, 0) for f in fields],
        languages_by_field=[(f, langs.get(f.pk, [])) for f in fields],
        offer_count=public.count(),
        without_place=public.filter(places__isnull=True).count(),
    )


def coverage_table(data: Coverage) -> tuple[list[str], list[list[str | int]]]:
    """Header and rows for the CSV export."""
    header = ["Gemeinde", *(f.name for f in data.fields), "Angebote gesamt"]
    rows: list[list[str | int]] = [
        [m.name, *(c.count for c in cells), total] for m, cells, total in data.rows
    ]
    rows.append(["Landkreis gesamt", *data.field_totals, data.offer_count])
    return header, rows
