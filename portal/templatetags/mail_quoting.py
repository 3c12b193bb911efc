"""Visitor text in e-mails reads as quoted input, never as the portal's own words.

Anyone can type a name or a message into a public form and have the county's portal mail it
(to staff, or to whatever address they entered). Greeting with that text ("Hello Click
here to unlock your account,") would let it speak in the county's voice; shown as
“quoted” or as a "> " block under a label, it is plainly what someone typed.
"""

from __future__ import annotations

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def quoted(value) -> str:
    """One line of visitor text in the language's quotation marks (empty stays empty)."""
    text = " ".join(str(value or "").split())
    if not text:
        return ""
    return _("“%(text)s”") % {"text": text}


@register.filter
def quoted_block(value) -> str:
    """Visitor text over several lines, each line marked with "> " as in a mail reply."""
    lines = str(value or "").strip().splitlines()
    return "\n".join(f"> {line}".rstrip() for line in lines)
