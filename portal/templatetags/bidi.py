"""Isolating user content inside translated text.

German names of venues, places and organisations inside an Arabic sentence (or Arabic names
inside a German one) are reordered by the Unicode bidirectional algorithm together with the
sentence around them: "Bürgerhaus Isenbüttel (Isenbüttel)" comes out with its brackets and
numbers in the wrong places. ``<bdi>`` isolates the embedded text, so it keeps its own
direction and the sentence keeps its order::

    {% load bidi %}
    {% blocktranslate with name=venue.name|bdi %}Venue: {{ name }}{% endblocktranslate %}

The msgid stays free of markup; the value is escaped before it is wrapped.
"""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()


@register.filter
def bdi(value: object) -> SafeString | str:
    """``value`` escaped and wrapped in ``<bdi>``; empty values stay empty."""
    if value is None or value == "":
        return ""
    return format_html("<bdi>{}</bdi>", value)
