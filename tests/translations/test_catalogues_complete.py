"""Every interface language is complete: each app has a catalogue for each language of
settings.LANGUAGES, every msgid is translated (not empty, not fuzzy), and a translation keeps
the msgid's placeholders and HTML tags, so a page never shows "%(name)s" or loses a link.

English is the source language of the msgids: its catalogues may leave a msgstr empty, and
Django then shows the msgid, which is the English text.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import polib
import pytest
from django.conf import settings

SOURCE_LANGUAGE = "en"
LANGUAGES = [code for code, _name in settings.LANGUAGES]
LOCALE_DIRS = [Path(path) for path in settings.LOCALE_PATHS]

# %(name)s, %(count)d, %s, %%; {name} for str.format strings.
PERCENT = re.compile(r"%(?:\([^)]+\))?[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGcoa%]")
BRACES = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")
TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")


def catalogue(locale_dir: Path, language: str) -> Path:
    return locale_dir / language / "LC_MESSAGES" / "django.po"


def entries(path: Path) -> list[polib.POEntry]:
    return [entry for entry in polib.pofile(str(path)) if not entry.obsolete]


def placeholders(text: str, entry: polib.POEntry) -> Counter[str]:
    found: Counter[str] = Counter()
    if "python-format" in entry.flags:
        found.update(match for match in PERCENT.findall(text) if match != "%%")
    if "python-brace-format" in entry.flags:
        found.update(BRACES.findall(text))
    found.update(TAG.findall(text))
    return found


def forms(entry: polib.POEntry) -> list[str]:
    if entry.msgid_plural:
        return [entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


def problems_of(entry: polib.POEntry, language: str) -> list[str]:
    label = entry.msgid[:70]
    if "fuzzy" in entry.flags:
        return [f"fuzzy: {label!r}"]
    translations = forms(entry)
    if any(not text.strip() for text in translations):
        return [] if language == SOURCE_LANGUAGE else [f"untranslated: {label!r}"]
    problems = []
    if not entry.msgid_plural:
        expected = placeholders(entry.msgid, entry)
        if placeholders(entry.msgstr, entry) != expected:
            problems.append(
                f"placeholders differ: {label!r} has {sorted(expected.elements())}, "
                f"{entry.msgstr[:70]!r} has {sorted(placeholders(entry.msgstr, entry).elements())}"
            )
        return problems
    # Plural forms: a form may leave out the number where the language says "one" or "two"
    # in words, but no form may bring a placeholder the msgid lacks, and the forms together
    # use every placeholder of the plural msgid.
    allowed = set(placeholders(entry.msgid, entry)) | set(placeholders(entry.msgid_plural, entry))
    used: set[str] = set()
    for text in translations:
        found = set(placeholders(text, entry))
        used |= found
        if not found <= allowed:
            problems.append(f"unknown placeholder {sorted(found - allowed)} in {text[:70]!r}")
    missing = set(placeholders(entry.msgid_plural, entry)) - used
    if missing:
        problems.append(f"plural forms of {label!r} never use {sorted(missing)}")
    return problems


def test_every_language_has_catalogues_for_every_app():
    missing = [
        str(catalogue(locale_dir, language))
        for locale_dir in LOCALE_DIRS
        for language in LANGUAGES
        if not catalogue(locale_dir, language).is_file()
    ]
    assert not missing, "Run `manage.py messages` and translate: " + ", ".join(missing)


def msgids(path: Path) -> set[tuple[str, str]]:
    return {(entry.msgctxt or "", entry.msgid) for entry in entries(path)}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_the_msgids_of_the_german_catalogue(language):
    """A string added after a language's catalogue was last updated is missing from it, not
    empty, and would silently show in English: `manage.py messages` adds it to every
    language at once."""
    differences = []
    for locale_dir in LOCALE_DIRS:
        german, path = catalogue(locale_dir, "de"), catalogue(locale_dir, language)
        if not (german.is_file() and path.is_file()):
            continue
        missing = msgids(german) - msgids(path)
        extra = msgids(path) - msgids(german)
        differences += [f"{path}: missing {msgid!r}" for _ctx, msgid in sorted(missing)]
        differences += [f"{path}: not in German {msgid!r}" for _ctx, msgid in sorted(extra)]
    assert not differences, "Run `manage.py messages` and translate:\n" + "\n".join(
        differences[:40]
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_msgid_is_translated_with_its_placeholders(language):
    problems = []
    for locale_dir in LOCALE_DIRS:
        path = catalogue(locale_dir, language)
        if not path.is_file():
            continue  # reported by the test above
        for entry in entries(path):
            problems += [f"{path}: {problem}" for problem in problems_of(entry, language)]
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:40])


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_forms_follow_djangos_convention(language):
    """The Plural-Forms header decides which msgstr[n] Django shows for a number."""
    django_catalogue = (
        Path(__import__("django").__file__).parent / "conf/locale" / language / "LC_MESSAGES"
    )
    expected = None
    if (django_catalogue / "django.po").is_file():
        expected = polib.pofile(str(django_catalogue / "django.po")).metadata.get("Plural-Forms")
    for locale_dir in LOCALE_DIRS:
        path = catalogue(locale_dir, language)
        if not path.is_file():
            continue
        po = polib.pofile(str(path))
        header = po.metadata.get("Plural-Forms", "")
        nplurals = int(re.search(r"nplurals\s*=\s*(\d+)", header).group(1))  # type: ignore[union-attr]
        if expected:
            assert normalise(header) == normalise(expected), path
        for entry in po:
            if entry.msgid_plural and not entry.obsolete:
                assert len(entry.msgstr_plural) == nplurals, (path, entry.msgid)


def normalise(plural_forms: str) -> str:
    return re.sub(r"\s+", "", plural_forms).rstrip(";")


def test_the_checks_catch_a_lost_placeholder_and_an_empty_translation():
    lost = polib.POEntry(
        msgid="Hello %(name)s", msgstr="Merhaba", flags=["python-format"], occurrences=[]
    )
    assert problems_of(lost, "tr")
    empty = polib.POEntry(msgid="Save", msgstr="")
    assert problems_of(empty, "fa")
    assert not problems_of(empty, SOURCE_LANGUAGE)
    fuzzy = polib.POEntry(msgid="Save", msgstr="Kaydet", flags=["fuzzy"])
    assert problems_of(fuzzy, "tr")
    link = polib.POEntry(msgid="<b>%(n)s</b> new", msgstr="%(n)s yeni", flags=["python-format"])
    assert problems_of(link, "tr")
    plural = polib.POEntry(
        msgid="%(counter)s file",
        msgid_plural="%(counter)s files",
        msgstr_plural={0: "%(counter)s dosya", 1: "dosyalar"},
        flags=["python-format"],
    )
    assert not problems_of(plural, "tr")  # form 1 alone may drop it, form 0 has it
    plural.msgstr_plural = {0: "bir dosya", 1: "dosyalar"}
    assert problems_of(plural, "tr")
