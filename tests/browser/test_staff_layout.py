"""The back-office on a phone: the staff menu folds away behind a button instead of pushing
the page's content a thousand pixels down; on a laptop it stays open beside the content."""

import pyotp

from portal.models import Role
from tests.factories import add_totp, staff_user


def log_in(page, live_server, region) -> None:
    user = staff_user(region, Role.COORDINATOR, with_totp=False, email="julia@goslar.example.org")
    secret = add_totp(user)
    page.goto(f"{live_server.url}/staff/goslar/")
    page.fill("#id_login", user.email)
    page.fill("#id_password", "correct-horse-battery")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/accounts/2fa/authenticate/")
    page.fill("input[name=code]", pyotp.TOTP(secret).now())
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/staff/goslar/")


def test_on_a_phone_the_menu_opens_on_request_and_the_content_comes_first(
    phone_page, live_server, goslar
):
    page = phone_page
    log_in(page, live_server, goslar)
    menu = page.locator("#staff-menu")
    assert not menu.is_visible()
    heading = page.locator("main h1").bounding_box()
    assert heading and heading["y"] < 500, "the page's heading is on the first screen"
    page.get_by_role("button", name="Menü").click()
    page.get_by_role("link", name="E-Mail-Protokoll").wait_for(state="visible")
    page.get_by_role("link", name="E-Mail-Protokoll").click()
    page.wait_for_url("**/staff/goslar/mail/")


def test_on_a_laptop_the_menu_is_always_open(page, live_server, goslar):
    log_in(page, live_server, goslar)
    assert page.locator("#staff-menu").is_visible()
    assert not page.get_by_role("button", name="Menü").is_visible()
