"""Journey 10 - a coordinator of another county.

The coordinator of Harz tries the back-office pages of journeys 6 to 9 - and every other staff
page - for Goslar's objects: by Goslar's addresses and by Harz's addresses with Goslar's
numbers. Every attempt is refused with the same "page not found" an address that never existed
gets, so nothing tells her what exists; forms sent to those addresses change nothing. Typing
addresses is this journey's point.
"""

from __future__ import annotations

import re

from django.urls import reverse

from networks.models import IntegrationConcept, WorkingGroup
from offers.models import ChangeRequest, UpdateRound
from portal.models import Region
from tests.networks.factories import JoinRequestFactory
from tests.staff_matrix import all_cases


def main_text(html: str) -> str:
    match = re.search(r"<main\b.*?</main>", html, re.S)
    text = re.sub(r"<[^>]+>", " ", match.group(0) if match else html)
    return " ".join(text.split())


def fetch(page, method: str, url: str, data: dict | None = None):
    if method == "get":
        return page.request.get(url, max_redirects=0)
    token = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    return page.request.post(
        url, form=data or {}, headers={"X-CSRFToken": token, "Referer": url}, max_redirects=0
    )


def goto_refused(journey, path: str) -> None:
    """Type an address that must be refused; the browser's own note about the 404 it got
    for that page is expected, any other console error still fails the journey."""
    response = journey.page.goto(f"{journey.base_url}{path}")
    assert response.status == 404, f"{path}: {response.status}"
    expected = f"status of 404 (Not Found) ({journey.base_url}{path})"
    journey.errors[:] = [e for e in journey.errors if not e.endswith(expected)]


def test_a_coordinator_of_harz_learns_nothing_about_goslar(staff_journey):
    journey = staff_journey
    page, _ = journey.page, journey._
    base = journey.base_url
    journey.start()
    journey.login("koordination@harz.example.org")
    assert page.locator("#staff-menu a[href^='/staff/goslar/']").count() == 0

    # What "this page does not exist" looks like, at an address that never existed.
    goto_refused(journey, "/staff/no-such-county/")
    assert page.locator("h1").inner_text() == _("Page not found")
    nothing = main_text(page.content())

    # Goslar's back-office, typed in: refused like the address above.
    goto_refused(journey, "/staff/goslar/")
    journey.check("Goslar's dashboard, refused")
    assert main_text(page.content()) == nothing

    goslar = Region.objects.get(slug="goslar")
    cases = all_cases()
    if journey.lang != "de":
        # The same answers in every language; the sweep runs once, in the German journey.
        cases = [c for c in cases if c.name.startswith("offers_staff:change_request")]
    demo_concept = IntegrationConcept.objects.get(region=goslar, status="adopted")
    existing = {  # builders that would clash with Goslar's demo data use it instead
        "networks_staff:concept_revise": {"pk": demo_concept.pk},
        "networks_staff:note_add": {"measure_pk": demo_concept.measures.first().pk},
    }
    tried = 0
    for case in cases:
        kwargs = existing.get(case.name) or case.kwargs(goslar)
        data = case.data(goslar)
        ids = {name for name in kwargs if name == "pk" or name.endswith("_pk")}
        for region in ("goslar", "harz"):
            if region == "harz" and not ids:
                continue  # Harz's own pages, with nothing of Goslar's in them
            url = base + reverse(case.name, kwargs={"region": region, **kwargs})
            answer = fetch(page, case.method, url, data)
            # the same page an address that never existed gets
            assert answer.status == 404, f"{case.method.upper()} {url}: {answer.status}"
            assert main_text(answer.text()) == nothing, url
            tried += 1
    assert tried >= (150 if journey.lang == "de" else 2)

    # Decisions sent to Goslar's objects: refused the same way, and nothing changes.
    suggestion = ChangeRequest.objects.filter(region=goslar).first()
    group = WorkingGroup.objects.in_region(goslar).first()
    asking = JoinRequestFactory(working_group=group, name="A. B.", email="ab@example.org")
    for path, form in (
        (f"/staff/harz/offers/changes/{suggestion.pk}/", {"decision": "accept"}),
        (f"/staff/goslar/offers/changes/{suggestion.pk}/", {"decision": "reject"}),
        (f"/staff/harz/network/join-requests/{asking.pk}/", {"status": "accepted", "answer": "Ja"}),
        (
            "/staff/goslar/offers/rounds/",
            {"name": "Runde", "deadline": "2099-01-01", "reminder_interval_days": "14"},
        ),
    ):
        answer = fetch(page, "post", base + path, form)
        assert answer.status == 404 and main_text(answer.text()) == nothing, path
    assert not ChangeRequest.objects.filter(region=goslar).exclude(status="pending").exists()
    asking.refresh_from_db()
    assert asking.status == "new" and not group.member_persons.filter(email="ab@example.org")
    assert not UpdateRound.objects.filter(region=goslar, name="Runde").exists()

    # One of the pages in the browser: a Goslar change request behind a Harz address.
    goto_refused(journey, f"/staff/harz/offers/changes/{suggestion.pk}/")
    journey.check("Goslar's change request behind a Harz address, refused")
    assert main_text(page.content()) == nothing
