"""Dates, times and numbers in the reader's language (CLDR, see portal.lib.l10n).

    {% load local_format %}
    {{ event_date.start|local_date:"full" }}            Sonntag, 27. Dezember 2026
    {{ mail.created_at|local_datetime:"medium" }}       27.12.2026, 16:00
    {{ item.start|local_time }}                         16:00
    {{ d.start|local_datetime_range:d.end }}            Sonntag, 27. Dezember 2026, 16:00–20:00 Uhr
    {{ item.start|local_time_range:item.end }}          16:00–16:20 Uhr
    {{ offer.start_date|local_date_range:offer.end_date }}  1.–3. Sept. 2026
    {{ group.founded|local_date:"yMMMM" }}              Dezember 2026 (any CLDR skeleton)
    {{ value|local_number }} {{ progress|local_percent }} {{ size|local_filesize }}

Empty values give "", so ``|default:"–"`` still works after them.
"""

from __future__ import annotations

from typing import Any

from django import template

from portal.lib import l10n

register = template.Library()


@register.filter
def local_date(value: Any, style: str = "long") -> str:
    return l10n.format_date(value or None, style)


@register.filter
def local_time(value: Any) -> str:
    return l10n.format_time(value or None)


@register.filter
def local_datetime(value: Any, style: str = "long") -> str:
    return l10n.format_datetime(value or None, style)


@register.filter
def local_datetime_range(start: Any, end: Any) -> str:
    if not start:
        return ""
    return l10n.format_datetime_range(start, end or None)


@register.filter
def local_time_range(start: Any, end: Any) -> str:
    if not start:
        return ""
    return l10n.format_time_range(start, end or None)


@register.filter
def local_date_range(start: Any, end: Any) -> str:
    return l10n.format_date_range(start or None, end or None)


@register.filter
def local_number(value: Any, decimals: int | None = None) -> str:
    if value is None or value == "":
        return ""
    return l10n.format_number(value, decimals)


@register.filter
def local_percent(value: Any) -> str:
    if value is None or value == "":
        return ""
    return l10n.format_percent(value)


@register.filter
def local_filesize(value: Any) -> str:
    if value is None or value == "":
        return ""
    return l10n.format_filesize(int(value))
