"""Text normalisation shared by the search index and the search query.

Both sides go through ``normalise`` so that "für", "fuer" and "FÜR" become the same word:
umlauts are transliterated (ä → ae, ß → ss), other accents and Arabic vowel marks dropped.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from functools import cache

from offers.languages import LANGUAGES

WORD = re.compile(r"[^\W_]+")
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})

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


def normalise(text: str) -> str:
    text = (text or "").lower().translate(_UMLAUTS)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


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


def _is_ideographic(word: str) -> bool:
    return any(ord(c) > 0x2E80 for c in word)


@cache
def _language_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for language in LANGUAGES:
        for name in language.names:
            for variant in (name, *words(name)):
                names.setdefault(normalise(variant), language.code)
    return names


def language_code(token: str) -> str | None:
    """The ISO code a query word names ("arabisch", "arabic", "العربية" → "ar"), if any.

    Tolerates a small typo in longer words ("arabish").
    """
    names = _language_names()
    if token in names:
        return names[token]
    if len(token) >= 6:
        close = difflib.get_close_matches(token, names.keys(), n=1, cutoff=0.86)
        if close:
            return names[close[0]]
    return None
