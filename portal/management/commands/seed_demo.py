import importlib

from django.core.management.base import BaseCommand

from portal import demo

# Order matters: offers and conferences hang on the network's organisations.
APP_DEMOS = ["networks.demo", "conferences.demo", "offers.demo"]


class Command(BaseCommand):
    help = "Load (or refresh) the demo data of the seeds' four counties. Safe to run again."

    def handle(self, *args, **options):
        logins = demo.seed()
        for module_name in APP_DEMOS:
            try:
                module = importlib.import_module(module_name)
            except ModuleNotFoundError:
                continue
            module.seed()
            self.stdout.write(f"  {module_name}: ok")
        self.stdout.write(self.style.SUCCESS("Demo data loaded. Demo logins:"))
        for email, role in logins:
            self.stdout.write(f"  {email:40} {demo.DEMO_PASSWORD}   ({role})")
