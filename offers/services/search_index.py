"""The search index of the offer directory (``SearchEntry``, ``SearchWord``), rebuilt after
each write by ``reindex_offers``.

An offer's entry is built from parts, each a text with its language's text search
configuration (``languages.search_config``: a Snowball stemmer where PostgreSQL has one,
"simple" otherwise) and a weight:

- A: the title; B: the summary; C: description, schedule, note on cost — in German and in
  every language the public reads a translation of them in (``portal.translations``), which
  ``offers.hooks`` keeps current when translations change;
- D: provider, places, fields of action and the German labels of its kind, target groups and
  cost;
- one lexeme per value of those facets and per language the offer is given in
  (``facet_lexeme``): a query word naming one in any interface language ("دورة" for a
  course, "Жінки" for women, "арабська" for Arabic) matches it — without storing every label
  in every language in every offer, and without every offer in German matching "deutsch".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import connection
from django.utils import translation

from offers import languages
from offers.models import Cost, Kind, Offer, TargetGroup
from offers.models.directory import facet_key, facet_lexeme
from offers.textnorm import normalise, phrase, words
from portal import translations

GERMAN = "de"
# A part's configuration when its text is a list of lexemes to store as they are.
RAW = ""


@dataclass
class SearchDocument:
    offer_id: int
    phrase: str  # the German title's ``phrase``
    # (configuration, weight, normalised text) in order
    parts: list[tuple[str, str, str]] = field(default_factory=list)

    def add(self, language: str, weight: str, *texts: str) -> None:
        text = normalise(" ".join(t for t in texts if t))
        if text.strip():
            self.parts.append((languages.search_config(language), weight, text))

    def vocabulary(self) -> set[str]:
        return {w for config, _, text in self.parts if config != RAW for w in words(text)}


@dataclass(frozen=True)
class Labels:
    """The German labels of kinds, target groups and costs (part of the German text, so that
    "Kurs" or "Beratung" find offers of that kind), looked up once per reindexing."""

    kinds: dict[str, str]
    targets: dict[str, str]
    costs: dict[str, str]

    @classmethod
    def load(cls) -> Labels:
        with translation.override(GERMAN):
            return cls(
                {value: str(label) for value, label in Kind.choices},
                {value: str(label) for value, label in TargetGroup.choices},
                {value: str(label) for value, label in Cost.choices},
            )

    def of(self, offer: Offer) -> list[str]:
        return [
            self.kinds.get(offer.kind, ""),
            *(self.targets.get(t, "") for t in offer.target_groups),
            self.costs.get(offer.cost, ""),
        ]


def facet_lexemes(offer: Offer) -> list[str]:
    """The lexemes of the offer's kind, target groups, cost and languages."""
    keys = [facet_key("kind", offer.kind), facet_key("cost", offer.cost)]
    keys += [facet_key("target", value) for value in offer.target_groups]
    keys += [facet_key("lang", code) for code in offer.languages]
    return [facet_lexeme(key) for key in keys]


# Where each translated field of an offer goes: its weight.
TRANSLATED_WEIGHTS = {
    "title": "A",
    "summary": "B",
    "description": "C",
    "schedule": "C",
    "cost_note": "C",
    "registration_detail": "C",
}
# Translated names of the offer's fields of action, keyed like the offer's own fields.
FIELDS_OF_ACTION = "fields_of_action"


def search_document(
    offer: Offer,
    labels: Labels | None = None,
    *,
    places: list[str] | None = None,
    fields: list[str] | None = None,
    translations: dict[str, dict[str, str]] | None = None,
) -> SearchDocument:
    """The parts an offer is found by: its German texts, and ``translations`` ({language:
    {field: text}}, what the public reads as translations, see ``translated_texts``), each
    stemmed with its language's configuration. The names of its places and fields of action
    are read from the offer (prefetch them) unless given."""
    labels = labels or Labels.load()
    if places is None:
        places = []
        for place in offer.places.all():
            municipality = place.municipality.name if place.municipality else ""
            places += [place.name, place.city, municipality]
    if fields is None:
        fields = [field.name for field in offer.fields_of_action.all()]
    document = SearchDocument(offer.pk, phrase(offer.title))
    document.add(GERMAN, "A", offer.title)
    document.add(GERMAN, "B", offer.summary)
    document.add(GERMAN, "C", offer.description, offer.schedule, offer.cost_note)
    document.add(GERMAN, "D", offer.provider.name, *places, *fields, *labels.of(offer))
    for language, texts in sorted((translations or {}).items()):
        for name, weight in TRANSLATED_WEIGHTS.items():
            document.add(language, weight, texts.get(name, ""))
        document.add(language, "D", texts.get(FIELDS_OF_ACTION, ""))
    document.parts.append((RAW, "D", " ".join(facet_lexemes(offer))))
    return document


def translated_texts(offers: list[Offer]) -> dict[int, dict[str, dict[str, str]]]:
    """Per offer, what the public reads in each other language: the offer's translated texts
    and the translated names of its fields of action (fields prefetched). Three queries."""
    texts = translations.public_texts(offers)
    fields = {f.pk: f for offer in offers for f in offer.fields_of_action.all()}
    field_names = translations.public_texts(list(fields.values()))
    for offer in offers:
        for field_of_action in offer.fields_of_action.all():
            for language, names in field_names.get(field_of_action.pk, {}).items():
                per_language = texts.setdefault(offer.pk, {}).setdefault(language, {})
                joined = " ".join(
                    filter(None, (per_language.get(FIELDS_OF_ACTION), names.get("name")))
                )
                per_language[FIELDS_OF_ACTION] = joined
    return texts


# What the public sees, as OfferQuerySet.published() says it; the trigger of migration 0006
# copies the same expression on every change of an offer (tests/offers/
# test_search_entry_sync.py holds the three together).
PUBLIC_SQL = "(o.status = 'published' AND o.confirmation_state <> 'hidden')"

# One statement per batch: every part is stemmed with its own configuration, the parts of an
# offer concatenated in order, titles (weight A) also into the title vector.
_WRITE_SQL = f"""
WITH part AS (
    SELECT p.offer_id, p.ord, p.weight,
           setweight(
               CASE WHEN p.config = '' THEN array_to_tsvector(string_to_array(p.body, ' '))
                    ELSE to_tsvector(p.config::regconfig, p.body) END,
               p.weight::"char") AS vector
    FROM unnest(%s::bigint[], %s::int[], %s::text[], %s::text[], %s::text[])
         AS p(offer_id, ord, config, weight, body)
), vectors AS (
    SELECT part.offer_id,
           offers_tsvector_agg(part.vector ORDER BY part.ord) AS vector,
           offers_tsvector_agg(part.vector ORDER BY part.ord)
               FILTER (WHERE part.weight = 'A') AS title_vector
    FROM part GROUP BY part.offer_id
)
INSERT INTO offers_searchentry (offer_id, region_id, public, published_at, start_date, title,
                                facet_keys, phrase, title_vector, vector)
SELECT o.id, o.region_id, {PUBLIC_SQL}, o.published_at, o.start_date, o.title, o.facet_keys,
       t.phrase, coalesce(v.title_vector, ''), coalesce(v.vector, '')
FROM unnest(%s::bigint[], %s::text[]) AS t(offer_id, phrase)
JOIN offers_offer o ON o.id = t.offer_id
LEFT JOIN vectors v ON v.offer_id = t.offer_id
ON CONFLICT (offer_id) DO UPDATE
SET region_id = EXCLUDED.region_id, public = EXCLUDED.public,
    published_at = EXCLUDED.published_at, start_date = EXCLUDED.start_date,
    title = EXCLUDED.title, facet_keys = EXCLUDED.facet_keys, phrase = EXCLUDED.phrase,
    title_vector = EXCLUDED.title_vector, vector = EXCLUDED.vector
"""
BATCH = 1000


def write_search_entries(documents: Iterable[SearchDocument]) -> None:
    """Store these documents as the offers' search entries and add their words to the
    vocabulary."""
    documents = list(documents)
    vocabulary: set[str] = set()
    with connection.cursor() as cursor:
        for start in range(0, len(documents), BATCH):
            batch = documents[start : start + BATCH]
            columns: tuple[list[object], ...] = ([], [], [], [], [])
            for document in batch:
                vocabulary |= document.vocabulary()
                for ord_, (config, weight, text) in enumerate(document.parts):
                    for column, value in zip(
                        columns, (document.offer_id, ord_, config, weight, text), strict=True
                    ):
                        column.append(value)
            cursor.execute(
                _WRITE_SQL,
                [
                    *columns,
                    [d.offer_id for d in batch],
                    [d.phrase for d in batch],
                ],
            )
    add_search_words(vocabulary)


def add_search_words(vocabulary: Iterable[str]) -> None:
    batch = sorted({w for w in vocabulary if 3 <= len(w) <= 60})
    if not batch:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO offers_searchword (word) SELECT unnest(%s::text[]) "
            "ON CONFLICT (word) DO NOTHING",
            [batch],
        )


def reindex_offers(offer_ids: Iterable[int]) -> None:
    """Rebuild the search entries, facet keys and vocabulary of these offers (call after each
    write)."""
    ids = list(offer_ids)
    if not ids:
        return
    offers = list(
        Offer.objects.filter(pk__in=ids)
        .select_related("provider")
        .prefetch_related("fields_of_action", "places__municipality")
    )
    labels = Labels.load()
    texts = translated_texts(offers)
    documents = []
    for offer in offers:
        offer.facet_keys = offer.compute_facet_keys()
        documents.append(search_document(offer, labels, translations=texts.get(offer.pk)))
    Offer.objects.bulk_update(offers, ["facet_keys"], batch_size=500)
    write_search_entries(documents)
