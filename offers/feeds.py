"""Atom feed of a region's newly published offers."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from offers.models import Offer
from portal.models import Region
from portal.translations.feeds import (
    LanguageAtomFeed,
    feed_text,
    load_texts,
    text_languages,
)


class NewOffersFeed(Feed):
    feed_type = LanguageAtomFeed

    def get_object(self, request, region: str) -> Region:
        return get_object_or_404(Region, slug=region)

    def title(self, obj: Region) -> str:
        return _("New offers – %(region)s") % {"region": obj.name}

    def link(self, obj: Region) -> str:
        from django.urls import reverse

        return reverse("offers:offer_search", kwargs={"region": obj.slug})

    def subtitle(self, obj: Region) -> str:
        return _("Integration offers newly published in %(region)s") % {"region": obj.name}

    def items(self, obj: Region):
        return load_texts(
            Offer.objects.published()
            .in_region(obj)
            .select_related("provider", "region")
            .order_by("-published_at", "-id")[:50]
        )

    def item_title(self, item: Offer) -> str:
        return feed_text(item, "title").text

    def item_description(self, item: Offer) -> str:
        return f"{feed_text(item, 'summary').text} ({item.provider.name})"

    def item_extra_kwargs(self, item: Offer) -> dict:
        return {
            "text_languages": text_languages(item, {"title": "title", "description": "summary"})
        }

    def item_pubdate(self, item: Offer):
        return item.published_at

    def item_updateddate(self, item: Offer):
        return item.updated_at
