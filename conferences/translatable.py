"""The translatable texts of events: the event, its programme and its workshops."""

from __future__ import annotations

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal import translations


def _current_events(region):
    from conferences.models import Event

    # Past events stay readable but are no translation work any more.
    return (
        Event.objects.in_region(region)
        .filter(Q(dates__end__gte=timezone.now()) | Q(dates__isnull=True))
        .distinct()
    )


def register() -> None:
    from conferences.models import Event, ProgrammeItem, Workshop

    translations.register_document(
        "event",
        model=Event,
        label=_("Events"),
        fields=("title", "summary", "description"),
        plain_language=("description",),
        queryset=_current_events,
        order=30,
    )
    translations.register_part("event", ProgrammeItem, fields=("title",), path="event_date__event")
    translations.register_part(
        "event", Workshop, fields=("title", "description"), path="event_date__event"
    )
