"""How the networks app plugs into the portal, and the hook points it opens for other apps.

``NetworksConfig.ready()`` calls ``register()``. Other apps (which may depend on networks, not
the other way round) add to the network's pages and follow its changes through the names below.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from portal import hooks
from portal.access import MANAGE_CONTENT
from portal.hooks import MenuItem, TemplateHook

if TYPE_CHECKING:
    from networks.models import Measure
    from portal.models import Region

# --- hook points of the networks app --------------------------------------------------------

ORGANISATION_DETAIL = "networks.organisation_detail"  # TemplateHook: sections of an
# organisation's public page (context: organisation, region)
MEASURE_NOTES = "networks.measure_notes"  # MeasureNotes: HTML shown under each measure

# Change events (payload as keywords), emitted by networks.services inside the transaction.
ORGANISATION_RENAMED = "networks.organisation_renamed"  # organisation=Organisation
CONSENT_WITHDRAWN = "networks.consent_withdrawn"  # person=Person

# A MeasureNotes callable gets every measure of a page at once (so it can answer in one query),
# whether the page is the back-office's, and the region; it returns HTML per measure pk.
MeasureNotes = Callable[..., dict[int, SafeString]]


def measure_notes(
    measures: Sequence[Measure], *, staff: bool, region: Region | None
) -> dict[int, SafeString]:
    """What the apps add under each measure (e.g. the workshops it came from), by measure pk."""
    notes: dict[int, list[str]] = {}
    for provider in hooks.get(MEASURE_NOTES):
        for pk, html in provider(measures, staff=staff, region=region).items():
            notes.setdefault(pk, []).append(html)
    return {pk: SafeString("".join(parts)) for pk, parts in notes.items()}


# --- what networks adds to the portal -------------------------------------------------------


def _seed_demo() -> None:
    from networks import demo

    demo.seed()


def _stored_pdfs_discard(*, person, **_payload) -> None:
    from networks import services

    services.concept_exports_discard(region=person.region)


def _region_files_delete(*, region: Region) -> None:
    from networks.services import region_files_delete

    region_files_delete(region=region)


def register() -> None:
    from networks import annex_content, retention, translatable
    from networks.sitemaps import SITEMAPS

    hooks.register(hooks.PUBLIC_URLS, "networks.urls", order=20)
    hooks.register(hooks.STAFF_URLS, "networks.urls_staff", order=20)
    for item in (
        MenuItem(_("Network"), "networks:organisation_list"),
        MenuItem(_("Working groups"), "networks:working_group_list"),
        MenuItem(_("Integration concept"), "networks:concept_current"),
    ):
        hooks.register(hooks.PUBLIC_MENU, item, order=20)
    for item in (
        MenuItem(_("Organisations"), "networks_staff:organisation_list", MANAGE_CONTENT),
        MenuItem(_("Contact persons"), "networks_staff:person_list", MANAGE_CONTENT),
        MenuItem(_("Working groups"), "networks_staff:group_list", MANAGE_CONTENT),
        MenuItem(_("Join requests"), "networks_staff:join_request_list", MANAGE_CONTENT),
        MenuItem(_("Integration concept"), "networks_staff:concept_list", MANAGE_CONTENT),
    ):
        hooks.register(hooks.STAFF_MENU, item, order=20)
    hooks.register(
        hooks.REGION_HOME_HEAD, TemplateHook("networks/hooks/region_home_head.html"), order=20
    )
    hooks.register(
        hooks.REGION_HOME_SECTIONS,
        TemplateHook("networks/hooks/region_home_sections.html"),
        order=30,
    )
    hooks.register(
        hooks.STAFF_DASHBOARD,
        TemplateHook("networks/hooks/staff_dashboard.html", MANAGE_CONTENT),
        order=20,
    )
    for section in SITEMAPS.items():
        hooks.register(hooks.SITEMAPS, section, order=20)
    hooks.register(hooks.DEMO_SEEDERS, _seed_demo, order=10)
    for label, path in {
        "networks.Organisation": "region_id",
        "networks.Person": "region_id",
        "networks.WorkingGroup": "region_id",
        "networks.WorkingGroupMeeting": "working_group__region_id",
        "networks.IntegrationConcept": "region_id",
        "networks.Guideline": "concept__region_id",
        "networks.ConceptChapter": "concept__region_id",
        "networks.Measure": "concept__region_id",
        "networks.MeasureProgressNote": "measure__concept__region_id",
    }.items():
        hooks.register(hooks.REGION_HISTORY, (label, path))
    hooks.listen(hooks.REGION_DELETED, _region_files_delete)
    hooks.listen(CONSENT_WITHDRAWN, _stored_pdfs_discard)
    annex_content.register()
    translatable.register()
    retention.register()
