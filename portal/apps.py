from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from portal import retention_rules, translatable
        from portal.lib.content_version import install_triggers

        translatable.register()
        retention_rules.register()
        # After every migrate (and test database set-up): the page cache's version counts
        # writes to every table, including those of models added since.
        post_migrate.connect(install_triggers, sender=self, dispatch_uid="content_version")
