"""`manage.py messages [--app APP]`: makemessages with one catalogue per app.

Each app keeps its translations in `<app>/locale/`, so the people working on different apps
never edit the same .po file. Strings in `templates/` go to the app whose name appears in the
template's path (`templates/conferences/...`, `templates/offers/hooks/staff_dashboard.html`);
everything else belongs to `portal`.
"""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.commands import makemessages


def languages() -> list[str]:
    """Every interface language (settings.LANGUAGES): a language added there gets catalogues."""
    return [code for code, _name in settings.LANGUAGES]


def project_apps() -> list[str]:
    """The installed apps of this checkout besides the portal (named by no list of ours)."""
    return [
        config.label
        for config in apps.get_app_configs()
        if Path(config.path).parent == settings.BASE_DIR and config.label != "portal"
    ]


def owning_app(path: Path) -> str:
    relative = str(path.resolve().relative_to(settings.BASE_DIR))
    for app in project_apps():
        if app in relative:
            return app
    return "portal"


class Command(makemessages.Command):
    help = "Update <app>/locale/*/LC_MESSAGES/django.po for all apps or one (--app)."

    # Catalogues sorted by msgid and without source locations: a new string lands in one
    # predictable place and moving code does not rewrite the file, so parallel branches that
    # each add strings rarely conflict.
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--sort-output"]
    # No guessed translations: msgmerge would otherwise offer a similar old string's translation
    # as a "fuzzy" one ("Persian" → "Person"). A new string arrives empty, so the completeness
    # test (tests/translations/test_catalogues_complete.py) names it.
    msgmerge_options.append("--no-fuzzy-matching")
    msguniq_options = [*makemessages.Command.msguniq_options, "--sort-output"]
    msgattrib_options = [*makemessages.Command.msgattrib_options, "--sort-output"]
    xgettext_options = [*makemessages.Command.xgettext_options, "--sort-output"]

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--app", choices=["portal", *project_apps()], help="Only this app's catalogue."
        )

    def handle(self, *args, **options):
        self.only_app = options.pop("app")
        if not options.get("locale") and not options.get("all"):
            options["locale"] = languages()
        options["ignore_patterns"] = [
            *options.get("ignore_patterns", []),
            ".venv/*",
            ".tools/*",
            "bench/*",
            "tests/*",
            "staticfiles/*",
            "static/*",
            ".pgdata/*",
        ]
        options.setdefault("no_obsolete", True)
        options["no_obsolete"] = True
        options["no_location"] = True
        for app in ("portal", *project_apps()):
            (settings.BASE_DIR / app / "locale").mkdir(exist_ok=True)
        super().handle(*args, **options)
        for catalogue in settings.BASE_DIR.glob("*/locale/*/LC_MESSAGES/django.po"):
            # The extraction date changes on every run and would make every branch conflict.
            lines = catalogue.read_text(encoding="utf-8").splitlines(keepends=True)
            kept = [line for line in lines if not line.startswith('"POT-Creation-Date:')]
            if kept != lines:
                catalogue.write_text("".join(kept), encoding="utf-8")

    def find_files(self, root):
        files = []
        for translatable in super().find_files(root):
            app = owning_app(Path(translatable.path))
            if self.only_app and app != self.only_app:
                continue
            translatable.locale_dir = str(settings.BASE_DIR / app / "locale")
            files.append(translatable)
        return files
