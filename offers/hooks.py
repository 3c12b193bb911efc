"""How the offers app plugs into the portal and into the network's pages.

``OffersConfig.ready()`` calls ``register()``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from networks import hooks as networks_hooks
from portal import hooks, translations
from portal.access import MANAGE_CONTENT
from portal.hooks import MenuItem, TemplateHook

if TYPE_CHECKING:
    from networks.models import Organisation
    from portal.models import FieldOfAction, User


def _is_provider_contact(request: HttpRequest) -> bool:
    user = request.user
    return user.is_authenticated and user.provider_contacts.exists()


def provider_login_redirect(user: User) -> str | None:
    """Provider contacts have no staff membership: they land on their organisation's offers."""
    if user.provider_contacts.filter(is_active=True).exists():
        return reverse("offers:provider_home")
    return None


def reindex_provider_offers(*, organisation: Organisation) -> None:
    """The provider's name is part of each of its offers' search text."""
    from offers.services.directory import reindex_provider

    reindex_provider(organisation)


def reindex_field_offers(*, field_of_action: FieldOfAction) -> None:
    """Field-of-action names are part of the search text of the offers filed under them."""
    from offers.models import Offer
    from offers.services.directory import reindex_offers

    reindex_offers(
        Offer.objects.filter(fields_of_action=field_of_action).values_list("pk", flat=True)
    )


def reindex_offers_of_deleted_field(*, field_of_action: FieldOfAction) -> None:
    """Offers filed under a field of action that is being deleted lose its name and facet:
    re-indexed once the deletion is committed."""
    from django.db import transaction

    from offers.models import Offer
    from offers.services.directory import reindex_offers

    ids = list(Offer.objects.filter(fields_of_action=field_of_action).values_list("pk", flat=True))
    if ids:
        transaction.on_commit(lambda: reindex_offers(ids))


def reindex_translated(model: type, ids: list[int]) -> None:
    """Translated texts of offers and fields of action are part of the offers' search text
    (called after the translations were committed)."""
    from offers.models import Offer
    from offers.services.directory import reindex_offers
    from portal.models import FieldOfAction

    if model is Offer:
        reindex_offers(ids)
    elif model is FieldOfAction:
        offers = Offer.objects.filter(fields_of_action__in=ids).distinct()
        reindex_offers(offers.values_list("pk", flat=True))


def _seed_demo() -> None:
    from offers import demo

    demo.seed()


def register() -> None:
    from offers import annexes, retention, translatable
    from offers.sitemaps import SITEMAPS

    hooks.register(hooks.PUBLIC_URLS, "offers.urls", order=30)
    hooks.register(hooks.STAFF_URLS, "offers.urls_staff", order=30)
    hooks.register(hooks.PUBLIC_MENU, MenuItem(_("Offers"), "offers:offer_search"), order=30)
    hooks.register(
        hooks.GLOBAL_MENU,
        MenuItem(_("Your offers"), "offers:provider_home", show=_is_provider_contact),
        order=30,
    )
    for item in (
        MenuItem(_("Offers"), "offers_staff:offer_list", MANAGE_CONTENT),
        MenuItem(_("Providers"), "offers_staff:provider_list", MANAGE_CONTENT),
        MenuItem(_("Change requests"), "offers_staff:change_request_list", MANAGE_CONTENT),
        MenuItem(_("Update rounds"), "offers_staff:round_list", MANAGE_CONTENT),
        MenuItem(_("Coverage analysis"), "offers_staff:coverage", MANAGE_CONTENT),
    ):
        hooks.register(hooks.STAFF_MENU, item, order=30)
    hooks.register(
        hooks.REGION_HOME_HEAD, TemplateHook("offers/hooks/region_home_head.html"), order=30
    )
    hooks.register(
        hooks.REGION_HOME_SECTIONS, TemplateHook("offers/hooks/region_home_sections.html"), order=20
    )
    hooks.register(
        hooks.STAFF_DASHBOARD,
        TemplateHook("offers/hooks/staff_dashboard.html", MANAGE_CONTENT),
        order=30,
    )
    hooks.register(
        networks_hooks.ORGANISATION_DETAIL, TemplateHook("offers/hooks/organisation_detail.html")
    )
    for section in SITEMAPS.items():
        hooks.register(hooks.SITEMAPS, section, order=30)
    hooks.register(hooks.DEMO_SEEDERS, _seed_demo, order=30)
    hooks.register(hooks.LOGIN_REDIRECTS, provider_login_redirect)
    for label, path in {
        "offers.Offer": "region_id",
        "offers.OfferPlace": "offer__region_id",
        "offers.ProviderContact": "region_id",
        "offers.UpdateRound": "region_id",
    }.items():
        hooks.register(hooks.REGION_HISTORY, (label, path))
    hooks.listen(networks_hooks.ORGANISATION_RENAMED, reindex_provider_offers)
    hooks.listen(hooks.FIELD_OF_ACTION_RENAMED, reindex_field_offers)
    hooks.listen(hooks.FIELD_OF_ACTION_DELETED, reindex_offers_of_deleted_field)
    annexes.register()
    translatable.register()
    retention.register()
    translations.add_listener(reindex_translated)
