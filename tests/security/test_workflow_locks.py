"""Staff workflows decide once (issue 9, item 12): accepting or rejecting a change request,
answering a join request and starting an update round lock their row, so a double submit or
two colleagues at the same moment give one decision, one mail and one set of changes.

Each test runs the same action twice in parallel, with a pause between reading the state and
writing it (the window a double click hits). The ``without_the_lock`` variants remove the lock
and show that the same race then does the work twice - proof the tests can fail.
"""

from __future__ import annotations

import datetime
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.utils import timezone

from networks import services as network_services
from networks.models import JoinRequest, Person
from offers.models import ChangeRequest, Offer, UpdateRound
from offers.services import changes, rounds
from portal.models import OutgoingMail, Role
from tests.factories import RegionFactory, staff_user
from tests.networks.factories import JoinRequestFactory, WorkingGroupFactory
from tests.offers.factories import ChangeRequestFactory, OrganisationFactory, make_offer

pytestmark = pytest.mark.django_db(transaction=True)

WINDOW = 0.3  # seconds between reading and writing; long enough to overlap on a busy machine


def at_once(*actions: Callable[[], object]) -> list[object]:
    """Run the actions in parallel threads (own database connections) that start together."""
    barrier = threading.Barrier(len(actions))

    def run(action: Callable[[], object]) -> object:
        try:
            connection.ensure_connection()
            barrier.wait()
            return action()
        finally:
            connection.close()

    with ThreadPoolExecutor(len(actions)) as pool:
        return list(pool.map(run, actions))


def twice_at_once(action: Callable[[], object]) -> list[object]:
    return at_once(action, action)


def slowed(function: Callable, *, before: bool = False) -> Callable:
    def wrapper(*args, **kwargs):
        if before:
            time.sleep(WINDOW)
        result = function(*args, **kwargs)
        if not before:
            time.sleep(WINDOW)
        return result

    return wrapper


@pytest.fixture
def region():
    return RegionFactory(slug="locks")


@pytest.fixture
def coordinator(region):
    return staff_user(region, Role.COORDINATOR, with_totp=False)


# --- change requests ------------------------------------------------------------------------


@pytest.fixture
def change_request(region):
    offer = make_offer(region, provider=OrganisationFactory(region=region), title="Sprachcafé")
    return ChangeRequestFactory(
        region=region,
        kind=ChangeRequest.Kind.OFFER_CHANGE,
        source=ChangeRequest.Source.PUBLIC,
        offer=offer,
        data={"title": "Sprachcafé am Abend"},
        submitter_email="hinweis@example.org",
    )


@pytest.fixture
def slow_apply(monkeypatch):
    monkeypatch.setattr(changes, "_apply", slowed(changes._apply, before=True))


def accept(change_request, user):
    return lambda: changes.change_request_accept(
        change_request=change_request, user=user, notify=True
    )


def applied_versions(change_request) -> int:
    reason = f"Change request #{change_request.pk}"
    return Offer.history.filter(history_change_reason=reason).count()


def test_a_double_accept_applies_the_change_once_and_mails_once(
    change_request, coordinator, slow_apply
):
    results = twice_at_once(accept(change_request, coordinator))
    assert sum(result is not None for result in results) == 1
    assert applied_versions(change_request) == 1
    assert OutgoingMail.objects.filter(to="hinweis@example.org").count() == 1
    assert ChangeRequest.objects.get().status == ChangeRequest.Status.ACCEPTED


def test_accept_and_reject_at_once_give_one_decision(change_request, coordinator, monkeypatch):
    applying = threading.Event()

    def apply_slowly(*args, **kwargs):
        applying.set()  # the accepting thread holds the lock now
        time.sleep(WINDOW)
        return apply(*args, **kwargs)

    apply = changes._apply
    monkeypatch.setattr(changes, "_apply", apply_slowly)

    def reject_while_accepting():
        # Waits for the lock to be taken rather than for a fixed time: on a busy machine the
        # accepting thread started more than a fixed pause late.
        assert applying.wait(10)
        return changes.change_request_reject(change_request=change_request, user=coordinator)

    results = at_once(accept(change_request, coordinator), reject_while_accepting)
    assert results[0] is not None and results[1] is None
    assert ChangeRequest.objects.get().status == ChangeRequest.Status.ACCEPTED
    assert applied_versions(change_request) == 1


def test_without_the_lock_a_double_accept_applies_twice(
    change_request, coordinator, slow_apply, monkeypatch
):
    def read_without_lock(change_request):
        fresh = ChangeRequest.objects.get(pk=change_request.pk)
        return fresh if fresh.status == ChangeRequest.Status.PENDING else None

    monkeypatch.setattr(changes, "lock_pending", read_without_lock)
    twice_at_once(accept(change_request, coordinator))
    assert applied_versions(change_request) == 2
    assert OutgoingMail.objects.filter(to="hinweis@example.org").count() == 2


# --- join requests --------------------------------------------------------------------------


@pytest.fixture
def join_request(region):
    group = WorkingGroupFactory(region=region, name="AG Sprache")
    return JoinRequestFactory(
        working_group=group, name="Rana Haddad", email="rana@example.org", public_consent=True
    )


@pytest.fixture
def slow_membership(monkeypatch):
    # The pause comes after the person has been looked up and created, before the commit:
    # paused before the lookup, the second answer looked up after the first had committed
    # whenever it started a few milliseconds later, and found the person (a CI run).
    monkeypatch.setattr(network_services, "_member_for", slowed(network_services._member_for))


def answer(join_request, user):
    return lambda: network_services.join_request_answer(
        join_request=join_request,
        status=JoinRequest.Status.ACCEPTED,
        answer="Willkommen",
        user=user,
    )


def test_a_double_answer_makes_one_member_and_sends_one_mail(
    join_request, coordinator, slow_membership
):
    results = twice_at_once(answer(join_request, coordinator))
    assert sum(result is not None for result in results) == 1
    assert Person.objects.filter(email="rana@example.org").count() == 1
    assert OutgoingMail.objects.filter(to="rana@example.org").count() == 1


def test_without_the_lock_a_double_answer_creates_the_person_twice(
    join_request, coordinator, slow_membership, monkeypatch
):
    def read_without_lock(join_request):
        fresh = JoinRequest.objects.select_related("working_group__region").get(pk=join_request.pk)
        return fresh if fresh.status == JoinRequest.Status.NEW else None

    monkeypatch.setattr(network_services, "lock_unanswered", read_without_lock)
    twice_at_once(answer(join_request, coordinator))
    assert Person.objects.filter(email="rana@example.org").count() == 2
    assert OutgoingMail.objects.filter(to="rana@example.org").count() == 2


# --- update rounds --------------------------------------------------------------------------


@pytest.fixture
def provider(region):
    organisation = OrganisationFactory(region=region, email="info@anbieter.example")
    make_offer(region, provider=organisation, title="Hausaufgabenhilfe")
    return organisation


@pytest.fixture
def slow_check(monkeypatch):
    monkeypatch.setattr(rounds, "open_round", slowed(rounds.open_round))


def start(region, user):
    return lambda: rounds.round_start(
        region=region,
        name="Aktualisierung 2027",
        deadline=timezone.localdate() + datetime.timedelta(days=30),
        reminder_interval_days=14,
        user=user,
    )


def test_a_double_start_starts_one_round_and_mails_each_provider_once(
    region, provider, coordinator, slow_check
):
    results = twice_at_once(start(region, coordinator))
    assert sorted(started for _round, started in results) == [False, True]
    assert UpdateRound.objects.in_region(region).count() == 1
    assert OutgoingMail.objects.filter(to="info@anbieter.example").count() == 1


def test_without_the_lock_a_double_start_starts_two_rounds(
    region, provider, coordinator, slow_check, monkeypatch
):
    monkeypatch.setattr(rounds, "lock_region", lambda region: None)
    twice_at_once(start(region, coordinator))
    assert UpdateRound.objects.in_region(region).count() == 2
    assert OutgoingMail.objects.filter(to="info@anbieter.example").count() == 2
