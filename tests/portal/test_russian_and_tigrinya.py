"""Russian and Tigrinya: chosen in the switcher, the public pages render in them (Django has no
Tigrinya of its own), dates come from CLDR, and plural forms follow each language's rule."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import ngettext

from portal.lib import l10n
from tests.conferences.factories import EventDateFactory, EventFactory
from tests.offers.factories import make_offer

# What each language's reader sees on every page: the skip link, the switcher's label and the
# language's own name in the switcher.
EXPECTED = {
    "ru": ("Перейти к основному содержанию", "Сменить язык", "Русский"),
    "ti": ("ናብ ቀንዲ ትሕዝቶ ሕለፍ", "ቋንቋ ቀይር", "ትግርኛ"),
}


@pytest.fixture
def pages(goslar):
    offer = make_offer(goslar, title="Sprachcafé Seesen")
    event = EventFactory(region=goslar, title="Integrationskonferenz")
    EventDateFactory(
        event=event, start=datetime.datetime(2099, 12, 27, 16, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    )
    return ["/", "/goslar/", offer.get_absolute_url(), event.get_absolute_url()]


@pytest.mark.parametrize("language", ["ru", "ti"])
def test_the_switcher_offers_the_language_and_the_pages_speak_it(client, pages, language):
    skip_link, switcher_label, own_name = EXPECTED[language]
    response = client.post("/i18n/setlang/", {"language": language, "next": "/goslar/"})
    assert response.status_code == 302
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert f'<html lang="{language}" dir="ltr">' in html, url
        assert response["Content-Language"] == language
        assert skip_link in html, url
        assert switcher_label in html, url
        current = f'lang="{language}" dir="ltr" aria-current="true" class="fw-bold">{own_name}</a>'
        assert current in html, url


@pytest.mark.parametrize(
    ("language", "month"), [("ru", "декабря"), ("ti", "ታሕሳስ")], ids=["ru", "ti"]
)
def test_the_event_page_names_the_month_in_the_language(client, pages, language, month):
    client.post("/i18n/setlang/", {"language": language, "next": "/"})
    html = client.get(pages[3]).content.decode()
    assert month in html
    assert "Dezember" not in html


def test_tigrinya_dates_are_eritrean_and_written_in_geez():
    date = datetime.date(2026, 12, 27)
    assert l10n.babel_locale("ti").territory == "ER"
    assert l10n.format_date(date, "full", language="ti") == "ሰንበት፣ 27 ታሕሳስ 2026"
    assert l10n.format_date(date, "yMMMM", language="ti") == "ታሕሳስ 2026"


def test_russian_dates_use_the_genitive_month():
    date = datetime.date(2026, 12, 27)
    assert l10n.format_date(date, "long", language="ru").startswith("27 декабря 2026")
    assert l10n.format_date(date, "yMMMM", language="ru").startswith("декабрь 2026")


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1, "1 час"),
        (2, "2 часа"),
        (5, "5 часов"),
        (11, "11 часов"),
        (21, "21 час"),
        (24, "24 часа"),
    ],
)
def test_russian_plural_forms_follow_djangos_rule(count, expected):
    with translation.override("ru"):
        assert ngettext("%(count)d hour", "%(count)d hours", count) % {"count": count} == expected


@pytest.mark.parametrize(("count", "expected"), [(1, "1 ሰዓት"), (2, "2 ሰዓታት")])
def test_tigrinya_has_a_singular_and_a_plural(count, expected):
    with translation.override("ti"):
        assert ngettext("%(count)d hour", "%(count)d hours", count) % {"count": count} == expected


def test_an_event_can_write_its_mails_in_every_interface_language():
    from conferences.models import Event

    codes = [code for code, _name in Event._meta.get_field("language").choices]
    assert codes == [code for code, _name in settings.LANGUAGES]
    assert {"ru", "ti"} <= set(codes)
