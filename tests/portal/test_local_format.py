"""Dates, times and numbers are written as each language writes them (CLDR), not in one
German pattern for everybody."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import translation

from portal.lib import l10n

BERLIN = ZoneInfo("Europe/Berlin")
# Sunday 27 December 2026, 16:00-20:00 on the county's wall clock.
START = datetime.datetime(2026, 12, 27, 16, 0, tzinfo=BERLIN)
END = datetime.datetime(2026, 12, 27, 20, 0, tzinfo=BERLIN)


def plain(text: str) -> str:
    """CLDR puts (narrow) no-break spaces where a line must not break; compare them as spaces."""
    return text.replace("\u202f", " ").replace("\xa0", " ")


FULL_DATES = {
    "de": "Sonntag, 27. Dezember 2026",
    "en": "Sunday, 27 December 2026",
    "ar": "الأحد، 27 ديسمبر 2026",
    "uk": "неділя, 27 грудня 2026 р.",
    "fa": "یکشنبه 27 دسامبر 2026",
    "tr": "27 Aralık 2026 Pazar",
    "ru": "воскресенье, 27 декабря 2026 г.",
    "ti": "ሰንበት፣ 27 ታሕሳስ 2026",
}


@pytest.mark.parametrize(("language", "expected"), FULL_DATES.items())
def test_a_full_date_has_the_weekday_and_month_in_the_readers_language(language, expected):
    assert plain(l10n.format_date(START, "full", language=language)) == expected


def test_english_is_not_written_with_german_punctuation():
    text = l10n.format_date(START, "full", language="en")
    assert "27." not in text and text.startswith("Sunday, 27 December")


def test_arabic_weekday_names_carry_the_article():
    assert l10n.format_date(START, "full", language="ar").startswith("الأحد")


def test_an_aware_time_is_shown_on_the_countys_wall_clock():
    utc = START.astimezone(datetime.UTC)  # 15:00 UTC
    assert l10n.format_time(utc, language="de") == "16:00"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("de", "Sonntag, 27. Dezember 2026, 16:00–20:00 Uhr"),
        ("en", "Sunday, 27 December 2026, 16:00–20:00"),
        ("ar", "الأحد، 27 ديسمبر 2026، 4:00–8:00 م"),
        ("fa", "یکشنبه 27 دسامبر 2026، ساعت 16:00 تا 20:00"),
        ("ru", "воскресенье, 27 декабря 2026 г., 16:00—20:00"),
    ],
)
def test_an_event_on_one_day_names_the_date_once_and_the_times_from_to(language, expected):
    assert plain(l10n.format_datetime_range(START, END, language=language)) == expected


def test_an_event_over_several_days_names_both_dates():
    end = END + datetime.timedelta(days=1)
    assert plain(l10n.format_datetime_range(START, end, "medium", language="de")) == (
        "27.12.2026, 16:00 – 28.12.2026, 20:00"
    )


@pytest.mark.parametrize(
    ("language", "expected"),
    [("de", "27.12.2026, 16:00"), ("en", "27 Dec 2026, 16:00"), ("tr", "27 Ara 2026 16:00")],
)
def test_staff_tables_use_the_compact_date_and_time(language, expected):
    assert plain(l10n.format_datetime(START, "medium", language=language)) == expected


def test_a_period_of_days_writes_the_shared_month_once():
    first, last = datetime.date(2026, 9, 1), datetime.date(2026, 9, 3)
    assert l10n.format_date_range(first, last, language="de") == "1.–3. Sept. 2026"
    assert l10n.format_date_range(first, None, language="de") == "01.09.2026"


@pytest.mark.parametrize(
    ("language", "number", "percent"),
    [
        ("de", "12.345,5", "75 %"),
        ("en", "12,345.5", "75%"),
        ("ru", "12 345,5", "75 %"),
        ("tr", "12.345,5", "%75"),
    ],
)
def test_numbers_and_percentages_use_the_languages_separators(language, number, percent):
    assert plain(l10n.format_number(12345.5, language=language)) == number
    assert plain(l10n.format_percent(75, language=language)) == percent


def test_file_sizes_name_their_unit_in_the_readers_language():
    assert plain(l10n.format_filesize(1_250_000, language="de")) == "1,2 MB"
    assert plain(l10n.format_filesize(500, language="de")) == "500 Byte"


def test_the_filters_follow_the_active_language_and_leave_empty_values_empty():
    template = Template(
        '{% load local_format %}{{ start|local_date:"full" }}|{{ start|local_time }}|'
        '{{ start|local_date:"yMMMM" }}|{{ missing|local_date|default:"–" }}|{{ 75|local_percent }}'
    )
    context = Context({"start": START, "missing": None})
    with translation.override("de"):
        assert (
            plain(template.render(context))
            == "Sonntag, 27. Dezember 2026|16:00|Dezember 2026|–|75 %"
        )
    with translation.override("en"):
        assert template.render(context) == "Sunday, 27 December 2026|16:00|December 2026|–|75%"


def test_a_language_cldr_does_not_know_falls_back_to_german():
    assert l10n.format_date(START, "long", language="xx") == "27. Dezember 2026"
