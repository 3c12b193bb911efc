"""Isolating user content inside translated text.

German names of venues, places and organisations inside an Arabic sentence (or Arabic names
inside a German one) are reordered by the Unicode bidirectional algorithm together with the
sentence around them: "Bürgerhaus Isenbüttel (Isenbüttel)" comes out with its brackets and
numbers in the wrong places. ``<bdi>`` isolates the embedded text, so it keeps its own
direction and the sentence keeps its order::

    {% load bidi %}
    {% blocktranslate with name=venue.name|bdi %}Venue: {{ name }}{% endblocktranslate %}

The msgid stays free of markup; the value is escaped before it is wrapped.

A list of such names (places, partners, languages) is written the way the page's language
writes lists, each item isolated on its own: one ``<bdi>`` around "Goslar, Seesen" in an
Arabic page showed a left-to-right block with a German comma, read in the wrong order::

    {{ offer.place_names|bdi_list }}   {# <bdi>Goslar</bdi> و<bdi>Seesen</bdi> #}
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from django import template
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import SafeString, mark_safe

from portal.lib.l10n import format_list

register = template.Library()


@register.filter
def bdi(value: object) -> SafeString | str:
    """``value`` escaped and wrapped in ``<bdi>``; empty values stay empty."""
    if value is None or value == "":
        return ""
    return format_html("<bdi>{}</bdi>", value)


# Where the items go in the locale's list pattern while it is escaped (NUL is in no text).
_SLOT = re.compile("\x00(\\d+)\x00")


def _joined(items: list[str]) -> SafeString:
    """Items that are safe HTML already, joined as the active language writes a list."""
    if len(items) < 2:
        return mark_safe("".join(items))  # noqa: S308 - the items are safe HTML
    # The pattern is formatted around numbered slots; its own text is escaped, the items go
    # into the slots unchanged.
    pieces = _SLOT.split(format_list([f"\x00{n}\x00" for n in range(len(items))]))
    # re.split with a group: the pattern's text at even positions, slot numbers at odd ones.
    html = "".join(items[int(p)] if i % 2 else str(escape(p)) for i, p in enumerate(pieces))
    return mark_safe(html)  # noqa: S308 - the pattern escaped, the items safe HTML


@register.filter
def bdi_list(values: Iterable[Any] | None) -> SafeString | str:
    """The values as a list in the active language, each escaped and isolated in ``<bdi>``;
    empty values are left out. (Items with markup of their own: ``{% listing %}``.)"""
    # Plain strings rather than format_html: a result page shows a list per offer.
    items = [
        f"<bdi>{conditional_escape(v)}</bdi>" for v in values or () if v is not None and v != ""
    ]
    return _joined(items)


# What {% item_end %} writes. Escaped text never contains "<", so no value can fake it.
ITEM_END = "<!--item-end-->"


@register.tag
def listing(parser: template.base.Parser, token: template.base.Token) -> ListingNode:
    """A list whose items the template builds (links, translated names)::

        {% listing %}{% for f in fields %}
          <bdi>{% tr f "name" %}</bdi>{% item_end %}
        {% endfor %}{% endlisting %}

    gives "Sprache, Arbeit und Bildung" in German and "Sprache وArbeit وBildung" in Arabic
    (with the names translated), where a ", " in the loop gave German commas in every
    language."""
    nodelist = parser.parse(("endlisting",))
    parser.delete_first_token()
    return ListingNode(nodelist)


class ListingNode(template.Node):
    def __init__(self, nodelist: template.NodeList) -> None:
        self.nodelist = nodelist

    def render(self, context: template.Context) -> SafeString:
        parts = [part.strip() for part in self.nodelist.render(context).split(ITEM_END)]
        return _joined([part for part in parts if part])


@register.simple_tag
def item_end() -> SafeString:
    return mark_safe(ITEM_END)  # noqa: S308 - a constant
