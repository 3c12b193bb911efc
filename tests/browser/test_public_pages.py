"""A visitor opens the county list and a county's home page."""

from tests.browser.conftest import assert_accessible


def test_visitor_finds_the_county_and_its_office(page, live_server, goslar):
    page.goto(f"{live_server.url}/")
    assert_accessible(page)
    page.get_by_role("link", name="Landkreis Goslar").click()
    page.wait_for_url("**/goslar/")
    assert page.locator("h1").inner_text() == "Landkreis Goslar"
    assert page.locator("html").get_attribute("lang") == "de"
    assert_accessible(page)
