"""On a phone, a visitor searches offers in their language and narrows them with filters."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import CONTEXT_OPTIONS, assert_accessible
from tests.factories import MunicipalityFactory
from tests.offers.factories import make_offer


@pytest.fixture
def directory(transactional_db, goslar):
    seesen = MunicipalityFactory(region=goslar, name="Seesen", slug="seesen")
    goslar_town = MunicipalityFactory(region=goslar, name="Goslar", slug="goslar-stadt")
    sprache = goslar.fields_of_action.get(slug="sprache")
    make_offer(
        goslar,
        title="Sprachcafé Seesen",
        summary="Deutsch üben",
        languages=["de", "ar"],
        fields=[sprache],
        municipality=seesen,
        kind="meeting_place",
    )
    make_offer(
        goslar,
        title="Sprachkurs Goslar",
        summary="Integrationskurs",
        languages=["de", "ar"],
        fields=[sprache],
        municipality=goslar_town,
        kind="course",
    )
    make_offer(
        goslar,
        title="Elterntreff",
        summary="Für Familien",
        languages=["uk"],
        municipality=goslar_town,
        kind="meeting_place",
    )
    return goslar


def test_searching_and_filtering_on_a_phone(phone_page, live_server, directory):
    page = phone_page
    page.goto(f"{live_server.url}/goslar/offers/")
    assert_accessible(page)
    page.locator("#offer-q").fill("arabisch")
    page.locator("#offer-search button[type=submit]").click()
    page.wait_for_url("**q=arabisch**")
    # htmx swaps the results in after the address changes: wait for them, not for the address.
    expect(page.locator("#offer-count")).to_have_text(re.compile(r"^2 "))
    page.locator(".offer-filters summary").click()
    page.locator(".facet-list a", has_text="Seesen").click()
    page.wait_for_url("**municipality=seesen**")
    page.wait_for_function("document.querySelector('#offer-count').innerText.startsWith('1')")
    titles = page.locator(".offer-list h3").all_inner_texts()
    assert titles == ["Sprachcafé Seesen"]
    assert page.locator("h1").count() == 1  # htmx swapped only the results
    assert_accessible(page)
    page.get_by_role("link", name="Sprachcafé Seesen").click()
    page.wait_for_url("**/goslar/offers/*/")
    assert_accessible(page)


def test_the_search_works_without_javascript(browser, live_server, directory, external_requests):
    context = browser.new_context(
        **CONTEXT_OPTIONS,
        java_script_enabled=False,
        locale="de-DE",
        viewport={"width": 360, "height": 740},
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/goslar/offers/?q=Sprachkurse")
    assert page.locator(".offer-list h3").all_inner_texts() == ["Sprachkurs Goslar"]
    page.goto(f"{live_server.url}/goslar/offers/?lang=uk")
    assert page.locator(".offer-list h3").all_inner_texts() == ["Elterntreff"]
    context.close()
