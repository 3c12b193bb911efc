"""Staff log in with password and TOTP through allauth's real forms and reach the dashboard."""

import pyotp

from portal.models import Role
from tests.browser.conftest import assert_accessible
from tests.factories import add_totp, staff_user


def test_a_coordinator_logs_in_with_totp_and_reaches_the_dashboard(page, live_server, goslar):
    user = staff_user(goslar, Role.COORDINATOR, with_totp=False, email="julia@goslar.example.org")
    secret = add_totp(user)

    page.goto(f"{live_server.url}/staff/goslar/")
    page.wait_for_url("**/accounts/login/**")
    assert_accessible(page)
    page.fill("#id_login", user.email)
    page.fill("#id_password", "correct-horse-battery")
    page.locator("main form button[type=submit]").first.click()

    page.wait_for_url("**/accounts/2fa/authenticate/")
    assert_accessible(page)
    page.fill("input[name=code]", pyotp.TOTP(secret).now())
    page.locator("main form button[type=submit]").first.click()

    page.wait_for_url("**/staff/goslar/")
    assert page.locator("h1").inner_text() in ("Übersicht", "Dashboard")
    assert_accessible(page)

    page.locator("nav a[href='/staff/goslar/team/']").click()
    page.wait_for_url("**/staff/goslar/team/")
    assert page.get_by_text(user.email).first.is_visible()
    assert_accessible(page)

    page.goto(f"{live_server.url}/staff/goslar/office/")
    assert_accessible(page)
