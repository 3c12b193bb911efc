"""Services tell the apps about changes they care about (portal.hooks: listen and emit)."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile

from networks import hooks as networks_hooks
from networks import services as networks_services
from portal import hooks, services
from portal.models import FieldOfAction, Region
from tests.conferences.factories import EventFactory
from tests.networks.factories import OrganisationFactory, PersonFactory


@pytest.fixture
def heard():
    """Listens to every change event for the length of one test."""
    events: list[tuple[str, dict]] = []
    names = [
        hooks.FIELD_OF_ACTION_RENAMED,
        hooks.REGION_DELETED,
        networks_hooks.ORGANISATION_RENAMED,
        networks_hooks.CONSENT_WITHDRAWN,
    ]
    listeners = {
        name: (lambda name=name, **payload: events.append((name, payload))) for name in names
    }
    for name, listener in listeners.items():
        hooks.listen(name, listener)
    yield events
    for name, listener in listeners.items():
        hooks.unlisten(name, listener)


def test_a_new_name_of_an_organisation_is_announced_once_and_other_changes_are_not(goslar, heard):
    organisation = OrganisationFactory(region=goslar, name="AWO Goslar")

    networks_services.organisation_save(organisation=organisation, data={"city": "Vienenburg"})
    networks_services.organisation_save(organisation=organisation, data={"name": "AWO Harz"})

    assert heard == [(networks_hooks.ORGANISATION_RENAMED, {"organisation": organisation})]


def test_a_new_organisation_is_no_rename(goslar, heard):
    networks_services.organisation_save(
        organisation=OrganisationFactory.build(region=goslar), data={"name": "Neu e. V."}
    )

    assert heard == []


def test_withdrawing_the_consent_to_be_listed_publicly_is_announced(goslar, heard):
    person = PersonFactory(region=goslar, public_consent=True)

    networks_services.person_save(person=person, data={"function": "Leitung"})
    networks_services.person_save(person=person, data={"public_consent": False})
    networks_services.person_save(person=person, data={"public_consent": False})

    assert heard == [(networks_hooks.CONSENT_WITHDRAWN, {"person": person})]


def test_a_new_name_of_a_field_of_action_is_announced(goslar, heard):
    field = FieldOfAction.objects.in_region(goslar).get(slug="arbeit")

    services.field_of_action_save(field_of_action=field, data={"description": "Beruf"})
    services.field_of_action_save(field_of_action=field, data={"name": "Arbeit und Beruf"})

    assert heard == [(hooks.FIELD_OF_ACTION_RENAMED, {"field_of_action": field})]


def test_deleting_a_region_announces_it_first_and_removes_its_files_after_commit(
    goslar, heard, django_capture_on_commit_callbacks
):
    event = EventFactory(region=goslar, title="Integrationskonferenz", slug="ik")
    event.image.save("konferenz.png", ContentFile(b"\x89PNG"), save=True)
    storage, name = event.image.storage, event.image.name

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.region_delete(region=goslar)
    assert storage.exists(name)  # nothing is gone before the deletion commits
    for callback in callbacks:
        callback()

    assert heard == [(hooks.REGION_DELETED, {"region": goslar})]
    assert not Region.objects.filter(slug="goslar").exists()
    assert not storage.exists(name)
