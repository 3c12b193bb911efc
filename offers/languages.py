"""Languages an offer can be given in: ISO 639-1 codes with German, English and native names.

The search maps what people type ("arabisch", "Arabic", "العربية") to these codes, so the
table keeps every name a visitor might use.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str
    german: str
    english: str
    native: str
    # Further spellings people type (adjective forms, older names).
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.german, self.english, self.native, *self.aliases)

    @property
    def label(self) -> str:
        """German name, followed by the native one when it differs (e.g. "Arabisch – العربية")."""
        if self.native.lower() == self.german.lower():
            return self.german
        return f"{self.german} – {self.native}"


LANGUAGES: tuple[Language, ...] = (
    Language("de", "Deutsch", "German", "Deutsch", ("deutsche", "deutscher")),
    Language("en", "Englisch", "English", "English", ("englische",)),
    Language("ar", "Arabisch", "Arabic", "العربية", ("arabische", "عربي", "عربى")),
    Language("uk", "Ukrainisch", "Ukrainian", "українська", ("ukrainische", "украинский")),
    Language("ru", "Russisch", "Russian", "русский", ("russische", "русский язык")),
    Language("fa", "Persisch", "Persian", "فارسی", ("farsi", "dari", "persische", "فارسى")),
    Language("tr", "Türkisch", "Turkish", "Türkçe", ("tuerkisch", "türkische")),
    Language("ku", "Kurdisch", "Kurdish", "Kurdî", ("kurmanci", "kurmandschi", "کوردی")),
    Language("ps", "Paschtu", "Pashto", "پښتو", ("paschto", "pashto")),
    Language("ti", "Tigrinya", "Tigrinya", "ትግርኛ", ("tigrinisch",)),
    Language("so", "Somali", "Somali", "Soomaali", ()),
    Language("fr", "Französisch", "French", "français", ("franzoesisch",)),
    Language("es", "Spanisch", "Spanish", "español", ()),
    Language("it", "Italienisch", "Italian", "italiano", ()),
    Language("pl", "Polnisch", "Polish", "polski", ()),
    Language("ro", "Rumänisch", "Romanian", "română", ()),
    Language("bg", "Bulgarisch", "Bulgarian", "български", ()),
    Language("sq", "Albanisch", "Albanian", "shqip", ()),
    Language("sr", "Serbisch", "Serbian", "српски", ()),
    Language("vi", "Vietnamesisch", "Vietnamese", "Tiếng Việt", ()),
    Language("zh", "Chinesisch", "Chinese", "中文", ()),
    Language(
        "sgn", "Deutsche Gebärdensprache", "German Sign Language", "DGS", ("gebaerdensprache",)
    ),
)

BY_CODE: dict[str, Language] = {language.code: language for language in LANGUAGES}
CHOICES: list[tuple[str, str]] = [(language.code, language.label) for language in LANGUAGES]


def label(code: str) -> str:
    language = BY_CODE.get(code)
    return language.label if language else code
