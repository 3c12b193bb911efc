"""The second factor: a used code cannot be replayed, and its secrets are encrypted at rest.

With ``MFA_TOTP_TOLERANCE = 1`` a code is accepted during three 30-second steps (the
previous, the current and the next), so whoever watched it being typed has up to 90 seconds
to use it again. allauth remembers a used code for only 30 seconds; the portal remembers it
for the whole accepted window.

The TOTP secret and the seed of the recovery codes are what an attacker needs to make codes
forever: a database dump (backup, replica, support copy) must not contain them in the clear.
"""

from __future__ import annotations

import datetime
import importlib
import json
import time

import pyotp
import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from portal.models import Role
from tests.factories import add_totp, staff_user

PASSWORD = "correct-horse-battery"
STEP = 30


class Clock:
    """Wall-clock time for allauth's TOTP check and the database cache, moved by the test."""

    def __init__(self, now: float):
        self.now = now

    def advance(self, seconds: float) -> None:
        self.now += seconds

    def aware(self) -> datetime.datetime:
        return datetime.datetime.fromtimestamp(self.now, tz=datetime.UTC)


@pytest.fixture
def clock(monkeypatch):
    # At the start of a 30-second step, so the test knows which codes are accepted when.
    clock = Clock((int(time.time()) // STEP + 1) * STEP + 1)
    monkeypatch.setattr(time, "time", lambda: clock.now)
    monkeypatch.setattr("django.core.cache.backends.db.tz_now", clock.aware)
    return clock


@pytest.fixture
def coordinator(goslar):
    user = staff_user(goslar, Role.COORDINATOR, with_totp=False)
    user.totp_secret = add_totp(user)
    return user


def _log_in(client, user, code: str):
    client.logout()
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.url == reverse("mfa_authenticate")
    return client.post(reverse("mfa_authenticate"), {"code": code})


def _logged_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.mark.parametrize("seconds_later", [1, 31, 61, 88])
def test_a_used_code_is_refused_for_the_whole_accepted_window(
    client, coordinator, clock, seconds_later
):
    code = pyotp.TOTP(coordinator.totp_secret).at(clock.now + STEP)
    assert _log_in(client, coordinator, code).status_code == 302
    clock.advance(seconds_later)

    response = _log_in(client, coordinator, code)

    assert response.status_code == 200
    assert not _logged_in(client)
    assert "Falscher Code." in response.content.decode()


def test_the_next_code_still_logs_in_after_one_was_used(client, coordinator, clock):
    totp = pyotp.TOTP(coordinator.totp_secret)
    assert _log_in(client, coordinator, totp.at(clock.now)).status_code == 302
    clock.advance(STEP)
    assert _log_in(client, coordinator, totp.at(clock.now)).status_code == 302
    assert _logged_in(client)


def test_the_code_that_activated_the_second_factor_cannot_log_in(client, goslar, clock):
    user = staff_user(goslar, Role.COORDINATOR, with_totp=False)
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    # allauth asks for the password once more before a second factor is added
    page = client.get(reverse("mfa_activate_totp"), follow=True)
    page = client.post(
        page.request["PATH_INFO"] + "?" + page.request["QUERY_STRING"],
        {"password": PASSWORD},
        follow=True,
    )
    secret = page.context["form"].secret
    code = pyotp.TOTP(secret).at(clock.now)
    response = client.post(reverse("mfa_activate_totp"), {"code": code})
    assert response.status_code == 302
    clock.advance(STEP + 5)

    assert _log_in(client, user, code).status_code == 200
    assert not _logged_in(client)


# --- encrypted at rest -------------------------------------------------------------------------


def _raw_data(user) -> dict[str, dict]:
    """The authenticators' JSON as it lies in the database."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT type, data FROM mfa_authenticator WHERE user_id = %s", [user.pk])
        return {
            kind: data if isinstance(data, dict) else json.loads(data)
            for kind, data in cursor.fetchall()
        }


def test_the_totp_secret_is_not_stored_in_the_clear(coordinator):
    stored = json.dumps(_raw_data(coordinator)["totp"])
    assert coordinator.totp_secret not in stored
    assert coordinator.totp_secret.lower() not in stored.lower()


def test_recovery_codes_are_not_stored_in_the_clear(coordinator):
    codes = RecoveryCodes.activate(coordinator)
    seed_in_memory = codes.instance.data["seed"]
    stored = _raw_data(coordinator)["recovery_codes"]
    plain_seed = RecoveryCodes(codes.instance).generate_codes()  # works: decrypts the seed
    assert len(plain_seed) == 10
    assert stored["seed"] == seed_in_memory
    assert len(stored["seed"]) > 80  # a hex seed is 80 characters; a token is longer
    assert all(code not in json.dumps(stored) for code in plain_seed)


def test_a_login_works_with_the_encrypted_secret(client, coordinator, clock):
    code = pyotp.TOTP(coordinator.totp_secret).at(clock.now)
    assert _log_in(client, coordinator, code).status_code == 302


def test_a_recovery_code_logs_in_once(client, coordinator, clock):
    recovery = RecoveryCodes.activate(coordinator)
    code = recovery.get_unused_codes()[0]
    assert _log_in(client, coordinator, code).status_code == 302
    assert _log_in(client, coordinator, code).status_code == 200


def test_a_new_key_can_be_added_in_front_and_old_secrets_still_work(
    client, coordinator, clock, settings
):
    old_keys = list(settings.MFA_ENCRYPTION_KEYS)
    settings.MFA_ENCRYPTION_KEYS = [Fernet.generate_key().decode(), *old_keys]
    code = pyotp.TOTP(coordinator.totp_secret).at(clock.now)
    assert _log_in(client, coordinator, code).status_code == 302


def test_rotating_re_encrypts_every_secret_with_the_newest_key(
    client, coordinator, clock, settings
):
    RecoveryCodes.activate(coordinator)
    new_key = Fernet.generate_key().decode()
    settings.MFA_ENCRYPTION_KEYS = [new_key, *settings.MFA_ENCRYPTION_KEYS]
    call_command("rotate_mfa_keys", verbosity=0)

    settings.MFA_ENCRYPTION_KEYS = [new_key]  # the old key is gone now
    code = pyotp.TOTP(coordinator.totp_secret).at(clock.now)
    assert _log_in(client, coordinator, code).status_code == 302
    recovery = Authenticator.objects.get(user=coordinator, type="recovery_codes").wrap()
    assert len(recovery.get_unused_codes()) == 10


def test_secrets_stored_in_the_clear_before_are_encrypted_by_the_migration(client, goslar, clock):
    from portal.mfa import encrypt_authenticators

    user = staff_user(goslar, Role.COORDINATOR, with_totp=False)
    secret = pyotp.random_base32()
    seed = "ab" * 40
    Authenticator.objects.bulk_create(
        [
            Authenticator(user=user, type="totp", data={"secret": secret}),
            Authenticator(user=user, type="recovery_codes", data={"seed": seed, "used_mask": 0}),
        ]
    )
    encrypt_authenticators(Authenticator.objects.all())
    encrypt_authenticators(Authenticator.objects.all())  # running twice changes nothing

    stored = json.dumps(_raw_data(user))
    assert secret not in stored and seed not in stored
    assert _log_in(client, user, pyotp.TOTP(secret).at(clock.now)).status_code == 302


def _keys_with(monkeypatch, **environ: str) -> list[str]:
    """MFA_ENCRYPTION_KEYS as a process started with this environment would compute it."""
    import portal.env
    import portal.settings

    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    try:
        importlib.reload(portal.env)
        return importlib.reload(portal.settings).MFA_ENCRYPTION_KEYS
    finally:
        monkeypatch.undo()
        importlib.reload(portal.env)
        importlib.reload(portal.settings)


def test_development_needs_no_key(monkeypatch):
    monkeypatch.delenv("MFA_ENCRYPTION_KEYS", raising=False)
    keys = _keys_with(monkeypatch)
    assert len(keys) == 1
    Fernet(keys[0])  # a usable key


def test_production_requires_a_key(monkeypatch):
    monkeypatch.delenv("MFA_ENCRYPTION_KEYS", raising=False)
    production = {
        "PORTAL_ENV": "production",
        "SECRET_KEY": "production-secret-" + "0123456789abcdef" * 4,  # passes env.secret_key()
        "ALLOWED_HOSTS": "portal.example",
        "DATABASE_URL": "postgres://portal@db/portal",
    }
    with pytest.raises(ImproperlyConfigured, match="MFA_ENCRYPTION_KEYS"):
        _keys_with(monkeypatch, **production)
    key = Fernet.generate_key().decode()
    assert _keys_with(monkeypatch, **production, MFA_ENCRYPTION_KEYS=key) == [key]


def test_a_malformed_key_is_refused(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="MFA_ENCRYPTION_KEYS"):
        _keys_with(monkeypatch, MFA_ENCRYPTION_KEYS="not-a-fernet-key")
