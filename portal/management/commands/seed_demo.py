from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal import demo, hooks


class Command(BaseCommand):
    help = "Load (or refresh) the demo data of the seeds' four counties. Safe to run again."

    def handle(self, *args, **options):
        # The demo creates logins with a published password: never on a real portal.
        if settings.PRODUCTION:
            raise CommandError("seed_demo refuses to run in production (PORTAL_ENV=production).")
        logins = demo.seed()
        # Each app registers its seeder (hooks.DEMO_SEEDERS); the order puts the network's
        # organisations first, because offers and conferences hang on them.
        for seed in hooks.get(hooks.DEMO_SEEDERS):
            seed()
            self.stdout.write(f"  {seed.__module__}: ok")
        self.stdout.write(self.style.SUCCESS("Demo data loaded. Demo logins:"))
        for email, role in logins:
            self.stdout.write(f"  {email:40} {demo.DEMO_PASSWORD}   ({role})")
