"""Languages an offer can be given in: ISO 639-1 codes with German, English and native names.

The search maps what people type ("arabisch", "Arabic", "العربية", "арабська") to these codes:
besides the names in this table, every language's name in every other listed language comes
from the CLDR data that Babel ships (``names_in_all_languages``), so a visitor can name a
language in whatever language they write. Each language also names the PostgreSQL text search
configuration its texts are indexed with (``search_config``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from babel import Locale, UnknownLocaleError
from django.conf import settings
from django.utils import translation


@dataclass(frozen=True)
class Language:
    code: str
    german: str
    english: str
    native: str
    # Further spellings people type (adjective forms, older names).
    aliases: tuple[str, ...] = ()
    # The text search configuration for texts in this language: PostgreSQL's Snowball
    # stemmer where it has one, otherwise "simple" (the search adds trigrams and prefixes).
    search_config: str = "simple"

    @property
    def names(self) -> tuple[str, ...]:
        return (self.german, self.english, self.native, *self.aliases)

    @property
    def name(self) -> str:
        """The language's name in the reader's language ("Arabisch" on a German page, "Arabic"
        on an English one, "العربية" on an Arabic one), as CLDR writes it."""
        return name_in(self.code, translation.get_language() or settings.LANGUAGE_CODE)

    @property
    def label(self) -> str:
        """German name, followed by the native one when it differs (e.g. "Arabisch – العربية")."""
        if self.native.lower() == self.german.lower():
            return self.german
        return f"{self.german} – {self.native}"


LANGUAGES: tuple[Language, ...] = (
    Language("de", "Deutsch", "German", "Deutsch", ("deutsche", "deutscher"), "offers_german"),
    Language("en", "Englisch", "English", "English", ("englische",), "english"),
    Language("ar", "Arabisch", "Arabic", "العربية", ("arabische", "عربي", "عربى"), "arabic"),
    Language("uk", "Ukrainisch", "Ukrainian", "українська", ("ukrainische", "украинский")),
    Language("ru", "Russisch", "Russian", "русский", ("russische", "русский язык"), "russian"),
    Language("fa", "Persisch", "Persian", "فارسی", ("farsi", "dari", "persische", "فارسى")),
    Language("tr", "Türkisch", "Turkish", "Türkçe", ("tuerkisch", "türkische"), "turkish"),
    Language("ku", "Kurdisch", "Kurdish", "Kurdî", ("kurmanci", "kurmandschi", "کوردی")),
    Language("ps", "Paschtu", "Pashto", "پښتو", ("paschto", "pashto")),
    Language("ti", "Tigrinya", "Tigrinya", "ትግርኛ", ("tigrinisch",)),
    Language("so", "Somali", "Somali", "Soomaali", ()),
    Language("fr", "Französisch", "French", "français", ("franzoesisch",), "french"),
    Language("es", "Spanisch", "Spanish", "español", (), "spanish"),
    Language("it", "Italienisch", "Italian", "italiano", (), "italian"),
    Language("pl", "Polnisch", "Polish", "polski", ()),
    Language("ro", "Rumänisch", "Romanian", "română", (), "romanian"),
    Language("bg", "Bulgarisch", "Bulgarian", "български", ()),
    Language("sq", "Albanisch", "Albanian", "shqip", ()),
    Language("sr", "Serbisch", "Serbian", "српски", (), "serbian"),
    Language("vi", "Vietnamesisch", "Vietnamese", "Tiếng Việt", ()),
    Language("zh", "Chinesisch", "Chinese", "中文", ()),
    Language(
        "sgn", "Deutsche Gebärdensprache", "German Sign Language", "DGS", ("gebaerdensprache",)
    ),
)

BY_CODE: dict[str, Language] = {language.code: language for language in LANGUAGES}
CHOICES: list[tuple[str, str]] = [(language.code, language.label) for language in LANGUAGES]


@cache
def name_in(code: str, reader: str) -> str:
    """The name of the language ``code`` in the language ``reader``: ours in German, CLDR's in
    the others, English where CLDR has none (German Sign Language, say)."""
    language = BY_CODE[code]
    if reader.startswith("de"):
        return language.german
    try:
        name = Locale.parse(reader.replace("-", "_")).languages.get(code)
    except (UnknownLocaleError, ValueError):
        name = None
    return name or language.english


def label(code: str) -> str:
    language = BY_CODE.get(code)
    return language.label if language else code


def search_config(code: str) -> str:
    """The text search configuration for texts in the language ``code`` (UI languages such as
    "fa" or "ti" that offers are rarely given in fall back to "simple" too)."""
    language = BY_CODE.get(code)
    return language.search_config if language else "simple"


# The languages the portal's interface speaks or is being translated into (issue 11): a visitor
# names a language in one of these. Names from every CLDR locale would bring in short words of
# unrelated languages that collide with German ones.
NAME_LOCALES = ("de", "en", "ar", "uk", "fa", "tr", "ru", "ti")


@cache
def names_in_all_languages() -> dict[str, tuple[str, ...]]:
    """Per language code, its names as listed here and as CLDR writes them in each interface
    language ("ar": "Arabisch", "Arabic", "العربية", "арабська", "Arapça", "عربی", ...).
    Only one-word CLDR names: "Tigrinya dili" would make "dili" name a language."""
    codes = dict.fromkeys([*NAME_LOCALES, *(code for code, _ in settings.LANGUAGES)])
    locales = []
    for code in codes:
        try:
            locales.append(Locale.parse(code))
        except (UnknownLocaleError, ValueError):
            continue
    names = {}
    for language in LANGUAGES:
        found = dict.fromkeys(language.names)
        for locale in locales:
            name = locale.languages.get(language.code)
            if name and " " not in name:
                found[name] = None
        names[language.code] = tuple(found)
    return names
