"""Content in the languages newcomers read: translations of what regions write in German.

The model
---------
One store, ``portal.models.Translation``: one row per (object, field, language) holding the
``text``, the German ``source_text`` it was made from with its ``source_version`` (SHA-256 of
the normalised German text, see ``source_version``/``SourceVersion``), its ``origin`` (human,
imported from XLIFF, machine) and ``is_draft``. German (settings.LANGUAGE_CODE) is always the
source; each region chooses its target languages from settings.LANGUAGES
(``Region.translation_languages``) and whether outdated translations are shown with a note or
hidden (``Region.outdated_translations``). The plain-language ("Einfache Sprache") version of a
text is stored the same way under ``PLAIN_LANGUAGE``.

The status is derived, never stored (``status_of``): ``not_needed`` (empty German text),
``missing``, ``draft``, ``up_to_date``, ``outdated`` (the current German text's version differs
from ``source_version`` - versions, not timestamps) and ``machine``.

Registering texts (from an app's ``AppConfig.ready()``, see ``registry``)
-----------------------------------------------------------------------
``register_document(key, model=..., label=..., fields=(...), queryset=region -> qs)`` and
``register_part(key, Model, fields=(...), path="orm__path__to__document")``.

Reading (public pages, search, open data)
-----------------------------------------
- ``translated(obj, field, language, region=None) -> TranslatedText`` - what the public reads:
  ``.text``, ``.language`` (the language ``text`` is in: German when no usable translation
  exists), ``.status``, ``.is_fallback`` and ``.note`` (a short note in the reader's language).
- ``prefetch_texts(objects, language, region=None)`` - the bulk form for lists: one query per
  model, cached on the objects; ``texts_of(obj, language)`` then gives ``ObjectTexts``
  (``texts.title`` in templates). The ``{% tr obj "field" %}`` tag (portal_translations)
  renders a text with its ``lang``/``dir`` marking and note.
- ``public_texts(objects, languages=None) -> {pk: {language: {field: text}}}`` - every text the
  public reads as a translation, for indexing (the offer search) and open data.
- ``plain_text(obj, field)`` - the published plain-language version or "".
- ``add_listener(callback(model, ids))`` - called after commit when translations changed.

Writing: ``services.translations_save`` / ``translation_save`` (all writers go through them).
Back-office reads: ``worklist``. XLIFF: ``xliff``. Machine translation: ``machine``.
"""

from portal.models.translations import PLAIN_LANGUAGE, Translation, target_language_codes
from portal.translations.registry import (
    DocumentKind,
    TranslatableModel,
    add_listener,
    document_kind,
    document_kinds,
    is_translatable,
    register_document,
    register_part,
    spec_for,
)
from portal.translations.texts import (
    SOURCE_LANGUAGE,
    ObjectTexts,
    RegionPolicy,
    SourceVersion,
    Status,
    TranslatedText,
    jsonld_value,
    normalise_source,
    plain_text,
    prefetch_texts,
    public_texts,
    source_version,
    status_of,
    texts_of,
    translated,
)

__all__ = [
    "PLAIN_LANGUAGE",
    "SOURCE_LANGUAGE",
    "DocumentKind",
    "ObjectTexts",
    "RegionPolicy",
    "SourceVersion",
    "Status",
    "TranslatableModel",
    "TranslatedText",
    "Translation",
    "add_listener",
    "document_kind",
    "document_kinds",
    "is_translatable",
    "jsonld_value",
    "normalise_source",
    "plain_text",
    "prefetch_texts",
    "public_texts",
    "register_document",
    "register_part",
    "source_version",
    "spec_for",
    "status_of",
    "target_language_codes",
    "texts_of",
    "translated",
]
