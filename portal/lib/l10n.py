"""Dates, times and numbers as each interface language writes them, from CLDR (via Babel).

Django's ``date`` filter takes one PHP-style pattern for every language, so a German pattern
("l, j. F Y") gave English readers "Sunday, 27. December 2026", and its month and weekday names
come from Django's catalogues (Arabic weekday names without the article, nothing at all for
Tigrinya). CLDR has each locale's own patterns and names: "Sonntag, 27. Dezember 2026",
"Sunday, 27 December 2026", "الأحد، 27 ديسمبر 2026", "ሰንበት፣ 27 ታሕሳስ 2026".

Templates use the filters in ``portal/templatetags/local_format.py``; Python code (form labels,
mails, PDFs, feeds) calls these functions. The language is the active one unless given.

Styles are CLDR's: "full" (with weekday), "long" (month named), "medium" (compact, for tables:
27.12.2026), "short". Any other string is a CLDR skeleton: "yMMMM" (December 2026), "y"
(2026), "yM" (12/2026), "MMMEd" (Sun, 27 Dec).
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Literal

from babel import Locale, UnknownLocaleError
from babel import dates as babel_dates
from babel import lists as babel_lists
from babel import numbers as babel_numbers
from babel import units as babel_units
from django.conf import settings
from django.utils import timezone, translation

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise

DateValue = datetime.date | datetime.datetime
Number = int | float | Decimal
STYLES = ("full", "long", "medium", "short")

# The CLDR locale behind an interface language where the bare language is not what our
# readers expect. English: the portal serves people living in Germany, so day-month-year and
# the 24-hour clock (British English), not "12/27/26, 9:30 PM". Tigrinya: most speakers in
# Germany come from Eritrea.
CLDR_LOCALES = {"en": "en_GB", "ti": "ti_ER"}


def interface_languages() -> list[tuple[str, _StrOrPromise]]:
    """settings.LANGUAGES as a model field's choices. Given as this callable, not as the list,
    the choices stay out of the migrations: adding an interface language needs none."""
    return list(settings.LANGUAGES)


@cache
def babel_locale(language: str) -> Locale:
    code = CLDR_LOCALES.get(language, language)
    try:
        return Locale.parse(code.replace("-", "_"))
    except (ValueError, LookupError, UnknownLocaleError):
        return Locale.parse(settings.LANGUAGE_CODE)


def current_locale(language: str | None = None) -> Locale:
    return babel_locale(language or translation.get_language() or settings.LANGUAGE_CODE)


def _local(value: DateValue) -> DateValue:
    """Aware datetimes on the portal's wall clock (Europe/Berlin), as everywhere else."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def _day(value: DateValue) -> datetime.date:
    value = _local(value)
    return value.date() if isinstance(value, datetime.datetime) else value


def format_date(
    value: DateValue | None, style: str = "long", *, language: str | None = None
) -> str:
    """The date of ``value`` ("" for none): a style or a CLDR skeleton (see the module)."""
    if value is None or value == "":
        return ""
    day = _day(value)
    locale = current_locale(language)
    if style in STYLES:
        return str(babel_dates.format_date(day, style, locale=locale))
    return str(babel_dates.format_skeleton(style, day, locale=locale))


def format_time(
    value: datetime.datetime | datetime.time | None, *, language: str | None = None
) -> str:
    """Hours and minutes: "09:30" in German, "9:30 ص" in Arabic."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime.datetime):
        value = _local(value)  # type: ignore[assignment]
    return str(babel_dates.format_time(value, "short", locale=current_locale(language)))


def _join(locale: Locale, style: str, date_text: str, time_text: str) -> str:
    # The locale's own glue between date and time ("{1}, {0}", Persian "{1}، ساعت {0}").
    pattern = str(locale.datetime_formats.get(style if style in STYLES else "medium"))
    return pattern.replace("'", "").replace("{1}", date_text).replace("{0}", time_text)


def format_datetime(
    value: datetime.datetime | None, style: str = "long", *, language: str | None = None
) -> str:
    """Date in ``style`` and the time: "Sonntag, 27. Dezember 2026, 09:30"."""
    if value is None or value == "":
        return ""
    locale = current_locale(language)
    return _join(
        locale,
        style,
        format_date(value, style, language=language),
        format_time(value, language=language),
    )


def format_time_range(
    start: datetime.datetime | datetime.time,
    end: datetime.datetime | datetime.time | None,
    *,
    language: str | None = None,
) -> str:
    """From-to times in the locale's way: "09:30–11:30 Uhr", "9:30 تا 11:30"."""
    if end is None or end == "":
        return format_time(start, language=language)
    if isinstance(start, datetime.datetime):
        start = _local(start)  # type: ignore[assignment]
    if isinstance(end, datetime.datetime):
        end = _local(end)  # type: ignore[assignment]
    if isinstance(start, datetime.time) and isinstance(end, datetime.time):
        # Babel needs datetimes for an interval; any common day does.
        day = datetime.date(2000, 1, 1)
        start = datetime.datetime.combine(day, start)
        end = datetime.datetime.combine(day, end)
    locale = current_locale(language)
    # The locale's own clock: 24 hours in German, "4:00–8:00 م" in Arabic.
    skeleton = "hm" if "h" in str(locale.time_formats["short"].pattern) else "Hm"
    return str(babel_dates.format_interval(start, end, skeleton, locale=locale))


def format_datetime_range(
    start: datetime.datetime,
    end: datetime.datetime | None,
    style: str = "full",
    *,
    language: str | None = None,
) -> str:
    """An event's time span: on one day the date once and the times from-to ("Sonntag,
    27. Dezember 2026, 16:00–20:00 Uhr"), across days both dates with their times."""
    if end is None:
        return format_datetime(start, style, language=language)
    local_start, local_end = _local(start), _local(end)
    assert isinstance(local_start, datetime.datetime) and isinstance(local_end, datetime.datetime)
    if local_start.date() == local_end.date():
        return _join(
            current_locale(language),
            style,
            format_date(local_start, style, language=language),
            format_time_range(local_start, local_end, language=language),
        )
    return (
        f"{format_datetime(local_start, style, language=language)} – "
        f"{format_datetime(local_end, style, language=language)}"
    )


def format_date_range(
    start: datetime.date | None,
    end: datetime.date | None,
    style: Literal["medium", "short"] = "medium",
    *,
    language: str | None = None,
) -> str:
    """A period of days, shared parts written once: "27.–29. Dez. 2026", "27–29 ديسمبر 2026"."""
    if start is None or end is None:
        return format_date(start or end, style, language=language)
    start, end = _day(start), _day(end)
    skeleton = "yMMMd" if style == "medium" else "yMd"
    locale = current_locale(language)
    return str(babel_dates.format_interval(start, end, skeleton, locale=locale))


def format_list(items: Sequence[str], *, language: str | None = None) -> str:
    """Items as a sentence lists them: "Goslar, Seesen und Braunlage", "Goslar وSeesen
    وBraunlage", "Goslar، Seesen و Braunlage" (CLDR's "standard" list: Babel lacks the shorter
    styles for several of our languages)."""
    if not items:
        return ""
    return str(babel_lists.format_list(list(items), "standard", locale=current_locale(language)))


def format_number(
    value: Number | None, decimals: int | None = None, *, language: str | None = None
) -> str:
    """A number with the locale's separators: "12.345,5" in German, "12 345,5" in Russian."""
    if value is None or value == "":
        return ""
    locale = current_locale(language)
    if decimals is None:
        return str(babel_numbers.format_decimal(value, locale=locale))
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return str(babel_numbers.format_decimal(value, format=pattern, locale=locale))


def format_percent(value: Number | None, *, language: str | None = None) -> str:
    """A share given in percent points (75 → "75 %" in German, "%75" in Turkish)."""
    if value is None or value == "":
        return ""
    return str(
        babel_numbers.format_percent(Decimal(str(value)) / 100, locale=current_locale(language))
    )


_FILE_UNITS = (
    (1024**3, "digital-gigabyte"),
    (1024**2, "digital-megabyte"),
    (1024, "digital-kilobyte"),
)


def format_filesize(size: int | None, *, language: str | None = None) -> str:
    """A file's size in the largest fitting unit: "1,2 MB", "340 kB", "12 ب"."""
    if size is None:
        return ""
    locale = current_locale(language)
    for factor, unit in _FILE_UNITS:
        if size >= factor:
            amount = round(Decimal(size) / factor, 1)
            return str(babel_units.format_unit(amount, unit, length="short", locale=locale))
    return str(babel_units.format_unit(size, "digital-byte", length="short", locale=locale))
