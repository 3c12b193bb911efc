"""The relevance table: real queries on the Harz demo directory (seed 002) and the offers each
must find first — German, umlauts written out, compounds and their parts, typos, language
names, and queries in English, Arabic and Ukrainian.

Each row: the query, the titles that may come first (several when the directory has equally
good answers), and optionally titles that must be among the first few results or must not be
found at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from django.db import transaction

from offers import demo
from offers.models import Offer, SearchWord
from offers.selectors.search import SearchParams, search_offers
from portal.models import Region
from tests.factories import MunicipalityFactory, RegionFactory

INTEGRATION_COURSE = "Integrationskurs mit Kinderbetreuung"
LANGUAGE_CAFE = "Sprachcafé – Deutsch sprechen bei Kaffee und Kuchen"
MIGRATION_COUNSELLING = "Migrationsberatung für Erwachsene"
WOMEN_COUNSELLING = "Beratung für Frauen – vertraulich und mehrsprachig"
JOB_APPLICATIONS = "Bewerbungstraining und Anerkennung ausländischer Abschlüsse"
HOMEWORK = "Hausaufgabenhilfe für Schulkinder"
FOOTBALL = "Fußball für alle – offenes Training"
GUIDES = "Integrationslotsen begleiten zu Ämtern und Ärzten"
PARENTS = "Ukrainisch-deutscher Elterntreff"
BICYCLES = "Fahrradwerkstatt und Radfahrkurs"
HEALTH_GUIDES = "Gesundheitslotsen: Wegweiser durch das Gesundheitssystem"
HOUSING = "Wohnungssuche – Beratung und Mietführerschein"
CARE_GERMAN = "Berufssprachkurs Deutsch B2 für Pflegeberufe"
SEWING = "Nähwerkstatt für Frauen"
SENIORS = "Seniorentreff international"
FIRST_STEPS = "Erstorientierung für Neuzugewanderte"
LANGUAGE_COURSES = {INTEGRATION_COURSE, CARE_GERMAN}


@dataclass
class Row:
    query: str
    first: set[str]  # one of these comes first
    top: set[str] = field(default_factory=set)  # all of these among the first len(top) + 1
    absent: set[str] = field(default_factory=set)  # none of these is found
    at_most: int | None = None  # no more results than this
    language: str = "de"  # the visitor's interface language

    def __str__(self) -> str:
        return self.query


TABLE = [
    # The cases: a compound finds what it names, not the whole directory.
    Row("Deutschkurs", {CARE_GERMAN}, top=LANGUAGE_COURSES, absent={FOOTBALL}, at_most=3),
    Row("Deutschkurse", {CARE_GERMAN}, top=LANGUAGE_COURSES, absent={FOOTBALL}, at_most=3),
    Row("Deutsch lernen", LANGUAGE_COURSES, top=LANGUAGE_COURSES, absent={FOOTBALL}),
    Row("Integrationskurs", {INTEGRATION_COURSE}, absent={GUIDES}),
    Row("Integrationskurse", {INTEGRATION_COURSE}, absent={GUIDES}),
    Row("Integrationskurz", {INTEGRATION_COURSE}),  # typo
    # German words, plurals, compounds and their parts
    Row("Sprachkurs", LANGUAGE_COURSES, top=LANGUAGE_COURSES),
    Row("Sprachkurse", LANGUAGE_COURSES, top=LANGUAGE_COURSES),
    Row("Sprachcafé", {LANGUAGE_CAFE}),
    Row("Sprachcafe", {LANGUAGE_CAFE}),
    Row("Kurs", {INTEGRATION_COURSE, BICYCLES, CARE_GERMAN}, absent={FOOTBALL, SENIORS}),
    Row("Beratung", {WOMEN_COUNSELLING, HOUSING}, top={WOMEN_COUNSELLING, HOUSING}),
    Row("Migrationsberatung", {MIGRATION_COUNSELLING}, at_most=1),
    Row("Beratung für Frauen", {WOMEN_COUNSELLING}),
    Row("Frauen", {WOMEN_COUNSELLING, SEWING}, top={WOMEN_COUNSELLING, SEWING}),
    Row("Fußball", {FOOTBALL}, at_most=1),
    Row("Hausaufgaben", {HOMEWORK}),
    Row("Hausaufgabenhilfe", {HOMEWORK}),
    Row("Nachhilfe", {HOMEWORK}),  # a synonym
    Row("Fahrrad", {BICYCLES}),
    Row("Radfahren", {BICYCLES}),
    Row("Werkstatt", {BICYCLES, SEWING}, top={BICYCLES, SEWING}),
    Row("Bewerbung", {JOB_APPLICATIONS}),
    Row("Lebenslauf", {JOB_APPLICATIONS}),
    Row("Anerkennung Abschluss", {JOB_APPLICATIONS}),
    Row("Wohnung", {HOUSING}),
    Row("Mietführerschein", {HOUSING}),
    Row("Lotsen", {GUIDES, HEALTH_GUIDES}, top={GUIDES, HEALTH_GUIDES}),
    Row("Integrationslotsen", {GUIDES}),
    Row("Arzt", {HEALTH_GUIDES}),
    Row("Gesundheit", {HEALTH_GUIDES}),
    Row("Krankenkasse", {HEALTH_GUIDES, FIRST_STEPS}, top={HEALTH_GUIDES, FIRST_STEPS}),
    Row("Senioren", {SENIORS}),
    Row("Eltern", {PARENTS}),
    Row("Kita", {PARENTS}),
    Row("Kinderbetreuung", {INTEGRATION_COURSE}),
    Row("Erstorientierung", {FIRST_STEPS}),
    Row("Neuzugewanderte", {FIRST_STEPS}),
    Row("Orientierungskurs", {INTEGRATION_COURSE}),
    Row("Pflege", {CARE_GERMAN}),
    Row("Frauenfrühstück", set(), at_most=0),  # archived: never found
    # Umlauts and ß written out
    Row("Beratung fuer Frauen", {WOMEN_COUNSELLING}),
    Row("Fussball", {FOOTBALL}, at_most=1),
    Row("Naehwerkstatt", {SEWING}),
    Row("Naehen", {SEWING}),
    Row("Fuehrerschein", {HOUSING}),
    Row("Aemter", {GUIDES}),
    # Typos
    Row("Fusball", {FOOTBALL}),
    Row("Beratnug", {WOMEN_COUNSELLING, HOUSING}),
    Row("Sprachkurz", LANGUAGE_COURSES),
    Row("Fahradwerkstatt", {BICYCLES}),
    Row("Bewerbungstrainig", {JOB_APPLICATIONS}),
    # Language names, in German, English, the language itself and other interface languages
    Row("arabisch", {WOMEN_COUNSELLING, HOMEWORK}, top={WOMEN_COUNSELLING, HOMEWORK}),
    Row("Arabic", {WOMEN_COUNSELLING, HOMEWORK}, language="en"),
    Row("العربية", {WOMEN_COUNSELLING, HOMEWORK}, language="ar"),
    Row("арабська", {WOMEN_COUNSELLING, HOMEWORK}, language="uk"),
    Row("Ukrainisch", {PARENTS}),
    Row("українська", {PARENTS}, language="uk"),
    Row("Farsi", {WOMEN_COUNSELLING}),
    Row("Türkisch", {HOMEWORK}),
    Row("Tigrinya", {BICYCLES}, at_most=1),
    Row("ትግርኛ", {BICYCLES}, at_most=1),
    # What the search box suggests in other languages finds the German course
    Row("German course", {CARE_GERMAN}, top=LANGUAGE_COURSES, at_most=3, language="en"),
    Row("دورة ألمانية", {CARE_GERMAN}, top=LANGUAGE_COURSES, at_most=3, language="ar"),
    # The Ukrainian translation of the integration course calls it a German course itself
    Row("курс німецької", LANGUAGE_COURSES, top=LANGUAGE_COURSES, at_most=3, language="uk"),
    Row("German course", {CARE_GERMAN}, top=LANGUAGE_COURSES, at_most=3),  # on a German page
    Row("counselling for women", {WOMEN_COUNSELLING}, language="en"),
    Row("استشارة", {MIGRATION_COUNSELLING, WOMEN_COUNSELLING}, language="ar"),
    Row("Консультація", {MIGRATION_COUNSELLING, WOMEN_COUNSELLING}, language="uk"),
]


@pytest.fixture(scope="module")
def harz_directory(django_db_setup, django_db_blocker):
    """The Harz demo directory, loaded once for the whole table and removed afterwards."""
    with django_db_blocker.unblock():
        words_before = set(SearchWord.objects.values_list("word", flat=True))
        with transaction.atomic():
            region = RegionFactory(name="Landkreis Harz", slug="harz", county_key="15085")
            for name in ("Halberstadt", "Quedlinburg", "Wernigerode", "Thale", "Ilsenburg"):
                MunicipalityFactory(region=region, name=name, slug=name.lower())
            demo.seed()
        yield region
        with transaction.atomic():
            Offer.objects.filter(region=region).delete()
            Region.objects.filter(pk=region.pk).delete()
            SearchWord.objects.exclude(word__in=words_before).delete()


def test_the_table_has_at_least_forty_queries():
    assert len({row.query for row in TABLE}) >= 40


@pytest.mark.parametrize("row", TABLE, ids=str)
def test_each_query_finds_its_offer_first(harz_directory, db, row):
    result = search_offers(harz_directory, SearchParams(q=row.query), visitor_language=row.language)
    titles = [offer.title for offer in result.offers]
    if row.first:
        assert titles, f"{row.query!r} found nothing"
        assert titles[0] in row.first, f"{row.query!r}: {titles}"
    if row.top:
        assert row.top <= set(titles[: len(row.top) + 1]), f"{row.query!r}: {titles}"
    assert not row.absent & set(titles), f"{row.query!r}: {titles}"
    if row.at_most is not None:
        assert result.total <= row.at_most, f"{row.query!r}: {titles}"


def test_no_query_of_the_table_returns_the_whole_directory(harz_directory, db):
    everything = Offer.objects.published().in_region(harz_directory).count()
    for row in TABLE:
        result = search_offers(harz_directory, SearchParams(q=row.query))
        assert result.total < everything, row.query


def test_the_table_ranks_the_same_when_its_queries_are_expected_to_match_thousands(
    harz_directory, db, monkeypatch
):
    # Then the page comes through indexes, scoring only the offers that can reach it.
    from offers.selectors import facets

    def pages():
        found = {}
        for row in TABLE:
            for sort in ("relevance", "newest"):
                params = SearchParams(q=row.query, sort=sort)
                result = search_offers(harz_directory, params, visitor_language=row.language)
                found[row.query, row.language, sort] = (
                    result.total,
                    [offer.pk for offer in result.offers],
                )
        return found

    one_pass = pages()
    monkeypatch.setattr(facets, "MANY_MATCHES", 0)
    assert pages() == one_pass
