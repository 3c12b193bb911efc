"""The one place where settings read the process environment.

Development needs no configuration at all; production (``PORTAL_ENV=production``) fails
loudly when a secret it needs is missing instead of starting with an unsafe default.
"""

from __future__ import annotations

import os

from django.core.exceptions import ImproperlyConfigured

PRODUCTION = os.environ.get("PORTAL_ENV", "development") == "production"


def string(name: str, default: str | None = None, *, required_in_production: bool = False) -> str:
    value = os.environ.get(name)
    if value:
        return value
    if PRODUCTION and required_in_production:
        raise ImproperlyConfigured(f"The environment variable {name} must be set in production.")
    if default is None:
        raise ImproperlyConfigured(f"The environment variable {name} must be set.")
    return default


# Known to everyone who reads this repository: fine on a laptop, never in production.
DEVELOPMENT_SECRET_KEY = "dev-only-insecure-key-never-used-in-production"


def secret_key(name: str = "SECRET_KEY") -> str:
    """The key that signs sessions, password-reset and self-service links.

    Production refuses the development key and keys too short or too uniform to be secret
    (the thresholds of Django's own deployment check, security.W009).
    """
    value = string(name, DEVELOPMENT_SECRET_KEY, required_in_production=True)
    if PRODUCTION:
        if value == DEVELOPMENT_SECRET_KEY:
            raise ImproperlyConfigured(
                f"{name} is the development key from the repository; production needs its own."
            )
        if len(value) < 50 or len(set(value)) < 5 or value.startswith("django-insecure-"):
            raise ImproperlyConfigured(
                f"{name} is too weak for production: use at least 50 random characters, e.g. "
                "python -c 'import secrets; print(secrets.token_urlsafe(64))'."
            )
    return value


def boolean(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def integer(
    name: str, default: int, *, minimum: int | None = None, maximum: int | None = None
) -> int:
    """An integer setting; out of ``minimum``..``maximum`` it refuses to start."""
    raw = os.environ.get(name)
    try:
        value = int(raw) if raw else default
    except ValueError:
        raise ImproperlyConfigured(
            f"The environment variable {name} must be a whole number."
        ) from None
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        raise ImproperlyConfigured(
            f"The environment variable {name} must be between {minimum} and {maximum}."
        )
    return value


def string_list(
    name: str, default: list[str], *, required_in_production: bool = False
) -> list[str]:
    raw = string(name, ",".join(default), required_in_production=required_in_production)
    return [item.strip() for item in raw.split(",") if item.strip()]


def fernet_keys(name: str, *, development_default: str) -> list[str]:
    """Comma-separated Fernet keys (newest first); required in production, checked at start."""
    import base64
    import binascii

    keys = string_list(name, [development_default], required_in_production=True)
    for key in keys:
        try:
            valid = len(base64.urlsafe_b64decode(key.encode("ascii"))) == 32
        except (binascii.Error, ValueError, UnicodeEncodeError):
            valid = False
        if not valid:
            raise ImproperlyConfigured(
                f"{name}: each key must be 32 url-safe base64-encoded bytes, as made by "
                '`python -c "from cryptography.fernet import Fernet; '
                'print(Fernet.generate_key().decode())"`.'
            )
    return keys
