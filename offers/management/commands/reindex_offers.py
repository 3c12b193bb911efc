from django.core.management.base import BaseCommand

from offers.models import Offer
from offers.services.search_index import reindex_offers

BATCH = 2000


class Command(BaseCommand):
    help = "Rebuild the search index of every offer (after an upgrade that changes it)."

    def handle(self, *args, **options):
        ids = list(Offer.objects.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), BATCH):
            reindex_offers(ids[start : start + BATCH])
        self.stdout.write(f"Reindexed {len(ids)} offers.")
