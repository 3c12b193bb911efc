"""Text normalisation shared by the search index and the search query.

Both sides go through ``normalise`` so that "für", "fuer" and "FÜR" become the same word:
German umlauts are transliterated (ä → ae, ß → ss), other accents on Latin letters and Arabic
vowel marks dropped, and the letters that Arabic and Persian keyboards write differently
(ي/ی, ك/ک) unified. Cyrillic keeps its letters (й, ї): the Russian stemmer needs them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from offers.languages import names_in_all_languages

WORD = re.compile(r"[^\W_]+")
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_ARABIC_SCRIPT = str.maketrans(
    {
        "ی": "ي",  # Persian yeh
        "ى": "ي",  # alef maksura
        "ک": "ك",  # Persian kaf
        "ـ": None,  # tatweel (stretching), typed for looks
        "\u200c": None,  # zero-width non-joiner inside Persian words
    }
)
_CYRILLIC_YO = str.maketrans({"ё": "е"})

# German (and a few English) function words in normalised form: they never narrow a search.
STOP_WORDS = frozenset(
    """
    aber alle als am an auch auf aus bei bin bis da damit dann das dass dem den der des die
    dies diese doch du durch ein eine einem einen einer eines er es fuer gegen hat ich ihr im
    in ist ja kann mit nach nicht noch nur oder ohne sich sie sind so um und uns von vor war
    was wie wir zu zum zur ueber unter
    the and for of to with in on a an or
    """.split()
)
# The Arabic article is written together with its noun: "الألمانية" is "the German (language)".
ARABIC_ARTICLE = "ال"


_CYRILLIC = re.compile("[\u0400-\u04ff]")


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalise(text: str) -> str:
    text = (text or "").lower().translate(_UMLAUTS)
    if text.isascii():
        return text
    text = text.translate(_ARABIC_SCRIPT).translate(_CYRILLIC_YO)
    if not _CYRILLIC.search(text):
        return _strip_marks(text)
    # Cyrillic letters keep their marks (й is a letter of its own, not и with a breve).
    return "".join(
        c if _CYRILLIC.match(c) else _strip_marks(c) for c in unicodedata.normalize("NFC", text)
    )


def words(text: str) -> list[str]:
    return WORD.findall(normalise(text))


def query_tokens(text: str) -> list[str]:
    """The words of a search query that narrow it: no stop words, no single letters."""
    seen: list[str] = []
    for word in words(text):
        if len(word) < 2 and not _is_ideographic(word):
            continue
        if word in STOP_WORDS or word in seen:
            continue
        seen.append(word)
    return seen[:8]  # a pasted paragraph must not turn into a huge query


def phrase(text: str) -> str:
    """The words of a text that a query can consist of, as one string: a title and a query
    with the same ``phrase`` name the same thing ("Müttercafé" = "muettercafe")."""
    return " ".join(
        w for w in words(text) if (len(w) >= 2 or _is_ideographic(w)) and w not in STOP_WORDS
    )


def _is_ideographic(word: str) -> bool:
    return any(ord(c) > 0x2E80 for c in word)


def script(word: str) -> str:
    """The writing system of a word: "latin", "arabic", "cyrillic", "ethiopic" or "other"."""
    for char in word:
        if char.isdigit():
            continue
        point = ord(char)
        if point < 0x0250:
            return "latin"
        if 0x0400 <= point <= 0x052F:
            return "cyrillic"
        if 0x0600 <= point <= 0x06FF or 0x0750 <= point <= 0x077F or 0xFB50 <= point <= 0xFEFF:
            return "arabic"
        if 0x1200 <= point <= 0x139F:
            return "ethiopic"
        return "other"
    return "latin"


def _variants(name: str) -> set[str]:
    name = normalise(name)
    found = {name}
    if name.startswith(ARABIC_ARTICLE) and len(name) > 4:
        found.add(name[len(ARABIC_ARTICLE) :])
    return found


@cache
def _language_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for code, spellings in names_in_all_languages().items():
        for name in spellings:
            for variant in (name, *words(name)):
                for key in _variants(variant):
                    names.setdefault(key, code)
    return names


@cache
def _language_stems() -> dict[str, str]:
    """Names without their last letters, for inflected forms: "німецької" (of German),
    "arabischen", "الماني" all start with the stem of a name."""
    stems: dict[str, str] = {}
    for name, code in _language_names().items():
        if len(name) >= 5 and script(name) != "other":
            stems.setdefault(name[: max(4, len(name) - 2)], code)
    return stems


def language_code(token: str) -> str | None:
    """The ISO code a query word names ("arabisch", "arabic", "العربية", "арабська" → "ar"),
    if any: names in every interface language, inflected forms ("німецької", "arabischen",
    "الألماني") and a small typo in longer words ("arabish")."""
    names = _language_names()
    for candidate in _variants(token):
        if candidate in names:
            return names[candidate]
    if len(token) >= 5:
        for candidate in _variants(token):
            for cut in (1, 2, 3, 4):
                stem = candidate[: max(4, len(candidate) - cut)]
                # Only endings: "deutschland" or "deutschkurs" are other words, not "deutsch".
                if stem in _language_stems() and len(candidate) - len(stem) <= 3:
                    return _language_stems()[stem]
            for name, code in names.items():
                if len(name) >= 6 and abs(len(name) - len(candidate)) <= 1:
                    if edit_distance(name, candidate, limit=1) <= 1:
                        return code
    return None


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Optimal string alignment distance (insertions, deletions, substitutions and swaps of
    neighbours: "beratnug" → "beratung" is one), or ``limit + 1`` once it is certainly more."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]
