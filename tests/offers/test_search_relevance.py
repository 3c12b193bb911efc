"""What people type finds what they mean: plurals, compounds, umlauts, typos, language names."""

import pytest

from offers.selectors.search import SearchParams, search_offers
from tests.offers.factories import make_offer


@pytest.fixture
def directory(goslar):
    return {
        "sprachkurs": make_offer(
            goslar,
            title="Sprachkurs für Anfänger",
            summary="Deutsch lernen im Alltag",
            languages=["de", "ar"],
        ),
        "frauen": make_offer(
            goslar,
            title="Beratung für Frauen",
            summary="Vertrauliche Gespräche",
            languages=["de", "fa"],
        ),
        "fussball": make_offer(
            goslar,
            title="Fußball im Park",
            summary="Jeden Samstag kicken",
            languages=["uk"],
        ),
        "cafe": make_offer(
            goslar,
            title="Müttercafé",
            summary="Treffpunkt mit Kinderbetreuung",
            languages=["tr"],
        ),
    }


def titles(region, q, **filters):
    result = search_offers(region, SearchParams(q=q, **filters))
    return [offer.title for offer in result.offers]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("Sprachkurse", "Sprachkurs für Anfänger"),  # plural, stemming
        ("Kurs", "Sprachkurs für Anfänger"),  # part of a compound
        ("Sprache", "Sprachkurs für Anfänger"),  # other part of a compound
        ("Beratung fuer Frauen", "Beratung für Frauen"),  # transliterated umlaut
        ("beratung für frauen", "Beratung für Frauen"),
        ("Fussball", "Fußball im Park"),  # ß as ss
        ("Muettercafe", "Müttercafé"),  # umlaut and accent
        ("Sprachkurz", "Sprachkurs für Anfänger"),  # typo
        ("Beratnug", "Beratung für Frauen"),  # swapped letters
    ],
)
def test_the_search_finds_what_people_type(directory, goslar, query, expected):
    assert expected in titles(goslar, query)


@pytest.mark.parametrize("query", ["arabisch", "Arabic", "العربية", "Arabisch"])
def test_language_names_find_offers_given_in_that_language(directory, goslar, query):
    assert titles(goslar, query) == ["Sprachkurs für Anfänger"]


def test_ukrainian_in_cyrillic_finds_offers_in_ukrainian(directory, goslar):
    assert titles(goslar, "українська") == ["Fußball im Park"]


def test_all_words_must_match(directory, goslar):
    assert titles(goslar, "Beratung Fußball") == []


def test_the_title_match_ranks_first(goslar):
    make_offer(goslar, title="Elterncafé", summary="Auch mit Beratung zur Schule")
    make_offer(goslar, title="Beratung für Familien", summary="Fragen zu Kita und Schule")
    assert titles(goslar, "Beratung")[0] == "Beratung für Familien"


def test_stop_words_alone_do_not_empty_the_result(directory, goslar):
    assert len(titles(goslar, "für die")) == 4


def test_nonsense_finds_nothing(directory, goslar):
    assert titles(goslar, "xqzzyv") == []


def test_language_filter_narrows_to_offers_in_that_language(directory, goslar):
    assert titles(goslar, "", lang="fa") == ["Beratung für Frauen"]


def test_other_regions_offers_are_never_found(directory, goslar, harz):
    make_offer(harz, title="Sprachkurs in Halberstadt")
    assert "Sprachkurs in Halberstadt" not in titles(goslar, "Sprachkurs")
    assert titles(harz, "Sprachkurs") == ["Sprachkurs in Halberstadt"]


def test_drafts_archived_and_hidden_offers_stay_out(goslar):
    make_offer(goslar, title="Entwurf Sprachkurs", status="draft")
    make_offer(goslar, title="Alter Sprachkurs", status="archived")
    make_offer(goslar, title="Versteckter Sprachkurs", confirmation_state="hidden")
    make_offer(goslar, title="Markierter Sprachkurs", confirmation_state="marked")
    assert titles(goslar, "Sprachkurs") == ["Markierter Sprachkurs"]


def test_a_plural_does_not_drag_in_merely_similar_words(goslar):
    make_offer(goslar, title="Sprachcafé", summary="Deutsch üben")
    make_offer(goslar, title="Sprachkurs", summary="Integrationskurs")
    assert titles(goslar, "Sprachkurse") == ["Sprachkurs"]
