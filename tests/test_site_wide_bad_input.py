"""Garbage in, never a 500: every public page and form of the demo site.

Query strings: each public page (one per URL pattern of the sitemap, plus the archive and the
version comparison) is asked with garbage in every parameter its filter forms name and in the
usual suspects (page, sort, date, field, q). Paths: huge numbers and unknown names answer 404.
Forms: every public POST form found on those pages gets empty, wrong-typed, oversized, NUL and
doubled values, and tampered hidden ids. The answer is always a clear 4xx or the page with a
message; a tampered registration writes nothing.
"""

from __future__ import annotations

import datetime
import html
import re

import pytest
from django.test import Client
from django.urls import resolve
from django.utils import timezone

from tests.offers.factories import UpdateRequestFactory, UpdateRoundFactory
from tests.site_wide import demo_site_fixture, sitemap_paths  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_site")]

GARBAGE = [
    "abc",
    "99999",
    "-1",
    "99999999999999999999",
    "2026-13-45",
    "x" * 3000,
    "a\x00b",
    "🙂 ‮",
]
# One filter at a time: wrong type, negative, out of range, impossible date, oversized, NUL.
FILTER_GARBAGE = ["abc", "-1", "99999999999999999999", "2026-13-45", "x" * 3000, "a\x00b"]
# Per form field: missing, wrong type, out of range, oversized, NUL.
FIELD_GARBAGE = ["", "abc", "99999999999999999999", "x" * 3000, "a\x00b"]
# A field of a formset's second or later row ("places-1-city").
LATER_FORMSET_ROW = re.compile(r"^.+-[1-9]\d*-[^-]+$")
USUAL_PARAMETERS = {"page", "sort", "date", "field", "q", "kind", "status"}
FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.S | re.I)
FIELD = re.compile(r"<(input|select|textarea)\b([^>]*)>", re.I)
SELECT = re.compile(r"<select\b([^>]*)>(.*?)</select>", re.S | re.I)


def _attr(tag: str, name: str) -> str | None:
    found = re.search(rf'\b{name}="([^"]*)"', tag)
    return html.unescape(found.group(1)) if found else None


def _forms(page: str, method: str) -> list[tuple[str | None, dict[str, str]]]:
    """(action, {name: a plausible value}) of each form with that method on a page."""
    forms = []
    for attrs, body in FORM.findall(page):
        if (_attr(attrs, "method") or "get").lower() != method:
            continue
        fields: dict[str, str] = {}
        for kind, tag in FIELD.findall(body):
            name = _attr(tag, "name")
            if not name or kind.lower() == "select":
                continue
            checkable = (_attr(tag, "type") or "").lower() in ("checkbox", "radio")
            fields.setdefault(name, _attr(tag, "value") or ("on" if checkable else ""))
        for attrs_, options in SELECT.findall(body):
            values = [v for v in re.findall(r'<option[^>]*value="([^"]*)"', options) if v]
            fields[_attr(attrs_, "name")] = values[0] if values else ""
        forms.append((_attr(attrs, "action") or None, fields))
    return forms


@pytest.fixture(scope="module")
def public_pages(demo_site, django_db_blocker) -> list[str]:
    """One page per public URL pattern, and the forms people fill in."""
    with django_db_blocker.unblock():
        paths = sitemap_paths(Client())
    one_per_view: dict[str, str] = {}
    for path in paths:
        one_per_view.setdefault(resolve(path).view_name, path)
    pages = list(one_per_view.values())
    pages += [
        "/goslar/events/archive/",
        "/events/",
        "/heilbronn/concept/compare/",
        # registration: ten workshops with preferences; four dates to choose from; a past event
        "/goslar/events/integrationskonferenz/register/",
        "/heilbronn/events/beteiligungs-workshops/register/",
        "/goslar/events/5-integrationskonferenz-2019/register/",
        one_per_view["offers:offer_detail"] + "suggest/",
        one_per_view["offers:provider_detail"] + "suggest/",
        one_per_view["networks:working_group_detail"],
    ]
    return list(dict.fromkeys(pages))


@pytest.fixture
def client(settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 0  # hundreds of posts from one client
    return Client(raise_request_exception=False)


def _server_errors(responses) -> list[str]:
    # 503 is the concept PDF's deliberate "being prepared, retry later" answer.
    return [f"{label}: {status}" for label, status in responses if status >= 500 and status != 503]


# --- query strings --------------------------------------------------------------------------


def test_garbage_query_parameters_never_break_a_public_page(client, public_pages):
    answers = []
    for path in public_pages:
        response = client.get(path)
        names = set(USUAL_PARAMETERS)
        if response.get("Content-Type", "").startswith("text/html"):
            for _action, fields in _forms(response.content.decode(), "get"):
                names |= set(fields)
        for value in GARBAGE:
            # every parameter at once, then doubled (?x=1&x=abc)
            answers.append(
                (
                    f"{path} all={value[:20]!r}",
                    client.get(path, dict.fromkeys(names, value)).status_code,
                )
            )
        answers.append(
            (f"{path} doubled", client.get(path, {n: ["1", "abc"] for n in names}).status_code)
        )
    assert _server_errors(answers) == []


@pytest.mark.parametrize(
    "path",
    [
        "/goslar/offers/",
        "/goslar/events/",
        "/events/",
        "/goslar/events/archive/",
        "/harz/network/",
        "/harz/working-groups/",
        "/heilbronn/concept/compare/",
        "/heilbronn/concept/2016/measures/",
        "/harz/offers/providers/",
    ],
)
def test_each_filter_of_a_list_page_takes_garbage_alone(client, path):
    response = client.get(path)
    assert response.status_code == 200
    names = {n for _a, fields in _forms(response.content.decode(), "get") for n in fields}
    names |= USUAL_PARAMETERS
    answers = [
        (f"{name}={value[:20]!r}", client.get(path, {name: value}).status_code)
        for name in sorted(names)
        for value in FILTER_GARBAGE
    ]
    assert _server_errors(answers) == []


@pytest.mark.parametrize(
    "path", ["/goslar/offers/", "/harz/network/", "/events/", "/goslar/events/archive/"]
)
def test_a_page_number_beyond_the_end_still_shows_a_page(client, path):
    assert client.get(path, {"page": "99999"}).status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/nowhere/",
        "/goslar/offers/99999999999999999999999/",
        "/goslar/offers/99999999999999999999999/suggest/",
        "/goslar/offers/providers/nobody/",
        "/goslar/offers/data/offers.xml",
        "/goslar/offers/data/secrets.csv",
        "/goslar/network/nobody/",
        "/goslar/working-groups/nobody/",
        "/goslar/working-groups/nobody/meetings.ics",
        "/goslar/working-groups/nobody/files/99999999999999999999/",
        "/goslar/concept/99999999999999999999/",
        "/goslar/concept/2019/chapters/nothing/",
        "/goslar/concept/1999/pdf/",
        "/goslar/events/nothing/",
        "/goslar/events/nothing/register/",
        "/goslar/events/nothing/event.ics",
        "/events/registration/99999999999999999999/abc/",
        "/events/registration/1/not-the-token/",
        "/events/registration/1/not-the-token/confirmation/",
        "/update/not-a-token/",
        "/update/not-a-token/offers/1/",
        "/invitation/not-a-token/",
    ],
)
def test_unknown_or_oversized_ids_in_the_path_answer_404(client, path):
    assert client.get(path).status_code == 404


# --- forms ----------------------------------------------------------------------------------


def _garbage_posts(fields: dict[str, str]) -> list[tuple[str, dict]]:
    names = [n for n in fields if n != "csrfmiddlewaretoken"]
    posts = [("empty", {})]
    # Field by field; of a formset's rows only the first, since its rows are the same form.
    posts += [
        (f"{name}={value[:20]!r}", {**fields, name: value})
        for name in names
        if not LATER_FORMSET_ROW.match(name)
        for value in FIELD_GARBAGE
    ]
    posts.append(("all abc", dict.fromkeys(names, "abc")))
    posts.append(("doubled", {n: ["1", "abc"] for n in names}))
    return posts


def _post_forms(client, path) -> list[str]:
    answers = []
    page = client.get(path)
    assert page.status_code == 200, path
    shapes = set()
    for action, fields in _forms(page.content.decode(), "post"):
        if action and action.startswith("/i18n/"):
            continue  # the language switch has its own test
        # One form per shape: a page with a form per offer needs one of them.
        shape = (action, frozenset(fields))
        if shape in shapes:
            continue
        shapes.add(shape)
        for label, data in _garbage_posts(fields):
            answers.append(
                (f"{action or path} {label}", client.post(action or path, data).status_code)
            )
    return _server_errors(answers)


def test_every_public_form_takes_garbage(client, public_pages):
    errors, forms = [], 0
    for path in public_pages:
        page = client.get(path)
        if not page.get("Content-Type", "").startswith("text/html"):
            continue
        if any(
            not (a or "").startswith("/i18n/") for a, _f in _forms(page.content.decode(), "post")
        ):
            forms += 1
            errors += _post_forms(client, path)
    # barrier reports, join request, two registrations, three suggestions
    assert forms >= 7
    assert errors == []


def test_the_language_switch_takes_garbage(client):
    for data in [
        {},
        {"language": "xx"},
        {"language": "ar", "next": "https://evil.example/"},
        {"language": "a\x00b", "next": "\x00"},
    ]:
        response = client.post("/i18n/setlang/", data)
        assert response.status_code < 500
        assert "evil.example" not in response.get("Location", "")


def _register(client, path: str, email: str):
    from conferences.models import Registration

    page = client.get(path)
    [(action, fields)] = [f for f in _forms(page.content.decode(), "post") if "event_date" in f[1]]
    fields.update(name="Garbage Tester", email=email, consent="on", second_choice="")
    assert client.post(action or path, fields).status_code == 302
    return Registration.objects.get(email=email)


def test_the_self_service_page_takes_garbage(client):
    registration = _register(
        client, "/goslar/events/integrationskonferenz/register/", "selfservice@example.org"
    )
    assert _post_forms(client, registration.self_service_path()) == []


def test_the_self_service_page_of_a_date_without_workshops_takes_garbage(client):
    registration = _register(
        client, "/heilbronn/events/beteiligungs-workshops/register/", "selfservice@example.org"
    )
    assert _post_forms(client, registration.self_service_path()) == []


@pytest.fixture
def update_link():
    """A provider's personal link of a running update round, and one of its offers."""
    from offers.models import Offer
    from offers.services.rounds import make_token

    offer = Offer.objects.published().select_related("provider", "region").first()
    update_round = UpdateRoundFactory(
        region=offer.region,
        name="Aktualisierung",
        deadline=timezone.localdate() + datetime.timedelta(days=30),
    )
    request = UpdateRequestFactory(
        round=update_round, organisation=offer.provider, email="traeger@example.org"
    )
    return f"/update/{make_token(request)}/", offer


def test_the_update_round_answer_page_takes_garbage(client, update_link):
    link, _offer = update_link
    assert _post_forms(client, link) == []


def test_the_update_round_offer_form_takes_garbage(client, update_link):
    from offers.models import Offer

    link, offer = update_link
    assert _post_forms(client, f"{link}offers/{offer.pk}/") == []
    # Another provider's offer through this provider's link: not found.
    other = Offer.objects.exclude(provider=offer.provider).first()
    assert client.get(f"{link}offers/{other.pk}/").status_code == 404


def test_a_tampered_registration_is_refused_and_writes_nothing(client):
    from conferences.models import EventDate, Registration, Workshop

    page = client.get("/goslar/events/integrationskonferenz/register/")
    assert page.status_code == 200
    [(action, fields)] = [f for f in _forms(page.content.decode(), "post") if "event_date" in f[1]]
    fields.update(name="Test Person", email="tamper@example.org", consent="on", second_choice="")
    foreign_date = EventDate.objects.exclude(event__region__slug="goslar").first()
    foreign_workshop = Workshop.objects.exclude(event_date__event__region__slug="goslar").first()
    before = Registration.objects.count()
    for tampered in [
        {"event_date": str(foreign_date.pk)},
        {"first_choice": str(foreign_workshop.pk)},
        {"second_choice": str(foreign_workshop.pk)},
        {"event_date": "99999999999999999999"},
    ]:
        response = client.post(
            action or "/goslar/events/integrationskonferenz/register/", {**fields, **tampered}
        )
        assert response.status_code == 400, tampered
    assert Registration.objects.count() == before


def test_a_provider_with_a_website_can_receive_a_suggestion(client):
    from networks.models import Organisation
    from offers.models import ChangeRequest

    provider = Organisation.objects.filter(offers__isnull=False).distinct().first()
    provider.website = "https://verein.example.org"
    provider.save(update_fields=["website"])
    path = f"/{provider.region.slug}/offers/providers/{provider.slug}/suggest/"
    [(action, fields)] = [
        f for f in _forms(client.get(path).content.decode(), "post") if "message" in f[1]
    ]
    fields.update(phone="05321 123456", message="Neue Telefonnummer")
    assert client.post(action or path, fields).status_code == 302
    assert ChangeRequest.objects.filter(organisation=provider).exists()
