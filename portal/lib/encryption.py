"""Secrets at rest: Fernet (AES-128-CBC + HMAC-SHA256, from ``cryptography``) with key rotation.

``settings.MFA_ENCRYPTION_KEYS`` lists the keys newest first: new values are encrypted with the
first, any of them decrypts. To rotate, put a new key in front, run
``manage.py rotate_mfa_keys`` and then drop the old key (docs/operations.md).
"""

from __future__ import annotations

from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings

__all__ = ["InvalidToken", "decrypt", "encrypt", "reencrypt"]


@lru_cache(maxsize=4)
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(key) for key in keys])


def _current() -> MultiFernet:
    return _fernet(tuple(settings.MFA_ENCRYPTION_KEYS))


def encrypt(text: str) -> str:
    return _current().encrypt(text.encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    """The plain text; ``InvalidToken`` when no configured key opened it (or it is no token)."""
    return _current().decrypt(token.encode("ascii")).decode("utf-8")


def reencrypt(token: str) -> str:
    """The same plain text, encrypted with the newest key."""
    return _current().rotate(token.encode("ascii")).decode("ascii")
