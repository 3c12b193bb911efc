"""What a search query's words mean to the index: for each word the ways it may match, in
three classes that the ranking keeps apart (``offers.selectors.facets``):

- **word**: the word itself, stemmed with the configuration of every language it may be in
  ("Sprachkurse" → 'sprachkurs'; "курси" → 'курс');
- **tag**: a language name ("arabisch", "арабська", "العربية") matches the offers given in
  that language, the label of a kind, target group or cost in any interface language ("دورة",
  "course", "Жінки") the offers of that kind, for that group, at that cost;
- **part**: compounds and their parts — the word as a prefix ("Sprache" → 'sprach':*), the
  directory's words that contain it ("Kurs" → 'integrationskurs'), the word split into known
  words ("Deutschkurs" → 'deutsch' & 'kurs'), and synonyms ("lernen" → 'kurs');
- **near**: words of the directory one or two typos away ("Beratnug" → 'beratung'), only for
  words the directory does not contain itself, and their compounds ("Sprachkurz" →
  'berufssprachkurs').

All the query's words must match (AND); each in any of its ways (OR). Everything is looked up
in one SQL query (``analyse``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from django.conf import settings
from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.utils import translation

from offers import languages
from offers.models import Cost, Kind, TargetGroup
from offers.models.directory import facet_key, facet_lexeme
from offers.textnorm import edit_distance, language_code, normalise, query_tokens, script

GERMAN = languages.search_config("de")
# Per writing system the configurations a query word is stemmed with: the first decides
# whether it is a stop word; "simple" reaches texts in languages without a stemmer (Ukrainian,
# Farsi, Tigrinya), indexed as written.
SCRIPT_CONFIGS = {
    "latin": (GERMAN, "english", "simple"),
    "arabic": ("arabic", "simple"),
    "cyrillic": ("russian", "simple"),
    "ethiopic": ("simple",),
    "other": ("simple",),
}
# Words people search by that the offers rarely contain, and what to look for instead
# (normalised). Matches through them rank as parts, below the word itself.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "lernen": ("kurs", "unterricht", "ueben"),
    "unterricht": ("kurs",),
    "lehrgang": ("kurs",),
    "job": ("arbeit", "beruf", "bewerbung"),
    "arbeitssuche": ("arbeit", "bewerbung"),
    "wohnung": ("wohnen", "wohnungssuche", "miete"),
    "kita": ("kinderbetreuung", "kindergarten"),
    "kindergarten": ("kita", "kinderbetreuung"),
    "arzt": ("gesundheit", "hausarzt"),
    "doktor": ("arzt", "gesundheit"),
    "fluechtlinge": ("gefluechtete",),
    "gefluechtete": ("fluechtlinge",),
    "treff": ("treffpunkt", "cafe"),
    "nachhilfe": ("hausaufgabenhilfe",),
}
# The facets whose values people name in a query ("course", "دورة", "Жінки", "free").
LABELLED_CHOICES = {"kind": Kind.choices, "target": TargetGroup.choices, "cost": Cost.choices}
# Word parts shorter than this are not looked for inside other words ("rat" in "integration").
MIN_PART = 4
# Linking elements between the parts of a German compound ("Integration-s-kurs") and endings
# of the last part ("Deutschkurs-e").
LINKS = ("", "s", "es", "n", "en", "e", "er")
ENDINGS = ("", "e", "en", "n", "s", "es", "er")
MAX_COMPOUNDS = 40
MAX_NEAR = 20


def quote(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def _all(lexemes: list[str]) -> str:
    """One tsquery operand for a word that stems to several lexemes."""
    quoted = [quote(x) for x in lexemes]
    return quoted[0] if len(quoted) == 1 else "(" + " & ".join(quoted) + ")"


def any_of(operands: list[str]) -> str:
    unique = list(dict.fromkeys(operands))
    return unique[0] if len(unique) == 1 else "(" + " | ".join(unique) + ")"


# A quoted lexeme of a written-out tsquery (see ``quote``), with its prefix mark if any.
_LEXEME = re.compile(r"'(?:[^'\\]|\\.|'')*'(?::\*)?")


def lexemes(query: str) -> list[str]:
    """The lexemes of a written-out tsquery, each as an operand of its own ("'kur':*")."""
    return list(dict.fromkeys(_LEXEME.findall(query)))


@dataclass
class TokenQuery:
    token: str
    word: list[str] = field(default_factory=list)  # tsquery operands of each class
    part: list[str] = field(default_factory=list)
    near: list[str] = field(default_factory=list)
    near_part: list[str] = field(default_factory=list)  # compounds of the near words
    tag: list[str] = field(default_factory=list)  # "given in the language this word names"
    language: str | None = None

    @property
    def everything(self) -> str:
        return any_of(self.word + self.tag + self.part + self.near + self.near_part)


@dataclass
class TextQuery:
    text: str  # the normalised query: equal to a title, it is the best match
    tokens: list[TokenQuery]

    @property
    def match(self) -> str | None:
        """The tsquery of the whole query: every word in any of its ways."""
        if not self.tokens:
            return None
        return " & ".join(token.everything for token in self.tokens)

    @property
    def any_lexeme(self) -> str | None:
        """The tsquery matching a text that contains any lexeme of ``match`` (in any way)."""
        if self.match is None:
            return None
        return any_of(lexemes(self.match))

    @property
    def language_codes(self) -> list[str]:
        return [t.language for t in self.tokens if t.language and t.language != "de"]


class LiteralSearchQuery(SearchQuery):
    """A tsquery written out (its lexemes stemmed already), for ORM filters."""

    template = "(%(expressions)s)::tsquery"


def _inflections(token: str) -> list[str]:
    """Other forms of a German word: the stemmer reads "Kurs" as 'kur' but "Kurse" as 'kurs',
    so each form present in the directory's words is looked for too."""
    forms = [token + ending for ending in ENDINGS if ending]
    forms += [token[: -len(ending)] for ending in ENDINGS if ending and token.endswith(ending)]
    return [f for f in forms if len(f) >= 3]


def _splits(token: str) -> list[tuple[list[str], list[str]]]:
    """Ways to read the token as a two-part compound: (spellings of the first part, of the
    second). "deutschkurse" → (["deutsch", ...], ["kurse", "kurs", ...]), ..."""
    found = []
    for cut in range(3, len(token) - 2):
        left, right = token[:cut], token[cut:]
        lefts = [left[: len(left) - len(link)] for link in LINKS if left.endswith(link)]
        lefts += [left + "e"]  # "Sprach-kurs" from "Sprache"
        rights = [right[: len(right) - len(end)] for end in ENDINGS if right.endswith(end)]
        lefts = [x for x in dict.fromkeys(lefts) if len(x) >= 3]
        rights = [x for x in dict.fromkeys(rights) if len(x) >= 3]
        if lefts and rights:
            found.append((lefts, rights))
    return found


# Per token (i): its lexemes in each configuration; then words of the vocabulary: ("known")
# the candidates asked for by spelling, ("part") those containing the German stem of a token,
# ("near") those similar by trigrams. Each vocabulary word comes with its German lexemes.
_ANALYSE_SQL = """
WITH near AS (
    SELECT t.i, c.word, c.rank
    FROM unnest(%s::int[], %s::text[]) AS t(i, token) CROSS JOIN LATERAL (
        SELECT w.word, row_number() OVER (ORDER BY similarity(w.word, t.token) DESC, w.word)
               AS rank
        FROM offers_searchword w
        WHERE length(t.token) >= 5 AND w.word %% t.token
        ORDER BY similarity(w.word, t.token) DESC, w.word LIMIT %s
    ) c
), lex AS (
    SELECT x.i, x.config, x.token,
           tsvector_to_array(to_tsvector(x.config::regconfig, x.token)) AS lexemes
    FROM unnest(%s::int[], %s::text[], %s::text[]) AS x(i, config, token)
), stems AS (
    -- the stem, unless the stemmer cut the word short ("kurs" → 'kur')
    SELECT lex.i, CASE WHEN length(lex.lexemes[1]) >= %s THEN lex.lexemes[1] ELSE lex.token END
           AS stem
    FROM lex WHERE lex.config = %s AND cardinality(lex.lexemes) = 1
)
SELECT 'lex', lex.i, lex.config, lex.lexemes FROM lex
UNION ALL
SELECT 'known', NULL, w.word, tsvector_to_array(to_tsvector(%s, w.word))
FROM offers_searchword w WHERE w.word = ANY(%s::text[])
UNION ALL
SELECT 'part', s.i, c.word, tsvector_to_array(to_tsvector(%s, c.word))
FROM stems s CROSS JOIN LATERAL (
    SELECT w.word FROM offers_searchword w
    WHERE length(s.stem) >= %s AND w.word LIKE '%%' || s.stem || '%%'
      AND w.word NOT LIKE s.stem || '%%'
    ORDER BY length(w.word), w.word LIMIT %s
) c
UNION ALL
SELECT 'near', n.i, n.word, tsvector_to_array(to_tsvector(%s, n.word)) FROM near n
UNION ALL
-- the compounds of the closest neighbours: "Sprachkurz" means "Sprachkurs", and that is
-- also in "Berufssprachkurs"
SELECT 'nearpart', n.i, n.word, tsvector_to_array(to_tsvector(%s, c.word))
FROM near n CROSS JOIN LATERAL (
    SELECT w.word FROM offers_searchword w
    WHERE n.rank <= 3 AND length(n.word) >= %s AND w.word LIKE '%%' || n.word || '%%'
      AND w.word <> n.word
    ORDER BY length(w.word), w.word LIMIT %s
) c
"""


# A label's words (in every interface language, stemmed like the texts in that language) and the
# facet values they name: "دورة" → the kind "course", "жінки" → the target group "women".
_LABELS_SQL = """
SELECT x.config, l.lexeme, x.tag
FROM unnest(%s::text[], %s::text[], %s::text[]) AS x(config, label, tag)
CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector(x.config::regconfig, x.label))) AS l(lexeme)
WHERE length(l.lexeme) >= 3
"""


@cache
def label_tags() -> dict[tuple[str, str], frozenset[str]]:
    """Per (configuration, lexeme) the facet lexemes of the labels containing that word; the
    labels are the code's and its catalogues', so once per process is enough."""
    rows: tuple[list[str], list[str], list[str]] = ([], [], [])
    for code, _ in settings.LANGUAGES:
        with translation.override(code):
            for name, choices in LABELLED_CHOICES.items():
                for value, label in choices:
                    rows[0].append(languages.search_config(code))
                    rows[1].append(normalise(str(label)))
                    rows[2].append(facet_lexeme(facet_key(name, value)))
    with connection.cursor() as cursor:
        cursor.execute(_LABELS_SQL, list(rows))
        found: dict[tuple[str, str], set[str]] = {}
        for config, lexeme, tag in cursor.fetchall():
            found.setdefault((config, lexeme), set()).add(tag)
    return {key: frozenset(tags) for key, tags in found.items()}


# Arabic writes articles and conjunctions onto the word and marks plurals and the feminine with
# endings; PostgreSQL's stemmer reads "دورة" (course) as 'دور' but "دورات" (courses) as 'دورا'.
_ARABIC_PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال")
_ARABIC_SUFFIXES = ("ات", "ون", "ين", "ة", "ه", "ي")


def _arabic_light_stem(token: str) -> str:
    """The word without article and plural or feminine ending, if at least three letters
    remain: "الدورات" → "دور"."""
    for prefix in _ARABIC_PREFIXES:
        if token.startswith(prefix) and len(token) - len(prefix) >= 3:
            token = token[len(prefix) :]
            break
    for suffix in _ARABIC_SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= 3:
            return token[: -len(suffix)]
    return token


def _synonym_key(i: int, j: int) -> int:
    """The number under which the j-th synonym of the i-th query word is looked up."""
    return 1000 * (i + 1) + j


def _near_limit(token: str) -> int:
    """Typos tolerated: none in short words (too many neighbours), one up to seven letters."""
    if len(token) < 5:
        return 0
    return 1 if len(token) < 8 else 2


def analyse(q: str, visitor_language: str = "de") -> TextQuery:
    """The ways each word of the query ``q`` matches (see the module docstring), for a visitor
    whose interface is in ``visitor_language``."""
    tokens = query_tokens(q)
    if not tokens:
        return TextQuery(normalise(q).strip(), [])
    visitor_config = languages.search_config(visitor_language)
    configs: dict[int, tuple[str, ...]] = {}
    lex_rows: tuple[list[object], list[object], list[object]] = ([], [], [])
    candidates: set[str] = set()
    splits: dict[int, list[tuple[list[str], list[str]]]] = {}
    synonyms: set[str] = set()
    for i, token in enumerate(tokens):
        configs[i] = tuple(dict.fromkeys((*SCRIPT_CONFIGS[script(token)], visitor_config)))
        for config in configs[i]:
            for column, value in zip(lex_rows, (i, config, token), strict=True):
                column.append(value)
        candidates.add(token)
        if script(token) == "latin":
            candidates.update(_inflections(token))
            splits[i] = _splits(token)
            for lefts, rights in splits[i]:
                candidates.update(lefts + rights)
        for j, synonym in enumerate(SYNONYMS.get(token, ())):
            # Their compounds count too: "lernen" finds the "Integrationskurs".
            for column, value in zip(lex_rows, (_synonym_key(i, j), GERMAN, synonym), strict=True):
                column.append(value)
            synonyms.add(synonym)
    code_of = {i: language_code(token) for i, token in enumerate(tokens)}
    names = {
        normalise(languages.BY_CODE[code].german) for code in code_of.values() if code
    } | synonyms
    candidates |= names
    # The German spellings of named languages and synonyms are stemmed like the vocabulary.
    with connection.cursor() as cursor:
        cursor.execute(
            _ANALYSE_SQL,
            [
                list(range(len(tokens))),
                tokens,
                MAX_NEAR,
                *lex_rows,
                MIN_PART,
                GERMAN,
                GERMAN,
                sorted(candidates),
                GERMAN,
                MIN_PART,
                MAX_COMPOUNDS,
                GERMAN,
                GERMAN,
                MIN_PART,
                MAX_COMPOUNDS,
            ],
        )
        rows = cursor.fetchall()
    lexemes: dict[int, dict[str, list[str]]] = {}
    known: dict[str, list[str]] = {}
    parts: dict[int, list[list[str]]] = {}
    near: dict[int, list[tuple[str, list[str]]]] = {}
    near_parts: dict[tuple[int, str], list[list[str]]] = {}
    for kind, i, word, found in rows:
        if kind == "lex":
            lexemes.setdefault(i, {})[word] = found
        elif kind == "known":
            known[word] = found
        elif kind == "part":
            parts.setdefault(i, []).append(found)
        elif kind == "near":
            near.setdefault(i, []).append((word, found))
        else:
            near_parts.setdefault((i, word), []).append(found)

    result = []
    for i, token in enumerate(tokens):
        by_config = lexemes.get(i, {})
        code = code_of[i]
        primary = configs[i][0]
        if not by_config.get(primary) and not code:
            continue  # a stop word: it cannot narrow the search
        query = TokenQuery(token, language=code)
        for config in configs[i]:
            if by_config.get(config):
                query.word.append(_all(by_config[config]))
                for lexeme in by_config[config]:
                    query.tag += [quote(tag) for tag in label_tags().get((config, lexeme), ())]
        if primary == GERMAN:
            query.word += [_all(known[f]) for f in _inflections(token) if known.get(f)]
        if code:
            german_name = known.get(normalise(languages.BY_CODE[code].german))
            if german_name:
                query.word.append(_all(german_name))
            if code != "de":
                # German is what nearly every offer is given in: "Deutsch" is what people
                # want to learn, not a filter that lets the whole directory through.
                query.tag.append(quote(facet_lexeme(facet_key("lang", code))))
        if len(token) >= 3:
            # The stem as a prefix: "Sprache" finds "Sprachkurs"; and for texts indexed as
            # written (Ukrainian, Farsi), the Russian or Arabic stem stands in for a stemmer
            # of their own: "інтеграційного" finds "інтеграційний".
            stems = by_config.get(primary) or [token]
            stem = stems[0] if len(stems) == 1 and len(stems[0]) >= 3 else token
            query.part.append(quote(stem) + ":*")
            if script(token) == "arabic":
                query.part.append(quote(_arabic_light_stem(token)) + ":*")
        query.part += [_all(x) for x in parts.get(i, []) if x]
        for lefts, rights in splits.get(i, []):
            left = next((known[x] for x in lefts if known.get(x)), None)
            right = next((known[x] for x in rights if known.get(x)), None)
            if left and right:
                query.part.append("(" + _all(left) + " & " + _all(right) + ")")
        for j, synonym in enumerate(SYNONYMS.get(token, ())):
            if known.get(synonym):
                query.part.append(_all(known[synonym]))
                query.part.append(quote(known[synonym][0]) + ":*")
            query.part += [_all(x) for x in parts.get(_synonym_key(i, j), []) if x]
        limit = _near_limit(token)
        if limit and token not in known:
            for word, found in near.get(i, []):
                if found and token not in word and word not in token:
                    if edit_distance(word, token, limit) <= limit:
                        query.near.append(_all(found))
                        query.near_part += [_all(x) for x in near_parts.get((i, word), []) if x]
        result.append(query)
    return TextQuery(" ".join(tokens), result)
