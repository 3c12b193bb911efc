"""Production never runs with development shortcuts: no demo data, no development secret key."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from portal.env import DEVELOPMENT_SECRET_KEY
from portal.models import Region
from tests.test_operations import _manage, _production


def test_production_refuses_to_start_with_the_development_secret_key():
    result = _manage("check", **_production(SECRET_KEY=DEVELOPMENT_SECRET_KEY))
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
    assert "development" in result.stderr


def test_production_refuses_a_short_secret_key():
    result = _manage("check", **_production(SECRET_KEY="geheim"))
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.django_db
def test_seed_demo_refuses_to_run_in_production(settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="production"):
        call_command("seed_demo")
    assert not Region.objects.exists()
