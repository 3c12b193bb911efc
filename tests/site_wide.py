"""Shared pieces of the site-wide tests: the demo data loaded once per module, and a crawler.

A module loads the demo (``tests.demo_data``) once inside a transaction that is rolled back
at the end; each test runs in a savepoint inside it. Other
test modules on the same worker never see the demo data.

Every organisation of the demo gets a contact person who must never be published: without
consent in public organisations, with consent but in internal organisations. They are also
made lead and member of every working group, attendees of the meetings and contact person of
the organisation's offers, so each place that can show a person is put to the test.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import pytest
from django.db import connection, transaction
from django.test import TestCase
from django.test.utils import CaptureQueriesContext, override_settings

from tests.demo_data import forget_content_types, seed_demo_once
from tests.networks.factories import PersonFactory

# Lower-case marker in every hidden person's name, e-mail and phone.
HIDDEN_MARK = "xqzverborgen"

SITEMAP_LOC = re.compile(r"<loc>https?://[^/<]+([^<]+)</loc>")
ALTERNATE_LINK = re.compile(r"<link\b[^>]*\brel=\"alternate\"[^>]*>")
HREF = re.compile(r"\bhref=\"([^\"]+)\"")
HTML_TAG = re.compile(r"<html\b[^>]*>")
H1 = re.compile(r"<h1[\s>]")


@dataclass
class DemoSite:
    hidden_people: int
    regions: list[str]


def _hide_people() -> int:
    """Give every demo organisation a person the public must never see."""
    from networks.models import Organisation, WorkingGroup, WorkingGroupMeeting
    from offers.models import Offer

    created = 0
    for organisation in Organisation.objects.select_related("region").order_by("pk"):
        created += 1
        person = PersonFactory(
            region=organisation.region,
            organisation=organisation,
            name=f"Xqzverborgen Geheim {created}",
            function="Xqzverborgen Funktion",
            email=f"xqzverborgen{created}@example.org",
            phone=f"0{created} xqzverborgen",
            # Consent only where the organisation itself is internal: still never public.
            public_consent=not organisation.is_public,
        )
        Offer.objects.filter(provider=organisation).update(contact_person=person)
        groups = WorkingGroup.objects.filter(region=organisation.region)
        groups.update(lead_person=person)
        for group in groups:
            group.member_persons.add(person)
        for meeting in WorkingGroupMeeting.objects.filter(working_group__in=groups):
            meeting.attendees.add(person)
    return created


def load_demo_site(django_db_blocker, media_root):
    """Generator body for a module-scoped fixture: demo data, rolled back afterwards."""
    with (
        django_db_blocker.unblock(),
        override_settings(
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
            MEDIA_ROOT=media_root,
            SENDFILE_ROOT=str(media_root),
        ),
        transaction.atomic(),
    ):
        seed_demo_once()
        hidden = _hide_people()
        from portal.models import Region

        yield DemoSite(
            hidden_people=hidden,
            regions=list(Region.objects.order_by("slug").values_list("slug", flat=True)),
        )
        transaction.set_rollback(True)
    forget_content_types()


@pytest.fixture(scope="module", name="demo_site")
def demo_site_fixture(django_db_setup, django_db_blocker, tmp_path_factory):
    yield from load_demo_site(django_db_blocker, tmp_path_factory.mktemp("demo-media"))


@dataclass
class Fetched:
    path: str
    status: int
    content_type: str
    body: bytes
    queries: list[str] = field(default_factory=list)

    @property
    def is_html(self) -> bool:
        return self.content_type.startswith("text/html")

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    def alternates(self) -> list[str]:
        if not self.is_html:
            return []
        found = []
        for tag in ALTERNATE_LINK.findall(self.text):
            if "hreflang=" in tag:
                continue  # the same page in another language: each crawl keeps to one
            href = HREF.search(tag)
            if href:
                found.append(re.sub(r"^https?://[^/]+", "", href.group(1).replace("&amp;", "&")))
        return found

    def repeated_queries(self, limit: int) -> list[tuple[str, int]]:
        """SQL run more than ``limit`` times with only numbers changed: the mark of an N+1."""
        shapes = Counter(re.sub(r"\b\d+\b", "N", sql) for sql in self.queries)
        return [(sql[:160], n) for sql, n in shapes.items() if n > limit]


def fetch(client, path: str, *, follow: bool = True) -> Fetched:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, follow=follow)
        if getattr(response, "streaming", False):
            # Consuming the content closes the response the way the test client expects
            # (closing it again here would close the database connection).
            body = b"".join(response.streaming_content)
        else:
            body = response.content
    return Fetched(
        path=path,
        status=response.status_code,
        content_type=response.get("Content-Type", ""),
        body=body,
        queries=[q["sql"] for q in captured.captured_queries],
    )


def sitemap_paths(client) -> list[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return SITEMAP_LOC.findall(response.content.decode())


def crawl(client) -> dict[str, Fetched]:
    """Fetch the sitemap's pages and everything they announce with <link rel="alternate">.

    Concept PDFs are made by a background job on first request (503 + Retry-After): the
    jobs run in the test and the PDFs are fetched again.
    """
    from tests.conftest import JobRunner

    pages: dict[str, Fetched] = {}
    queue = sitemap_paths(client)
    with TestCase.captureOnCommitCallbacks(execute=True):
        while queue:
            path = queue.pop(0)
            if path not in pages:
                pages[path] = page = fetch(client, path)
                queue.extend(p for p in page.alternates() if p not in pages)
    pending = [p.path for p in pages.values() if p.status == 503]
    if pending:
        JobRunner().run()
        for path in pending:
            pages[path] = fetch(client, path)
    return pages
