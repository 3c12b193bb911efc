"""Browser tests: Debian's Chromium driven by Playwright, with axe-core on every page.

``page`` records every request; a test fails if any left 127.0.0.1 (no third-party hosts).
Call ``assert_accessible(page)`` on each page a test visits.
"""

from __future__ import annotations

import os
from urllib.parse import urlparse

import pytest
from axe_playwright_python.base import AxeResults
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
# Options of every browser context. Bootstrap scrolls smoothly unless the reader prefers
# reduced motion, and Playwright waits until a target has stopped moving before it clicks:
# every click far down a page waited for the animation (the event editor without JavaScript
# took 24 s instead of 7). The pages look and work the same.
CONTEXT_OPTIONS = {"reduced_motion": "reduce"}

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        # The interface language of the browser: German date and time inputs (tt.mm.jjjj,
        # 24 h), as a German county's staff see them (needs Debian's chromium-l10n).
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, env={**os.environ, "LANGUAGE": "de"}
        )
        yield browser
        browser.close()


@pytest.fixture
def external_requests():
    return []


def _new_page(browser, external_requests, **context_options):
    context = browser.new_context(**CONTEXT_OPTIONS, **context_options)
    page = context.new_page()

    def record(request):
        host = urlparse(request.url).hostname
        if request.url.startswith(("data:", "blob:", "about:")):
            return
        if host not in LOCAL_HOSTS:
            external_requests.append(request.url)

    page.on("request", record)
    return context, page


@pytest.fixture
def page(browser, external_requests, live_server):
    """A desktop-sized page; fails the test if any request left 127.0.0.1."""
    context, page = _new_page(browser, external_requests, locale="de-DE")
    yield page
    context.close()
    assert external_requests == [], f"Requests to other hosts: {external_requests}"


@pytest.fixture
def phone_page(browser, external_requests, live_server):
    """A phone-sized page (360 × 740, touch)."""
    context, page = _new_page(
        browser,
        external_requests,
        locale="de-DE",
        viewport={"width": 360, "height": 740},
        is_mobile=True,
        has_touch=True,
    )
    yield page
    context.close()
    assert external_requests == [], f"Requests to other hosts: {external_requests}"


_axe = Axe()
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    # Every rule still runs; only the violations come back with their nodes (the passes' node
    # lists were most of each result, built and sent back for nothing).
    "resultTypes": ["violations"],
}


def axe_run(page) -> AxeResults:
    """axe-core's WCAG 2.0/2.1 A and AA rules over the current page. The script (570 KB) is
    injected once per document: a page checked at two widths keeps it."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(_axe.axe_script)
    return AxeResults(page.evaluate("options => axe.run(document, options)", AXE_OPTIONS))


def assert_accessible(page) -> None:
    """axe-core (WCAG 2.0/2.1 A and AA rules) finds no violation on the current page."""
    results = axe_run(page)
    assert not results.response["violations"], results.generate_report()
