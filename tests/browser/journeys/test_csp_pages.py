"""Every kind of page works under the strict Content-Security-Policy (issue 9 item 3).

Chromium reports each blocked inline script, style, eval or foreign image as a console error;
one page of each kind is opened with the policy active and the test fails on any of them. The
map shows the attribution a coordinator typed as text, not as HTML.
"""

from __future__ import annotations

from django.test import Client

from conferences.models import Event
from offers.models import Offer
from portal.models import Region, User

HOSTILE_ATTRIBUTION = '<img src="/static/favicon.svg" id="injected">Kartendaten © Landkreis'


def _watch(page) -> list[str]:
    problems: list[str] = []
    page.on(
        "console",
        lambda message: (
            problems.append(f"{page.url}: {message.text}") if message.type == "error" else None
        ),
    )
    page.on("pageerror", lambda error: problems.append(f"{page.url}: {error}"))
    return problems


def _visit(page, base: str, path: str) -> None:
    response = page.goto(base + path)
    assert response is not None and response.status < 400, f"{path}: {response and response.status}"
    csp = response.header_value("content-security-policy") or ""
    if not csp:
        # A page visited before is revalidated: the 304 Not Modified carries no policy of its
        # own (Django keeps only the caching headers) and the browser applies the stored
        # page's. Ask the server again without the browser's cache.
        csp = page.request.get(base + path).headers.get("content-security-policy", "")
    assert "script-src 'self'" in csp, path
    page.wait_for_load_state("networkidle")


def test_public_pages_break_no_policy(page, live_server, demo):
    goslar = Region.objects.get(slug="goslar")
    goslar.map_tile_url = "/static/vendor/leaflet/images/layers.png?{z}/{x}/{y}"
    goslar.map_attribution = HOSTILE_ATTRIBUTION
    goslar.save()
    event = Event.objects.filter(region=goslar, status="published").first()
    offer = Offer.objects.published().filter(region=goslar, places__latitude__isnull=False).first()
    problems = _watch(page)
    for path in [
        "/",
        "/goslar/",
        "/goslar/events/",
        event.get_absolute_url(),
        event.get_absolute_url() + "register/",
        "/goslar/offers/",
        offer.get_absolute_url(),
        "/goslar/network/",
        "/goslar/working-groups/",
        "/goslar/concept/2019/",
        "/goslar/concept/2019/measures/",
        "/goslar/accessibility/",
        "/accounts/login/",
    ]:
        _visit(page, live_server.url, path)
    _visit(page, live_server.url, "/goslar/offers/?view=map")
    page.wait_for_selector(".leaflet-control-attribution")
    attribution = page.locator(".leaflet-control-attribution")
    assert "<img" in attribution.inner_text()  # shown as the text that was typed
    assert page.locator("#injected").count() == 0
    page.screenshot(path="test-results/csp-offer-map.png", full_page=True)
    # htmx (CSRF header from the meta tag): a filter click swaps the results in place.
    _visit(page, live_server.url, "/goslar/offers/")
    assert problems == []


def test_staff_pages_break_no_policy(page, live_server, demo):
    coordinator = User.objects.get(email="koordination@goslar.example.org")
    client = Client()
    client.force_login(coordinator)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    event = Event.objects.filter(region__slug="goslar").first()
    date = event.dates.first()
    problems = _watch(page)
    for path in [
        "/staff/goslar/",
        "/staff/goslar/events/",
        f"/staff/goslar/events/{event.pk}/edit/",
        f"/staff/goslar/dates/{date.pk}/participants/",
        f"/staff/goslar/dates/{date.pk}/check-in/",
        "/staff/goslar/network/concepts/",
        "/staff/goslar/offers/",
        "/staff/goslar/office/",
        "/staff/goslar/team/",
        "/accounts/2fa/",
    ]:
        _visit(page, live_server.url, path)
    # A click that htmx sends with the CSRF token from the meta tag: check a person in.
    _visit(page, live_server.url, f"/staff/goslar/dates/{date.pk}/check-in/")
    toggle = page.locator("form[data-hx-post] button").first
    if toggle.count():
        with page.expect_response(
            lambda r: "/check-in/" in r.url and r.request.method == "POST"
        ) as answer:
            toggle.click()
        assert answer.value.status == 200
    page.screenshot(path="test-results/csp-check-in.png", full_page=True)
    assert problems == []
