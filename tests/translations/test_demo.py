"""The demo: Harz and Heilbronn read in Arabic, Ukrainian and English, with every status."""

from __future__ import annotations

import pytest
from django.conf import settings

from offers.models import Offer
from portal.models import Region
from portal.translations import Status
from portal.translations.worklist import region_summary
from tests.site_wide import load_demo_site


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    yield from load_demo_site(django_db_blocker, tmp_path_factory.mktemp("demo-media"))


@pytest.mark.parametrize("slug", ["harz", "heilbronn"])
def test_the_demo_regions_have_up_to_date_outdated_and_missing_translations(demo, db, slug):
    region = Region.objects.get(slug=slug)
    assert region.translation_languages == ["ar", "uk", "en"]
    summaries = {s.language: s.counts for s in region_summary(region, ["ar", "uk", "en"])}
    for language in ("ar", "uk", "en"):
        counts = summaries[language]
        assert counts[Status.UP_TO_DATE] > 20
        assert counts[Status.OUTDATED] >= 1
        assert counts[Status.MISSING] >= 1
    assert summaries["en"][Status.MACHINE] >= 1


def test_an_arabic_reader_reads_a_harz_offer_in_arabic(demo, db, client):
    offer = Offer.objects.get(region__slug="harz", title="Migrationsberatung für Erwachsene")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
    html = client.get(offer.get_absolute_url()).content.decode()
    assert "استشارات الهجرة للبالغين" in html


def test_running_the_demo_again_changes_no_translation(demo, db):
    from django.core.management import call_command

    from portal.models import Translation

    before = sorted(Translation.objects.values_list("object_id", "field", "language", "text"))
    call_command("seed_demo", stdout=__import__("io").StringIO())
    after = sorted(Translation.objects.values_list("object_id", "field", "language", "text"))
    assert before == after
