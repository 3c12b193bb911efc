"""A flood of public submissions is answered 429 Too Many Requests, in the visitor's language.

The refused page still shows the form with what was typed and says to wait a minute;
``Retry-After`` tells scripts when; nothing of the refused submission is stored.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.conf import settings as django_settings
from django.db.models import Model

from conferences.models import Registration
from networks.models import JoinRequest
from offers.models import ChangeRequest
from portal.models import BarrierReport
from tests.conferences.factories import EventDateFactory
from tests.networks.factories import WorkingGroupFactory
from tests.offers.factories import OrganisationFactory, make_offer

pytestmark = pytest.mark.django_db

MESSAGES = {
    "de": "Zu viele Eingaben. Bitte warten Sie eine Minute",
    "ar": "عدد كبير جدًا من الإرسالات",
}


@dataclass
class PublicForm:
    name: str
    model: type[Model]
    url: Callable[[object], str]
    data: Callable[[object, int], dict]
    make: Callable[[object], object]


def _event_date(region):
    return EventDateFactory(event__region=region)


def _registration(event_date, n: int) -> dict:
    return {
        "idempotency_key": str(uuid.uuid4()),
        "event_date": event_date.pk,
        "name": "Amina Haddad",
        "email": f"amina{n}@example.org",
        "consent": "on",
    }


FORMS = [
    PublicForm(
        "barrier report",
        BarrierReport,
        lambda region: f"/{region.slug}/accessibility/",
        lambda region, n: {"description": f"Kontrast zu schwach ({n})."},
        lambda region: region,
    ),
    PublicForm(
        "join request",
        JoinRequest,
        lambda group: f"/{group.region.slug}/working-groups/{group.slug}/",
        lambda group, n: {"name": "Amal Haddad", "email": f"amal{n}@example.org", "privacy": "on"},
        lambda region: WorkingGroupFactory(region=region),
    ),
    PublicForm(
        "suggestion",
        ChangeRequest,
        lambda offer: f"/{offer.region.slug}/offers/{offer.pk}/suggest/",
        lambda offer, n: {
            "wrong": f"Der Kurs ist jetzt dienstags ({n}).",
            **{name: getattr(offer, name) for name in ("title", "schedule", "registration_detail")},
        },
        lambda region: make_offer(region, provider=OrganisationFactory(region=region)),
    ),
    PublicForm(
        "registration",
        Registration,
        lambda date: f"/{date.event.region.slug}/events/{date.event.slug}/register/",
        _registration,
        _event_date,
    ),
]


@pytest.fixture(autouse=True)
def one_per_minute(settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 1


@pytest.mark.parametrize("form", FORMS, ids=lambda f: f.name)
@pytest.mark.parametrize("language", ["de", "ar"])
def test_a_second_submission_in_the_same_minute_is_answered_429(client, goslar, form, language):
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = language
    target = form.make(goslar)
    assert client.post(form.url(target), form.data(target, 1)).status_code == 302

    response = client.post(form.url(target), form.data(target, 2))

    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    page = response.content.decode()
    assert MESSAGES[language] in page
    assert 'name="homepage"' in page  # the form is there again, to send once more later
    assert form.model.objects.count() == 1
