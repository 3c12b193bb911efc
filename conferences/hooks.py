"""How the conferences app plugs into the portal and into the network's pages.

``ConferencesConfig.ready()`` calls ``register()``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from networks import hooks as networks_hooks
from portal import hooks
from portal.access import MANAGE_CONTENT
from portal.hooks import MenuItem, TemplateHook

if TYPE_CHECKING:
    from networks.models import Measure
    from portal.models import Region


def measure_origins_notes(
    measures: Sequence[Measure], *, staff: bool, region: Region | None
) -> dict[int, SafeString]:
    """Under each measure: the conference workshops whose results it came from (one query)."""
    from conferences.selectors import measure_origins

    origins = measure_origins(measures, public=not staff)
    notes = {}
    for measure in measures:
        if origins.get(measure.lineage):
            notes[measure.pk] = render_to_string(
                "conferences/hooks/measure_notes.html",
                {"origins": origins[measure.lineage], "staff": staff, "region": region},
            )
    return notes


def _seed_demo() -> None:
    from conferences import demo

    demo.seed()


def _region_files_delete(*, region: Region) -> None:
    from conferences.services.events import region_files_delete

    region_files_delete(region=region)


def register() -> None:
    from conferences import retention, translatable
    from conferences.sitemaps import SITEMAPS

    hooks.register(hooks.PUBLIC_URLS, "conferences.urls", order=10)
    hooks.register(hooks.STAFF_URLS, "conferences.urls_staff", order=10)
    hooks.register(hooks.PUBLIC_MENU, MenuItem(_("Events"), "conferences:event_list"), order=10)
    hooks.register(hooks.GLOBAL_MENU, MenuItem(_("Events"), "conferences:events_all"), order=10)
    for item in (
        MenuItem(_("Events and registrations"), "conferences_staff:event_list"),
        MenuItem(_("Venues"), "conferences_staff:venue_list", MANAGE_CONTENT),
    ):
        hooks.register(hooks.STAFF_MENU, item, order=10)
    hooks.register(
        hooks.REGION_HOME_HEAD, TemplateHook("conferences/hooks/region_home_head.html"), order=10
    )
    hooks.register(
        hooks.REGION_HOME_SECTIONS,
        TemplateHook("conferences/hooks/region_home_sections.html"),
        order=10,
    )
    hooks.register(
        hooks.GLOBAL_HOME_SECTIONS,
        TemplateHook("conferences/hooks/global_home_sections.html"),
        order=10,
    )
    hooks.register(
        hooks.STAFF_DASHBOARD, TemplateHook("conferences/hooks/staff_dashboard.html"), order=10
    )
    for section in SITEMAPS.items():
        hooks.register(hooks.SITEMAPS, section, order=10)
    hooks.register(hooks.DEMO_SEEDERS, _seed_demo, order=20)
    for label in ("conferences.Event", "conferences.Venue"):
        hooks.register(hooks.REGION_HISTORY, (label, "region_id"))
    hooks.register(networks_hooks.MEASURE_NOTES, measure_origins_notes)
    hooks.listen(hooks.REGION_DELETED, _region_files_delete)
    translatable.register()
    retention.register()
