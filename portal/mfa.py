"""The portal's second factor on top of allauth.mfa: secrets encrypted at rest, no replays.

allauth offers the hooks used here: ``MFA_ADAPTER`` (``encrypt``/``decrypt``) and ``MFA_FORMS``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from allauth.core.internal.cryptokit import normalize_user_code
from allauth.mfa import app_settings
from allauth.mfa.adapter import DefaultMFAAdapter, get_adapter
from allauth.mfa.base import forms as base_forms
from allauth.mfa.models import Authenticator
from allauth.mfa.totp import forms as totp_forms
from django.core.cache import cache

from portal.lib import encryption


class MFAAdapter(DefaultMFAAdapter):
    """TOTP secrets and the seed of the recovery codes are stored encrypted."""

    def encrypt(self, text: str) -> str:
        return encryption.encrypt(text)

    def decrypt(self, encrypted_text: str) -> str:
        return encryption.decrypt(encrypted_text)


# --- secrets of stored authenticators -------------------------------------------------------------


def _transform_secrets(data: dict, kind: str, transform: Callable[[str], str]) -> dict:
    """The authenticator's data with ``transform`` applied to each secret allauth keeps."""
    data = dict(data)
    if kind == Authenticator.Type.TOTP:
        data["secret"] = transform(data["secret"])
    elif kind == Authenticator.Type.RECOVERY_CODES:
        data["seed"] = transform(data["seed"])
        if data.get("migrated_codes") is not None:
            data["migrated_codes"] = [transform(code) for code in data["migrated_codes"]]
    return data


def _encrypt_unless_encrypted(text: str) -> str:
    try:
        encryption.decrypt(text)
    except encryption.InvalidToken:
        return encryption.encrypt(text)
    return text


def _decrypt_if_encrypted(text: str) -> str:
    try:
        return encryption.decrypt(text)
    except encryption.InvalidToken:
        return text


def _apply(authenticators: Iterable, transform: Callable[[str], str]) -> int:
    changed = 0
    for authenticator in authenticators:
        data = _transform_secrets(authenticator.data, authenticator.type, transform)
        if data != authenticator.data:
            authenticator.data = data
            authenticator.save(update_fields=["data"])
            changed += 1
    return changed


def encrypt_authenticators(authenticators: Iterable) -> int:
    """Encrypt secrets stored in the clear (before encryption existed); safe to run again."""
    return _apply(authenticators, _encrypt_unless_encrypted)


def decrypt_authenticators(authenticators: Iterable) -> int:
    """The reverse of ``encrypt_authenticators`` (for migrating backwards)."""
    return _apply(authenticators, _decrypt_if_encrypted)


def reencrypt_authenticators(authenticators: Iterable) -> int:
    """Encrypt every secret with the newest key (after a new key was put in front)."""
    return _apply(authenticators, encryption.reencrypt)


# --- a used TOTP code is not accepted again -------------------------------------------------------


def accepted_window_seconds() -> int:
    """How long one code is accepted: the previous, current and next steps with tolerance 1."""
    return (2 * app_settings.TOTP_TOLERANCE + 1) * app_settings.TOTP_PERIOD


def _used_code_key(user_id: int, code: str) -> str:
    return f"portal.mfa.used-totp:{user_id}:{normalize_user_code(code)}"


def remember_used_code(user_id: int, code: str) -> None:
    cache.set(_used_code_key(user_id, code), True, timeout=accepted_window_seconds())


def code_was_used(user_id: int, code: str) -> bool:
    return bool(cache.get(_used_code_key(user_id, code)))


class _ReplayGuard(base_forms.BaseAuthenticateForm):
    """allauth remembers a used code for one step (30 s); a code is accepted for three."""

    def clean_code(self) -> str:
        code = self.cleaned_data["code"]
        if code_was_used(self.user.pk, code):
            raise get_adapter().validation_error("incorrect_code")
        code = super().clean_code()
        if self.authenticator.type == Authenticator.Type.TOTP:
            remember_used_code(self.user.pk, code)
        return code


class AuthenticateForm(_ReplayGuard, base_forms.AuthenticateForm):
    pass


class ReauthenticateForm(_ReplayGuard, base_forms.ReauthenticateForm):
    pass


class ActivateTOTPForm(totp_forms.ActivateTOTPForm):
    """The code that proved the new authenticator cannot log in a second session."""

    def clean_code(self) -> str:
        code = super().clean_code()
        remember_used_code(self.user.pk, code)
        return code
