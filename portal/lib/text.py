"""What visitors may type: one line for names and the like, bounded text for messages.

A line break in a name ends up in a mail header, a CSV row or a PDF line where it does not
belong; control characters (escape sequences, bell, form feed) and bidirectional overrides
(which make "txt.exe" look like "exe.txt") have no place in anything a person types. Every
text field gets a length limit, so a form cannot be used to store megabytes.
"""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

# Limits for fields that do not set their own (a model's max_length usually does).
SINGLE_LINE_MAX_LENGTH = 200
TEXT_MAX_LENGTH = 5000

# C0 and C1 controls except tab, line feed and carriage return.
_CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
# Bidirectional embeddings, overrides and isolates (the "Trojan Source" characters); the
# left-to-right and right-to-left marks U+200E/U+200F stay allowed (Arabic keyboards type them).
_BIDI = "\u202a-\u202e\u2066-\u2069"
_TEXT_FORBIDDEN = re.compile(f"[{_CONTROL}]")
_LINE_FORBIDDEN = re.compile(f"[{_CONTROL}\t\n\r\u2028\u2029\x85{_BIDI}]")


def validate_single_line(value: str) -> None:
    if _LINE_FORBIDDEN.search(value):
        raise ValidationError(
            _("Please write this on one line, without line breaks or special control characters."),
            code="single_line",
        )


def validate_text(value: str) -> None:
    if _TEXT_FORBIDDEN.search(value):
        raise ValidationError(
            _("The text contains control characters; please remove them."),
            code="control_characters",
        )


# CharField subclasses whose value is not text a person types.
_NOT_TYPED = (forms.UUIDField, forms.JSONField)


class TextLimitsMixin(forms.BaseForm):
    """Every text field of the form: one line (inputs) or text (textareas) without control
    characters, and a length limit (the field's own, else a default), also shown to the
    browser as ``maxlength``. Every public form has it through ``HoneypotMixin``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if not isinstance(field, forms.CharField) or isinstance(field, _NOT_TYPED):
                continue
            multiline = isinstance(field.widget, forms.Textarea)
            if field.max_length is None:
                field.max_length = TEXT_MAX_LENGTH if multiline else SINGLE_LINE_MAX_LENGTH
                field.validators.append(MaxLengthValidator(field.max_length))
                field.widget.attrs.update(field.widget_attrs(field.widget))
            field.validators.append(validate_text if multiline else validate_single_line)
