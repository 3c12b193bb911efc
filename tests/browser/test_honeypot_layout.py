"""The honeypot of public forms: out of sight, out of the accessibility tree, and taking no room
in either writing direction (it once made Arabic pages 10,390 px wide)."""

import pytest
from django.conf import settings

from tests.browser.conftest import _new_page


@pytest.fixture
def arabic_phone(browser, external_requests, live_server):
    context, page = _new_page(
        browser,
        external_requests,
        locale="ar",
        viewport={"width": 390, "height": 844},
        is_mobile=True,
    )
    context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": "ar", "url": live_server.url}]
    )
    yield page
    context.close()
    assert external_requests == []


@pytest.mark.parametrize("width", [390, 1366])
def test_an_arabic_page_with_a_public_form_is_no_wider_than_the_screen(
    arabic_phone, live_server, goslar, width
):
    page = arabic_phone
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}/goslar/accessibility/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("input[name=homepage]").count() == 1
    scroll_width, inner_width = page.evaluate(
        "[document.documentElement.scrollWidth, window.innerWidth]"
    )
    assert scroll_width <= inner_width


def test_the_honeypot_is_invisible_to_people_and_screen_readers_but_there_for_bots(
    arabic_phone, live_server, goslar
):
    page = arabic_phone
    page.goto(f"{live_server.url}/goslar/accessibility/")
    field = page.locator("input[name=homepage]")
    box = page.locator(".hp-field").bounding_box()
    assert box is None or box["width"] * box["height"] <= 1
    assert field.get_attribute("tabindex") == "-1"
    label = page.locator(".hp-field label").text_content()
    assert label and page.get_by_role("textbox", name=label).count() == 0
    # A bot filling every input still reaches it (display:none fields are skipped by bots).
    assert page.evaluate("getComputedStyle(document.querySelector('.hp-field')).display") != "none"
