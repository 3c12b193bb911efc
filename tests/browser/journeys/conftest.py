"""Journeys: what people do with the portal, start to finish, by clicking (../shared/JOURNEYS.md).

Every journey test runs twice, in German and in Arabic. The public clicks on a phone (390 px),
staff on a laptop (1366 px); ``journey.check(name)`` holds every page to the same bar at both
widths: no horizontal overflow, axe-core clean, no console error, and a screenshot to look at in
``test-results/journeys/``. A request leaving 127.0.0.1 fails the test.

    def test_a_visitor_registers(visitor):
        visitor.start()
        visitor.page.get_by_role("link", name="Landkreis Heilbronn").click()
        visitor.check("county home")
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pyotp
import pytest
from django.db.models import Model
from django.utils import translation
from playwright.sync_api import Browser, ConsoleMessage, Error, Page

from portal.models import Membership
from portal.translations import translated
from tests.browser.conftest import CONTEXT_OPTIONS, LOCAL_HOSTS, axe_run
from tests.demo_data import DatabaseSnapshot, seed_demo_once
from tests.factories import add_totp

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 900}
DEMO_PASSWORD = "demo-Integration-2026"
SCREENSHOTS = Path(__file__).resolve().parents[3] / "test-results" / "journeys"

pytestmark = pytest.mark.browser

# axe-core costs about half a second a page; a page already found clean in this worker process
# (same path, language and width) is not analysed again when another journey passes through it.
_axe_clean: set[tuple[str, str, int]] = set()


class Journey:
    """One person's way through the portal in one language, page by page."""

    def __init__(
        self, page: Page, *, lang: str, base_url: str, viewport: dict, name: str, totp: dict
    ) -> None:
        self.page = page
        self.lang = lang
        self.base_url = base_url
        self.viewport = viewport
        self.folder = SCREENSHOTS / name
        self.totp_secrets = totp
        self.used_codes: set[tuple[str, str]] = set()
        self.steps = 0
        self.errors: list[str] = []
        self.external: list[str] = []
        page.on("console", self._on_console)
        page.on("pageerror", self._on_page_error)
        page.on("request", self._on_request)

    # --- recording -------------------------------------------------------------------------
    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(f"console: {message.text} ({self.page.url})")

    def _on_page_error(self, error: Error) -> None:
        self.errors.append(f"page error: {error} ({self.page.url})")

    def _on_request(self, request) -> None:
        if request.url.startswith(("data:", "blob:", "about:")):
            return
        if urlparse(request.url).hostname not in LOCAL_HOSTS:
            self.external.append(request.url)

    # --- what a journey does ----------------------------------------------------------------
    def _(self, msgid: str) -> str:
        """The interface string ``msgid`` as the visitor reads it in this journey's language."""
        with translation.override(self.lang):
            return translation.gettext(msgid)

    def shown(self, model: type[Model], region: str, title: str) -> str:
        """The title of a county's offer or event as this visitor reads it: its translation
        where the county has a current one, else the German ``title``."""
        obj = model._default_manager.get(region__slug=region, title=title)
        return translated(obj, "title", self.lang, region=obj.region).text

    def goto(self, path: str) -> None:
        """Type a URL. Journeys click; only the staff login (before its link) and journey 10's
        attempts on another county's pages type addresses."""
        self.page.goto(f"{self.base_url}{path}")

    def start(self) -> None:
        """Open the home page; in a language other than German, choose it in the switcher."""
        self.goto("/")
        if self.lang != "de":
            with self.page.expect_navigation():
                self.page.locator(f".language-switcher a[lang='{self.lang}']").click()
            assert self.page.locator("html").get_attribute("lang") == self.lang

    def login(self, email: str, password: str = DEMO_PASSWORD) -> None:
        """Staff log in from the footer's staff-login link, with their second factor."""
        link = self.page.locator("footer a[href^='/accounts/login/']")
        if link.count():
            link.first.click()
        else:
            self.goto("/accounts/login/")
        self.page.wait_for_url(re.compile(r".*/accounts/login/.*"))
        self.check("login")
        self.page.fill("#id_login", email)
        self.page.fill("#id_password", password)
        with self.page.expect_navigation():
            self.page.locator("main form button[type=submit]").first.click()
        if "/2fa/authenticate/" in self.page.url:
            self.check("second factor")
            self.page.fill("input[name=code]", self._fresh_code(email))
            with self.page.expect_navigation():
                self.page.locator("main form button[type=submit]").first.click()
        assert "/accounts/login/" not in self.page.url, f"login failed for {email}"

    def _fresh_code(self, email: str) -> str:
        """A code not used before: a used one is refused for 90 s (replay guard), so a second
        login in the same minute takes the next step's code (accepted one step early)."""
        totp = pyotp.TOTP(self.totp_secrets[email])
        while True:
            for code in (totp.now(), totp.at(time.time() + 30)):
                if (email, code) not in self.used_codes:
                    self.used_codes.add((email, code))
                    return code
            time.sleep(1)

    def check(self, name: str) -> None:
        """The current page meets the bar at both widths; screenshots are kept to look at."""
        page = self.page
        page.wait_for_load_state("load")
        self.steps += 1
        self.folder.mkdir(parents=True, exist_ok=True)
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        path = urlparse(page.url).path + (
            "?" + urlparse(page.url).query if urlparse(page.url).query else ""
        )
        assert page.locator("html").get_attribute("lang") == self.lang, (
            f"{name}: the page is not in {self.lang} ({page.url})"
        )
        for viewport in (self.viewport, *[v for v in (PHONE, LAPTOP) if v != self.viewport]):
            page.set_viewport_size(viewport)
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => r()))")
            width = viewport["width"]
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            assert scroll_width <= width, (
                f"{name} ({page.url}) overflows at {width} px: {scroll_width} px wide"
            )
            page.screenshot(
                path=str(self.folder / f"{self.steps:02d}-{slug}-{width}.png"), full_page=True
            )
            key = (path, self.lang, width)
            if key not in _axe_clean:
                results = axe_run(page)
                violations = results.response["violations"]
                assert not violations, f"{name} at {width} px:\n{results.generate_report()}"
                _axe_clean.add(key)
        page.set_viewport_size(self.viewport)
        assert not self.errors, f"{name}: " + "\n".join(self.errors)
        assert not self.external, f"{name}: requests to other hosts: {self.external}"


_demo_snapshot: tuple[DatabaseSnapshot, dict[str, str]] | None = None


@pytest.fixture
def demo(transactional_db) -> dict[str, str]:
    """The demo counties (``seed_demo``); every staff user gets a TOTP secret to log in with.

    Returns the secrets by e-mail address.
    """
    global _demo_snapshot
    if _demo_snapshot is not None:
        snapshot, secrets = _demo_snapshot
        snapshot.restore()
        return dict(secrets)
    seed_demo_once()
    secrets = {}
    for membership in Membership.objects.select_related("user"):
        user = membership.user
        if user.email not in secrets:
            secrets[user.email] = add_totp(user)
    snapshot = DatabaseSnapshot()
    snapshot.take()
    _demo_snapshot = (snapshot, secrets)
    return dict(secrets)


@pytest.fixture(params=["de", "ar"])
def lang(request) -> str:
    return request.param


def _journey(browser: Browser, request, live_server, lang: str, viewport: dict, totp: dict):
    context = browser.new_context(
        **CONTEXT_OPTIONS,
        locale="de-DE",
        viewport=viewport,
        is_mobile=viewport is PHONE,
        has_touch=viewport is PHONE,
        accept_downloads=True,
    )
    page = context.new_page()
    name = re.sub(r"[^A-Za-z0-9_.-]+", "-", request.node.name)
    journey = Journey(
        page, lang=lang, base_url=live_server.url, viewport=viewport, name=name, totp=totp
    )
    return context, journey


@pytest.fixture
def visitor(browser, request, live_server, lang, demo) -> Iterator[Journey]:
    """A member of the public on a phone, in the parametrised language."""
    context, journey = _journey(browser, request, live_server, lang, PHONE, demo)
    yield journey
    context.close()
    assert not journey.external, f"requests to other hosts: {journey.external}"


@pytest.fixture
def staff_journey(browser, request, live_server, lang, demo) -> Iterator[Journey]:
    """County staff on a laptop, in the parametrised language."""
    context, journey = _journey(browser, request, live_server, lang, LAPTOP, demo)
    yield journey
    context.close()
    assert not journey.external, f"requests to other hosts: {journey.external}"
