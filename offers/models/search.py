"""The search index of the offer directory: one entry per offer, and the vocabulary."""

from __future__ import annotations

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Q

from offers.models.directory import Offer
from portal.models import Region


class SearchEntry(models.Model):
    """What the search matches, ranks, filters and counts an offer by: one narrow row, so that
    a query matching thousands of offers reads nothing else (offers' own rows, with their
    descriptions, are several times wider).

    The text (``phrase``, the vectors) is written by
    ``offers.services.search_index.reindex_offers`` after each write. The columns copied from
    the offer (region, whether it is public, dates, title, facet keys) are kept equal to it by
    the database: migration 0006's trigger copies them on every change of the offer, so a
    status change by any code path reaches the search at once (``tests/offers/
    test_search_entry_sync.py`` holds the trigger and ``OfferQuerySet.published`` together).
    """

    offer = models.OneToOneField(
        Offer, on_delete=models.CASCADE, primary_key=True, related_name="search_entry"
    )
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    # Copies of the offer's columns (see above).
    public = models.BooleanField(default=False)
    published_at = models.DateTimeField(null=True)
    start_date = models.DateField(null=True)
    title = models.CharField(max_length=200)
    facet_keys = ArrayField(models.BigIntegerField(), default=list)
    # The German title's words (``textnorm.phrase``): a query equal to it matches best.
    phrase = models.TextField(blank=True)
    # The title in every language it is written in, for ranking title matches without reading
    # the whole document.
    title_vector = SearchVectorField()
    # Everything the offer is found by, each part stemmed with its language's configuration:
    # title (A), summary (B), description and schedule (C), provider, places, fields of action
    # (D), and lexemes for the languages it is given in and its facet values (see
    # search_index).
    vector = SearchVectorField()

    class Meta:
        # What a query matching thousands of offers reads besides counting them
        # (offers.selectors.facets): the entries with the query in their title, the newest
        # ones, the sample whose facets are counted, a page in the order of titles.
        indexes = [
            # Region and text in one index (btree_gin): a word common in every county yields
            # only this county's entries, without reading the others' rows.
            GinIndex(
                fields=["region", "vector"],
                condition=Q(public=True),
                name="offer_search_entry_public",
            ),
            GinIndex(
                fields=["region", "title_vector"],
                condition=Q(public=True),
                name="offer_search_entry_title",
            ),
            models.Index(
                fields=["region", "phrase"],
                condition=Q(public=True),
                name="offer_search_entry_phrase",
            ),
            models.Index(
                F("region"),
                F("published_at").desc(nulls_last=True),
                F("offer").desc(),
                condition=Q(public=True),
                name="offer_search_entry_newest",
            ),
            models.Index(
                fields=["region", "title", "offer"],
                condition=Q(public=True),
                name="offer_search_entry_by_title",
            ),
            # The order of the facet sample (offers.selectors.facets.SAMPLE_HASH).
            models.Index(
                F("region"),
                (F("offer") * 2654435761).bitand(4294967295),
                condition=Q(public=True),
                name="offer_search_entry_sample",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class SearchWord(models.Model):
    """Every normalised word of the indexed offers: the search expands query words against it
    by trigram similarity (typos) and substring (parts of compounds: "kurs" → "sprachkurs")."""

    word = models.CharField(max_length=60, unique=True)

    class Meta:
        indexes = [
            GinIndex(fields=["word"], opclasses=["gin_trgm_ops"], name="offer_search_word_trgm")
        ]

    def __str__(self) -> str:
        return self.word
