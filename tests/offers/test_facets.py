"""Facet counts: each filter's values are counted with every *other* filter applied."""

import datetime

import pytest
from django.utils import timezone
from django.utils.translation import gettext

from offers.selectors import facets
from offers.selectors.search import SearchParams, search_offers
from tests.factories import MunicipalityFactory
from tests.offers.factories import make_offer


@pytest.fixture
def setup(goslar):
    fields = {f.slug: f for f in goslar.fields_of_action.all()}
    seesen = MunicipalityFactory(region=goslar, name="Seesen", slug="seesen")
    goslar_town = MunicipalityFactory(region=goslar, name="Goslar", slug="goslar-stadt")
    today = timezone.localdate()
    make_offer(
        goslar,
        title="A",
        kind="course",
        languages=["ar", "de"],
        cost="free",
        fields=[fields["sprache"]],
        municipality=seesen,
        step_free="yes",
        start_date=today + datetime.timedelta(days=3),
        target_groups=["women"],
    )
    make_offer(
        goslar,
        title="B",
        kind="course",
        languages=["uk"],
        cost="fee",
        fields=[fields["sprache"], fields["arbeit"]],
        municipality=goslar_town,
    )
    make_offer(
        goslar,
        title="C",
        kind="counselling",
        languages=["ar"],
        cost="free",
        fields=[fields["arbeit"]],
        municipality=seesen,
        target_groups=["women", "refugees"],
    )
    return goslar


def counts(result, name):
    facet = next(f for f in result.facets if f.name == name)
    return {v.value: v.count for v in facet.values}


def test_counts_per_value_without_filters(setup):
    result = search_offers(setup, SearchParams())
    assert result.total == 3
    assert counts(result, "kind") == {"course": 2, "counselling": 1}
    assert counts(result, "lang") == {"ar": 2, "de": 1, "uk": 1}
    assert counts(result, "field") == {"arbeit": 2, "sprache": 2}
    assert counts(result, "municipality") == {"seesen": 2, "goslar-stadt": 1}
    assert counts(result, "cost") == {"free": 2, "fee": 1}
    assert counts(result, "target") == {"women": 2, "refugees": 1}
    assert counts(result, "step_free") == {"1": 1}
    assert counts(result, "soon") == {"1": 1}


def test_a_filter_narrows_the_other_facets_but_keeps_its_own_alternatives(setup):
    result = search_offers(setup, SearchParams(kind="course"))
    assert result.total == 2
    assert counts(result, "kind") == {"course": 2, "counselling": 1}
    assert counts(result, "lang") == {"ar": 1, "de": 1, "uk": 1}
    assert counts(result, "municipality") == {"seesen": 1, "goslar-stadt": 1}


def test_filters_combine_with_text(setup):
    result = search_offers(setup, SearchParams(q="arabisch", municipality="seesen", cost="free"))
    assert sorted(o.title for o in result.offers) == ["A", "C"]
    result = search_offers(setup, SearchParams(lang="ar", field="arbeit"))
    assert [o.title for o in result.offers] == ["C"]
    assert search_offers(setup, SearchParams(soon="1")).total == 1
    assert search_offers(setup, SearchParams(step_free="1")).total == 1


def test_sorting_by_title_and_newest(setup):
    assert [o.title for o in search_offers(setup, SearchParams(sort="title")).offers] == [
        "A",
        "B",
        "C",
    ]
    newest = search_offers(setup, SearchParams(sort="newest")).offers
    assert [o.published_at for o in newest] == sorted(
        (o.published_at for o in newest), reverse=True
    )


def test_pagination_and_url_state(goslar):
    for i in range(25):
        make_offer(goslar, title=f"Kurs {i:02d}")
    first = search_offers(goslar, SearchParams(sort="title"))
    assert len(first.offers) == 20 and first.pagination.num_pages == 2
    second = search_offers(goslar, SearchParams(sort="title", page=2))
    assert [o.title for o in second.offers] == [f"Kurs {i}" for i in range(20, 25)]
    assert second.pagination.urls[1] == "?sort=title"
    assert SearchParams(q="Kurs", lang="ar", page=3).url(page="") == "?q=Kurs&lang=ar"


def test_with_two_filters_each_facet_counts_offers_failing_only_its_own_filter(setup):
    result = search_offers(setup, SearchParams(kind="course", lang="ar"))
    assert [o.title for o in result.offers] == ["A"]
    assert counts(result, "kind") == {"course": 1, "counselling": 1}
    assert counts(result, "lang") == {"ar": 1, "de": 1, "uk": 1}
    assert counts(result, "cost") == {"free": 1}
    assert counts(result, "field") == {"sprache": 1}


def test_starting_soon_combines_with_other_filters(setup):
    result = search_offers(setup, SearchParams(soon="1", cost="free"))
    assert [o.title for o in result.offers] == ["A"]
    assert counts(result, "soon") == {"1": 1}
    assert counts(result, "cost") == {"free": 1}
    assert counts(result, "kind") == {"course": 1}
    # Without "soon" the free offers are A and C; with it, "soon" still counts 1.
    result = search_offers(setup, SearchParams(cost="free"))
    assert result.total == 2 and counts(result, "soon") == {"1": 1}


def test_a_page_beyond_the_last_shows_the_last_page(goslar):
    for i in range(23):
        make_offer(goslar, title=f"Kurs {i:02d}")
    result = search_offers(goslar, SearchParams(sort="title", page=9))
    assert result.pagination.number == 2 and result.params.page == 2
    assert [o.title for o in result.offers] == ["Kurs 20", "Kurs 21", "Kurs 22"]


def test_facet_keys_follow_the_offers_places_and_fields(setup):
    from offers.models import Offer, OfferPlace
    from offers.services.directory import reindex_offers

    offer = Offer.objects.get(title="B")
    seesen = setup.municipalities.get(slug="seesen")
    OfferPlace.objects.filter(offer=offer).update(municipality=seesen)
    offer.fields_of_action.clear()
    reindex_offers([offer.pk])
    result = search_offers(setup, SearchParams())
    assert counts(result, "municipality") == {"seesen": 3}
    assert counts(result, "field") == {"arbeit": 1, "sprache": 1}


def test_facet_keys_of_different_values_never_collide():
    from offers.selectors.facets import _CHOICE_KEYS, _CHOICE_VALUES

    assert len(_CHOICE_KEYS) == sum(len(values) for values in _CHOICE_VALUES.values())
    assert min(_CHOICE_KEYS) > 2**32  # above the rows for the total and the page


def test_many_matches_are_counted_from_an_even_sample_and_shown_as_estimates(goslar, monkeypatch):
    for i in range(60):
        make_offer(goslar, title=f"Kurs {i}", languages=["ar"] if i % 3 == 0 else ["uk"])
    exact = search_offers(goslar, SearchParams(q="Kurs"))
    assert not exact.estimated and counts(exact, "lang") == {"ar": 20, "uk": 40}

    monkeypatch.setattr(facets, "FACET_SAMPLE", 30)
    for params in (SearchParams(q="Kurs"), SearchParams()):
        sampled = search_offers(goslar, params)
        assert sampled.estimated
        assert sampled.total == 60  # the number found stays exact
        estimate = counts(sampled, "lang")
        assert 10 <= estimate["ar"] <= 30 and 30 <= estimate["uk"] <= 50
        assert counts(search_offers(goslar, params), "lang") == estimate  # stable


@pytest.mark.parametrize(
    "params",
    [
        SearchParams(q="Kurs"),
        SearchParams(q="Kurs", kind="course", lang="ar"),
        SearchParams(q="Kurs", soon="1", cost="free"),
        SearchParams(q="Kurs Frauen", sort="newest"),
        SearchParams(q="Kurs", sort="title", page=2),
        SearchParams(q="arabisch", municipality="seesen"),
        SearchParams(q="Kurs", page=9),
    ],
    ids=lambda params: params.url(),
)
def test_a_query_expected_to_match_thousands_counts_and_orders_like_any_other(
    setup, monkeypatch, params
):
    # Such a query is counted in one pass, its sample and page read through indexes.
    today = timezone.localdate()
    for i in range(30):
        make_offer(
            setup,
            title=f"Kurs {i}" if i % 3 else f"Beratung {i}",
            summary="Kurs für Frauen" if i % 2 else "Treffpunkt",
            kind="course" if i % 4 else "counselling",
            languages=["ar", "de"] if i % 5 else ["uk"],
            cost="free" if i % 2 else "fee",
            start_date=today + datetime.timedelta(days=i),
        )

    def search():
        result = search_offers(setup, SearchParams(**vars(params)))
        by_facet = {f.name: counts(result, f.name) for f in result.facets}
        return result.total, [o.pk for o in result.offers], by_facet, result.pagination.number

    one_pass = search()
    monkeypatch.setattr(facets, "MANY_MATCHES", 0)
    assert search() == one_pass


def test_a_text_matching_many_thousands_is_counted_from_its_sample_and_shown_as_about(
    goslar, client, monkeypatch
):
    # Scaled down: the index path from the first match on, a sample of 20 of 60 matches.
    for i in range(60):
        make_offer(goslar, title=f"Kurs {i}", languages=["ar"] if i % 3 == 0 else ["uk"])
    monkeypatch.setattr(facets, "MANY_MATCHES", 0)
    assert not search_offers(goslar, SearchParams(q="Kurs")).total_estimated  # 60 < 1000

    monkeypatch.setattr(facets, "FACET_SAMPLE", 20)
    result = search_offers(goslar, SearchParams(q="Kurs"))
    assert result.total_estimated and result.estimated
    assert 40 <= result.total <= 90  # about 60, without counting them
    assert len(result.offers) == 20  # the page itself is exact
    ar = search_offers(goslar, SearchParams(q="Kurs", lang="ar"))
    assert 10 <= ar.total <= 35  # about 20: the filtered share of the sample

    page = client.get("/goslar/offers/", {"q": "Kurs"}).content.decode()
    count = page.split('id="offer-count">', 1)[1].split("</p>", 1)[0]
    assert "≈" in count and gettext("about") in count


def test_paging_to_the_end_of_an_estimated_number_reaches_every_match(goslar, monkeypatch):
    # An estimate from a sample of 20 of 60 matches is off by a fifth either way: the pages
    # near its end are counted exactly, so that "next" ends on the real last page.
    offers = {make_offer(goslar, title=f"Kurs {i}").pk for i in range(60)}
    monkeypatch.setattr(facets, "MANY_MATCHES", 0)
    monkeypatch.setattr(facets, "FACET_SAMPLE", 20)
    assert search_offers(goslar, SearchParams(q="Kurs")).total_estimated

    seen: set[int] = set()
    page = 1
    while True:
        result = search_offers(goslar, SearchParams(q="Kurs", page=page))
        seen |= {offer.pk for offer in result.offers}
        if not result.pagination.has_next:
            break
        page = result.pagination.number + 1
    assert seen == offers
    assert (result.total, result.total_estimated, result.pagination.number) == (60, False, 3)
    beyond = search_offers(goslar, SearchParams(q="Kurs", page=9))
    assert beyond.pagination.number == 3 and len(beyond.offers) == 20
