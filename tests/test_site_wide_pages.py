"""Every public page of the demo site, in German and in Arabic.

The crawl starts from /sitemap.xml and adds every feed, calendar, open-data file and PDF the
pages announce with <link rel="alternate">. Each answer is 200; each HTML page has one <h1>
and the right <html lang dir>; no page runs more than a sane number of queries or the same
query again and again (an N+1); and no person without consent appears anywhere.
"""

from __future__ import annotations

import io
import re

import pytest
from django.test import Client
from pypdf import PdfReader

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
