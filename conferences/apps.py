from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConferencesConfig(AppConfig):
    name = "conferences"
    verbose_name = _("Conferences")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from conferences import translatable
        from portal.selectors import REGION_HISTORY_MODELS

        translatable.register()

        REGION_HISTORY_MODELS.update(
            {"conferences.Event": "region_id", "conferences.Venue": "region_id"}
        )
