"""`manage.py purge_css`: rewrite the purged Bootstrap (static/css/bootstrap.purged*.css) from
the vendored one, keeping the rules whose classes the templates, the code and the scripts use.

Run it after adding a Bootstrap class that no template, Python file or script named before;
tests/portal/test_purged_css.py fails until the committed files match (portal/lib/css_purge.py
says what is kept, and lists the classes scripts add at run time).
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from portal.lib.css_purge import purged_files


class Command(BaseCommand):
    help = "Write the purged Bootstrap stylesheets (LTR and RTL) from the vendored ones."

    def handle(self, *args, **options):
        for path, css in purged_files(settings.BASE_DIR).items():
            path.write_text(css, encoding="utf-8")
            self.stdout.write(f"{path.relative_to(settings.BASE_DIR)}: {len(css) // 1024} KB")
