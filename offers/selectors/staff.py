"""Reads of the back-office offer list."""

from __future__ import annotations

from django.db.models import Q

from offers.textnorm import STOP_WORDS

# What staff search in: besides the public text, the internal lessons learned of archived
# offers ("why was it not taken up?").
STAFF_SEARCH_FIELDS = ("title", "summary", "description", "provider__name", "lessons_learned")
_TRANSLITERATIONS = (("ae", "ä"), ("oe", "ö"), ("ue", "ü"), ("ss", "ß"))


def _spellings(word: str) -> set[str]:
    """The word as typed and with umlauts written out or in ("fuer" ↔ "für")."""
    spellings = {word}
    for plain, umlaut in _TRANSLITERATIONS:
        spellings |= {s.replace(plain, umlaut) for s in spellings}
        spellings |= {s.replace(umlaut, plain) for s in spellings}
    return spellings


def staff_text_condition(q: str) -> Q:
    """Every word must occur (in any spelling, accents ignored) in one of the searched fields:
    "Frauen Nachfrage" finds a lesson learned that mentions both words anywhere."""
    condition = Q()
    words = [w for w in q.lower().split() if w not in STOP_WORDS] or q.lower().split()
    for word in words[:8]:
        any_field = Q()
        for spelling in _spellings(word):
            for field in STAFF_SEARCH_FIELDS:
                any_field |= Q(**{f"{field}__unaccent__icontains": spelling})
        condition &= any_field
    return condition
