from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworksConfig(AppConfig):
    name = "networks"
    verbose_name = _("Networks")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from networks import annex_content, translatable
        from portal.selectors import REGION_HISTORY_MODELS

        annex_content.register()
        translatable.register()
        REGION_HISTORY_MODELS.update(
            {
                "networks.Organisation": "region_id",
                "networks.Person": "region_id",
                "networks.WorkingGroup": "region_id",
                "networks.WorkingGroupMeeting": "working_group__region_id",
                "networks.IntegrationConcept": "region_id",
                "networks.Guideline": "concept__region_id",
                "networks.ConceptChapter": "concept__region_id",
                "networks.Measure": "concept__region_id",
                "networks.MeasureProgressNote": "measure__concept__region_id",
            }
        )
