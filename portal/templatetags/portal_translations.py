"""Template tags for translated content (see ``portal.translations``).

``{% tr offer "title" %}`` prints what the reader gets in the page's language: the
translation, or the German text marked ``lang="de" dir="ltr"`` so screen readers and the
browser's bidi algorithm treat it as German inside, say, an Arabic page. Options:

- ``note=True``: add the short note ("Not yet translated: shown in German.", "Machine
  translation", "The German text has changed ...") after the text;
- ``words=30``: cut the text after so many words;
- ``linebreaks=True``: keep the text's line breaks (``<br>``);
- ``markdown=True``: the text is Markdown; render it as a block, the note above it.

``{% tr_text offer "title" %}`` gives the bare text (for <title>, attributes, JSON), and
``{% tr_note offer "title" %}`` only the note. Views load the texts of a whole list first
with ``translations.prefetch_texts``; otherwise each object costs one query.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language, get_language_info, gettext

from portal.languages import absolute_url, language_urls, page_languages, without_language
from portal.lib.markdown import render_markdown
from portal.models import Region
from portal.translations import (
    PLAIN_LANGUAGE,
    SOURCE_LANGUAGE,
    Status,
    TranslatedText,
    texts_of,
    translated,
)

register = template.Library()


def _text(context: Any, obj: Any, field: str, language: str | None = None) -> TranslatedText:
    region = context.get("region")
    return translated(
        obj,
        field,
        language or get_language() or SOURCE_LANGUAGE,
        region=region if isinstance(region, Region) else None,
    )


def _note_html(text: TranslatedText, *, block: bool = False) -> SafeString:
    if not text.note:
        return mark_safe("")
    if block:
        return format_html('<p class="translation-note small">{}</p>', text.note)
    return format_html(' <span class="translation-note small">{}</span>', text.note)


def _marked(text: TranslatedText, content: Any, *, block: bool) -> SafeString:
    if not text.is_fallback:
        return format_html("{}", content)
    tag = "div" if block else "span"
    return format_html('<{} lang="{}" dir="ltr">{}</{}>', tag, text.language, content, tag)


@register.simple_tag(takes_context=True)
def tr(
    context: Any,
    obj: Any,
    field: str,
    *,
    note: bool = False,
    markdown: bool = False,
    linebreaks: bool = False,
    words: int = 0,
) -> SafeString:
    if obj is None:
        return mark_safe("")
    text = _text(context, obj, field)
    if not text.text:
        return mark_safe("")
    if markdown:
        body = _marked(text, render_markdown(text.text), block=True)
        return format_html("{}{}", _note_html(text, block=True), body)
    content = Truncator(text.text).words(words) if words else text.text
    content = linebreaksbr(content, autoescape=True) if linebreaks else content
    body = _marked(text, content, block=False)
    return format_html("{}{}", body, _note_html(text)) if note else body


@register.simple_tag(takes_context=True)
def tr_text(context: Any, obj: Any, field: str) -> str:
    return "" if obj is None else _text(context, obj, field).text


@register.simple_tag(takes_context=True)
def tr_note(context: Any, obj: Any, field: str) -> SafeString:
    return mark_safe("") if obj is None else _note_html(_text(context, obj, field))


@register.simple_tag(takes_context=True)
def translation_notice(context: Any, *objects: Any) -> SafeString:
    """A note at the top of a page when some of its texts are shown in German, were
    translated by machine, or were translated from an older German text."""
    language = get_language() or SOURCE_LANGUAGE
    if language == SOURCE_LANGUAGE:
        return mark_safe("")
    region = context.get("region")
    region = region if isinstance(region, Region) else None
    texts = [
        text
        for obj in objects
        if obj is not None
        for text in texts_of(obj, language, region=region).all()
    ]
    sentences = []
    if any(text.is_fallback and text.status != Status.NOT_NEEDED for text in texts):
        sentences.append(
            gettext(
                "Some texts on this page have not been translated into %(language)s yet. "
                "They are shown in German and marked as not yet translated."
            )
            % {"language": get_language_info(language)["name_translated"]}
        )
    shown = [text for text in texts if not text.is_fallback]
    if any(text.status == Status.OUTDATED for text in shown):
        sentences.append(
            gettext("Some translations may be out of date: the German text has changed since.")
        )
    if any(text.status == Status.MACHINE for text in shown):
        sentences.append(gettext("Some texts were translated by machine."))
    if not sentences:
        return mark_safe("")
    return format_html(
        '<p class="translation-notice alert alert-info py-2">{}</p>', " ".join(sentences)
    )


@register.simple_tag(takes_context=True)
def plain_language(context: Any, obj: Any, field: str) -> SafeString:
    """The "Einfache Sprache" version of a text, folded away until the reader asks for it."""
    if obj is None:
        return mark_safe("")
    text = _text(context, obj, field, PLAIN_LANGUAGE)
    if not text.text:
        return mark_safe("")
    return format_html(
        '<details class="plain-language mt-3"><summary>{} (<span lang="de">Einfache Sprache'
        '</span>)</summary><div lang="de" dir="ltr" class="mt-2">{}</div></details>',
        gettext("Read this text in plain German"),
        render_markdown(text.text),
    )


@register.simple_tag(takes_context=True)
def hreflang_links(context: Any) -> SafeString:
    """``<link rel="alternate" hreflang>`` for each language the page is published in: the
    same address with ``?language=`` (see portal.middleware), and the bare address as x-default."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    if request is None or request.method != "GET" or match is None:
        return mark_safe("")
    if not match.namespace or match.namespace == "admin" or match.namespace.endswith("_staff"):
        return mark_safe("")  # the back-office, accounts and the admin are not published
    links = [
        format_html('<link rel="alternate" hreflang="{}" href="{}">', code, url)
        for code, url in language_urls(request, page_languages(context))
    ]
    links.append(
        format_html(
            '<link rel="alternate" hreflang="x-default" href="{}">',
            absolute_url(request.path, without_language(request.GET)),
        )
    )
    return mark_safe("\n  ".join(links))
