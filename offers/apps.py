from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OffersConfig(AppConfig):
    name = "offers"
    verbose_name = _("Offers")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from offers import annexes, translatable
        from portal.selectors import REGION_HISTORY_MODELS

        annexes.register()
        translatable.register()
        REGION_HISTORY_MODELS.update(
            {
                "offers.Offer": "region_id",
                "offers.OfferPlace": "offer__region_id",
                "offers.ProviderContact": "region_id",
                "offers.UpdateRound": "region_id",
            }
        )
