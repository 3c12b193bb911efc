"""The languages content is translated into (no model imports: regions and translations use it)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# "Einfache Sprache": a plain German version of a text, kept in the same store as the
# translations (it too goes out of date when the German text changes). A private-use BCP 47
# tag, so it can never collide with a real language of settings.LANGUAGES.
PLAIN_LANGUAGE = "de-x-simple"


def target_language_codes() -> list[str]:
    """The languages content can be translated into: every UI language except the source."""
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def validate_target_language(value: str) -> None:
    """Read at validation time, so languages added to settings.LANGUAGES need no migration."""
    if value not in target_language_codes() and value != PLAIN_LANGUAGE:
        raise ValidationError(
            _("%(code)s is not a language of this portal."), params={"code": value}
        )
