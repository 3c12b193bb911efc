"""Atom feeds in the reader's language: translated titles and summaries, German marked.

The feed's ``xml:lang`` is the language asked for (``?language=`` or the reader's choice);
an entry's title or summary shown in German because it is not translated yet carries
``xml:lang="de"`` itself, as the pages mark such texts with ``lang="de"``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language

from portal.translations.texts import SOURCE_LANGUAGE, TranslatedText, prefetch_texts, translated

# Atom elements that carry a feed item's texts.
_ELEMENTS = {"title": "title", "description": "summary"}


class LanguageAtomFeed(Atom1Feed):
    """Atom 1.0 with ``xml:lang`` on an entry's title and summary where they differ from the
    feed's language (``text_languages`` of the item, see ``TranslatedFeedMixin``)."""

    def add_item_elements(self, handler: Any, item: dict[str, Any]) -> None:
        languages: dict[str, str] = item.get("text_languages") or {}
        if not languages:
            super().add_item_elements(handler, item)
            return
        original = handler.addQuickElement

        def quick(name: str, contents: Any = None, attrs: dict | None = None) -> None:
            if name in languages:
                attrs = {**(attrs or {}), "xml:lang": languages[name]}
            original(name, contents, attrs)

        handler.addQuickElement = quick
        try:
            super().add_item_elements(handler, item)
        finally:
            del handler.addQuickElement


def reader_language() -> str:
    return get_language() or SOURCE_LANGUAGE


def load_texts(items: Iterable[models.Model]) -> list[models.Model]:
    """The feed's items with their texts in the reader's language loaded (one query)."""
    items = list(items)
    prefetch_texts(items, reader_language())
    return items


def feed_text(obj: models.Model, field: str) -> TranslatedText:
    return translated(obj, field, reader_language())


def text_languages(obj: models.Model, fields: dict[str, str]) -> dict[str, str]:
    """``{atom element: "de"}`` for the item's texts shown in German instead of the reader's
    language; ``fields`` maps feed parts ("title", "description") to the object's fields."""
    result = {}
    for part, field in fields.items():
        text = feed_text(obj, field)
        if text.is_fallback:
            result[_ELEMENTS[part]] = text.language
    return result
