"""Fixtures of the networks tests: Goslar's language working group and an editor's client.

Uploads go to a temporary folder for every test: the media_root fixture of tests/conftest.py."""

import pytest

from tests.networks.factories import WorkingGroupFactory


@pytest.fixture
def group(goslar):
    """Goslar's working group on language (field of action "Sprache")."""
    group = WorkingGroupFactory(region=goslar, name="AK Sprache", slug="ak-sprache")
    group.fields_of_action.add(goslar.fields_of_action.get(slug="sprache"))
    return group


@pytest.fixture
def staff(client_of, editor_goslar):
    return client_of(editor_goslar)
