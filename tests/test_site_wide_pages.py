"""Every public page of the demo site, in German and in Arabic.

The crawl starts from /sitemap.xml and adds every feed, calendar, open-data file and PDF the
pages announce with <link rel="alternate">. Each answer is 200; each HTML page has one <h1>
and the right <html lang dir>; no page runs more than a sane number of queries or the same
query again and again (an N+1); no person without consent appears anywhere; and one page of
each kind, with the forms (also sent with errors) and the main back-office pages, is valid HTML
to the Nu Html Checker.
"""

from __future__ import annotations

import io
import re
import uuid

import pytest
from django.test import Client
from django.urls import resolve
from pypdf import PdfReader

from tests.conferences.factories import RegistrationFactory
from tests.factories import add_totp
from tests.html_checker import check_html
from tests.site_wide import H1, HIDDEN_MARK, HTML_TAG, crawl, demo_site_fixture  # noqa: F401

MAX_QUERIES = 25
# The same statement (numbers aside) more often than this on one page is an N+1.
MAX_REPEATS = 2
DIRECTIONS = {"de": "ltr", "ar": "rtl"}

# Problems in other apps' code, reported to their owners: (regex on the problem, app).
# Remove an entry once it is fixed.
KNOWN_ISSUES: list[tuple[str, str]] = []


@pytest.fixture(scope="module", params=["de", "ar"])
def site(request, demo_site, django_db_blocker):
    client = Client()
    client.cookies["django_language"] = request.param
    with django_db_blocker.unblock():
        return request.param, crawl(client)


def _unexpected(problems: list[str]) -> list[str]:
    return [p for p in problems if not any(re.match(rx, p) for rx, _app in KNOWN_ISSUES)]


def test_the_crawl_covers_pages_feeds_calendars_open_data_and_pdfs(site):
    _language, pages = site
    kinds = {p.content_type.split(";")[0] for p in pages.values()}
    assert len(pages) > 200
    assert {
        "text/html",
        "text/calendar",
        "application/atom+xml",
        "application/pdf",
        "text/csv",
        "application/json",
    } <= kinds, kinds


def test_every_page_and_announced_file_answers_200(site):
    _language, pages = site
    failing = [f"{p.path}: {p.status}" for p in pages.values() if p.status != 200]
    assert not failing, "\n".join(failing)


def test_every_html_page_has_exactly_one_h1(site):
    _language, pages = site
    counts = {p.path: len(H1.findall(p.text)) for p in pages.values() if p.is_html}
    assert {path: n for path, n in counts.items() if n != 1} == {}


def test_every_html_page_declares_its_language_and_direction(site):
    language, pages = site
    expected = f'lang="{language}" dir="{DIRECTIONS[language]}"'
    wrong = {}
    for page in pages.values():
        if page.is_html:
            tag = HTML_TAG.search(page.text)
            if tag is None or expected not in tag.group(0):
                wrong[page.path] = tag.group(0) if tag else None
    assert wrong == {}


def test_no_page_needs_many_queries_or_repeats_one_per_row(site):
    _language, pages = site
    problems = []
    for page in pages.values():
        if len(page.queries) > MAX_QUERIES:
            problems.append(f"{page.path}: {len(page.queries)} queries")
        for sql, times in page.repeated_queries(MAX_REPEATS):
            problems.append(f"{page.path}: N+1, {times} × {sql}")
    assert _unexpected(problems) == [], "\n".join(_unexpected(problems))


def _text_of(page) -> str:
    if page.content_type.startswith("application/pdf"):
        reader = PdfReader(io.BytesIO(page.body))
        return "\n".join(p.extract_text() or "" for p in reader.pages)
    return page.text


def test_no_person_without_consent_appears_on_any_page_feed_file_or_pdf(site, demo_site):
    _language, pages = site
    assert demo_site.hidden_people > 20
    leaks = [p.path for p in pages.values() if HIDDEN_MARK in _text_of(p).lower()]
    assert leaks == [], "people without consent are published"


@pytest.mark.django_db
def test_the_region_home_needs_few_queries(
    demo_site, client, django_assert_max_num_queries, settings
):
    settings.PAGE_CACHE_SECONDS = 0  # the render's queries (tests/portal/test_page_cache.py)
    # region; network summary; events, their dates, their fields; contacts, team, statistics,
    # fields of action
    for slug in demo_site.regions:
        with django_assert_max_num_queries(9):
            assert client.get(f"/{slug}/").status_code == 200


# --- valid HTML ------------------------------------------------------------------------------

REGISTER = "/goslar/events/integrationskonferenz/register/"


def _html(client: Client, path: str, data: dict | None = None, status: int = 200) -> bytes:
    response = client.post(path, data) if data is not None else client.get(path)
    assert response.status_code in (status, 400), (path, response.status_code)
    assert response["Content-Type"].startswith("text/html"), path
    return response.content


def _forms_and_searches(client: Client) -> dict[str, bytes]:
    """The pages the crawl does not reach: searches, forms, a participant's own pages."""
    from conferences.models import EventDate

    date = EventDate.objects.filter(
        event__region__slug="goslar", event__slug="integrationskonferenz"
    )
    registration = RegistrationFactory(event_date=date.order_by("pk").first())
    own = f"/events/registration/{registration.pk}/{registration.token}/"
    paths = [
        "/events/",
        "/goslar/events/archive/",
        "/goslar/offers/?q=Deutsch&kind=course",
        REGISTER,
        "/heilbronn/events/beteiligungs-workshops/register/",
        own + "confirmation/",
        own,
        "/accounts/login/",
    ]
    pages = {path: _html(client, path) for path in paths}
    pages["/goslar/no-such-page/"] = _html(client, "/goslar/no-such-page/", status=404)
    # The forms again, sent incomplete: their error messages are part of the page.
    pages[REGISTER + " (errors)"] = _html(
        client, REGISTER, {"idempotency_key": str(uuid.uuid4()), "homepage": ""}
    )
    pages["/accessibility/ (errors)"] = _html(client, "/accessibility/", {"homepage": ""})
    pages["/accounts/login/ (errors)"] = _html(client, "/accounts/login/", {"login": "x"})
    return pages


def _back_office(client: Client) -> dict[str, bytes]:
    from conferences.models import EventDate
    from offers.models import Offer
    from portal.demo import coordinator_email
    from portal.models import User

    user = User.objects.get(email=coordinator_email("goslar"))
    add_totp(user)  # staff without a second factor are sent to set one up
    client.force_login(user)
    date = EventDate.objects.filter(
        event__region__slug="goslar", event__slug="integrationskonferenz"
    )
    date = date.order_by("pk").first()
    offer = Offer.objects.filter(region__slug="goslar").order_by("pk").first()
    assert date is not None and offer is not None
    paths = [
        "/staff/goslar/",
        "/staff/goslar/events/",
        f"/staff/goslar/events/{date.event_id}/",
        f"/staff/goslar/events/{date.event_id}/edit/",
        "/staff/goslar/events/new/",
        f"/staff/goslar/dates/{date.pk}/participants/",
        "/staff/goslar/offers/",
        f"/staff/goslar/offers/{offer.pk}/",
        "/staff/goslar/offers/new/",
        "/staff/goslar/network/organisations/",
        "/staff/goslar/team/",
    ]
    return {path: _html(client, path) for path in paths}


@pytest.mark.django_db
def test_one_page_of_each_kind_is_valid_html(site, tmp_path):
    language, crawled = site
    pages: dict[str, bytes] = {}
    seen_views: set[str] = set()
    for page in crawled.values():
        view = resolve(page.path.split("?")[0]).view_name
        if page.is_html and page.status == 200 and view not in seen_views:
            seen_views.add(view)
            pages[page.path] = page.body
    client = Client()
    client.cookies["django_language"] = language
    pages |= _forms_and_searches(client)
    offer = next(path for path in pages if re.fullmatch(r"/[\w-]+/offers/\d+/", path))
    pages[offer + "print/"] = _html(client, offer + "print/")
    pages |= _back_office(client)

    errors = check_html(pages, tmp_path)

    report = "\n".join(
        f"{path} ({language}):\n" + "\n".join(f"    {message}" for message in messages)
        for path, messages in errors.items()
    )
    assert not errors, f"The Nu Html Checker finds errors:\n{report}"
