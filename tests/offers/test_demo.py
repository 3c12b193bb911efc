"""The demo data loads, feeds search and coverage, and can be loaded again."""

from offers import demo
from offers.models import Offer
from offers.selectors.search import SearchParams, search_offers
from tests.factories import MunicipalityFactory


def test_demo_seed_is_idempotent_and_searchable(goslar):
    for name in ("Goslar", "Seesen", "Bad Harzburg"):
        MunicipalityFactory(region=goslar, name=name, slug=name.lower().replace(" ", "-"))
    demo.seed()
    count = Offer.objects.count()
    demo.seed()
    assert Offer.objects.count() == count > 10
    assert search_offers(goslar, SearchParams(q="arabisch")).total >= 3
    languages = {code for o in Offer.objects.all() for code in o.languages}
    assert {"ar", "uk", "fa", "tr", "ru", "en"} <= languages
