"""Atom feeds of newly published events: all counties, and one per county."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

from conferences.models import Event
from portal.models import Region
from portal.translations.feeds import (
    LanguageAtomFeed,
    feed_text,
    load_texts,
    text_languages,
)


class NewEventsFeed(Feed):
    feed_type = LanguageAtomFeed

    def get_object(self, request, region: str | None = None):
        return get_object_or_404(Region, slug=region) if region else None

    def title(self, obj: Region | None) -> str:
        if obj is None:
            return _("New events of the integration networks")
        return _("New events: %(region)s") % {"region": obj.name}

    def link(self, obj: Region | None) -> str:
        if obj is None:
            return reverse("conferences:events_all")
        return reverse("conferences:event_list", kwargs={"region": obj.slug})

    def subtitle(self, obj: Region | None) -> str:
        return _("Conferences, network meetings and workshops, newest first.")

    def items(self, obj: Region | None):
        events = Event.objects.published().filter(published_at__isnull=False)
        if obj is not None:
            events = events.in_region(obj)
        return load_texts(events.select_related("region").order_by("-published_at")[:30])

    def item_title(self, item: Event) -> str:
        prefix = _("Cancelled: ") if item.is_cancelled else ""
        return prefix + feed_text(item, "title").text

    def item_description(self, item: Event) -> str:
        return feed_text(item, "summary").text

    def item_extra_kwargs(self, item: Event) -> dict:
        return {
            "text_languages": text_languages(item, {"title": "title", "description": "summary"})
        }

    def item_pubdate(self, item: Event):
        return item.published_at

    def item_updateddate(self, item: Event):
        return item.updated_at
