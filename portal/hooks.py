"""How apps plug into the portal: one registry, filled from each app's ``AppConfig.ready()``.

The portal names no app. Its menus, home pages, back-office dashboard, sitemap, URLs, demo data
and change events are built from what the apps register here (the idea of Wagtail's hooks)::

    # conferences/apps.py
    def ready(self) -> None:
        from portal import hooks

        hooks.register(hooks.PUBLIC_URLS, "conferences.urls", order=10)
        hooks.register(hooks.PUBLIC_MENU, MenuItem(_("Events"), "conferences:event_list"))
        hooks.register(hooks.STAFF_DASHBOARD, TemplateHook("conferences/hooks/dashboard.html"))
        hooks.listen(hooks.FIELD_OF_ACTION_RENAMED, reindex_something)

So an app can be understood, and removed, on its own: deleting its line in
``INSTALLED_APPS`` removes everything it adds. Hook templates live in
``templates/<app>/hooks/<hook name>.html`` and are rendered with the page's context.

An app may open hook points of its own with the same functions (``networks`` does for what
other apps add to its pages); the name of a hook point lives with the app that calls it,
so the dependency points from the app that registers to the app that asks.

Items come back ordered by ``order``, then by registration, which follows ``INSTALLED_APPS``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.urls import reverse

if TYPE_CHECKING:
    from django.http import HttpRequest
    from django.utils.functional import _StrOrPromise

# --- hook points of the portal --------------------------------------------------------------
# Each constant says what is registered for it.

PUBLIC_URLS = "public_urls"  # dotted URLconf module, included at "/" before the region pages
STAFF_URLS = "staff_urls"  # dotted URLconf module, included at "/staff/"
PUBLIC_MENU = "public_menu"  # MenuItem of a region's pages (reversed with region=<slug>)
GLOBAL_MENU = "global_menu"  # MenuItem of the pages outside a region (reversed without region)
STAFF_MENU = "staff_menu"  # MenuItem of a region's back-office (reversed with region=<slug>)
REGION_HOME_HEAD = "region_home_head"  # TemplateHook: <head> of a region's home (feeds, PDFs)
REGION_HOME_SECTIONS = "region_home_sections"  # TemplateHook: sections of a region's home
GLOBAL_HOME_SECTIONS = "global_home_sections"  # TemplateHook: sections of the list of counties
STAFF_DASHBOARD = "staff_dashboard"  # TemplateHook: cards of a region's back-office dashboard
SITEMAPS = "sitemaps"  # (section name, portal.sitemaps.Section) for /sitemap.xml
DEMO_SEEDERS = "demo_seeders"  # Callable[[], None] that loads the app's demo data (seed_demo)
LOGIN_REDIRECTS = "login_redirects"  # Callable[[User], str | None]: where a non-staff user lands
REGION_HISTORY = "region_history"  # (model label, path to the region id) for the change history
REGION_JOBS = "region_jobs"  # portal.lib.regionjobs.RegionJob: nightly work run per county
RETENTION_RULES = "retention_rules"  # portal.retention.RetentionRule: how long data is kept
SUBJECT_DATA = "subject_data"  # portal.retention.SubjectData: an e-mail address's records

# --- change events of the portal ------------------------------------------------------------
# Emitted by the service that makes the change, inside its transaction; listeners keep what
# they derived from the changed data current (e.g. a search index). Payload as keywords.

FIELD_OF_ACTION_RENAMED = "field_of_action_renamed"  # field_of_action=FieldOfAction
# field_of_action=FieldOfAction, just before it is deleted (what was filed under it still is)
FIELD_OF_ACTION_DELETED = "field_of_action_deleted"
REGION_DELETED = "region_deleted"  # region=Region, just before its rows are deleted


@dataclass(frozen=True)
class MenuItem:
    """A link in a menu: the portal reverses ``url_name`` and shows ``label``."""

    label: _StrOrPromise
    url_name: str
    capability: str | None = None  # back-office: only for memberships with this capability
    show: Callable[[HttpRequest], bool] | None = None  # e.g. only for provider contacts

    def url(self, region_slug: str | None = None) -> str:
        kwargs = {"region": region_slug} if region_slug else {}
        return reverse(self.url_name, kwargs=kwargs)


@dataclass(frozen=True)
class TemplateHook:
    """A piece of a shared page: ``template`` is rendered with the page's context."""

    template: str
    capability: str | None = None  # back-office: only for memberships with this capability


@dataclass
class _Entry:
    order: int
    item: Any


_registry: dict[str, list[_Entry]] = defaultdict(list)
_listeners: dict[str, list[_Entry]] = defaultdict(list)


def register(hook: str, item: Any, *, order: int = 100) -> Any:
    """Add ``item`` to a hook point. Registering the same item again replaces it, so a
    re-run ``ready()`` (tests, autoreload) does not double a menu."""
    entries = _registry[hook]
    entries[:] = [e for e in entries if e.item != item]
    entries.append(_Entry(order, item))
    return item


def get(hook: str) -> list[Any]:
    """What the apps registered for ``hook``, in order."""
    return [e.item for e in sorted(_registry[hook], key=lambda e: e.order)]


def listen(event: str, listener: Callable[..., None], *, order: int = 100) -> None:
    """Call ``listener(**payload)`` whenever ``event`` is emitted."""
    entries = _listeners[event]
    entries[:] = [e for e in entries if e.item != listener]
    entries.append(_Entry(order, listener))


def unlisten(event: str, listener: Callable[..., None]) -> None:
    """Stop calling ``listener`` (tests that listen for a while)."""
    _listeners[event][:] = [e for e in _listeners[event] if e.item != listener]


def emit(event: str, **payload: Any) -> None:
    """Tell every listener of ``event``. Called by services, inside their transaction, so a
    failing listener rolls the change back instead of leaving derived data stale."""
    for entry in sorted(_listeners[event], key=lambda e: e.order):
        entry.item(**payload)
