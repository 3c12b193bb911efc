"""Facet keys as integers (facet number << 32 | primary key or CRC-32 of the choice value)
instead of "name:value" strings: the search counts them a third faster."""

import zlib

import django.contrib.postgres.fields
import django.contrib.postgres.indexes
from django.db import migrations, models

# Frozen copy of offers.models.directory.facet_key as of this migration.
NUMBERS = {"kind": 1, "cost": 2, "target": 3, "lang": 4, "field": 5, "municipality": 6}
STEP_FREE_KEY = (7 << 32) | zlib.crc32(b"1")


def _key(name, value):
    code = int(value) if name in ("field", "municipality") else zlib.crc32(str(value).encode())
    return (NUMBERS[name] << 32) | code


def fill_facet_keys(apps, schema_editor):
    Offer = apps.get_model("offers", "Offer")
    offers = Offer.objects.prefetch_related("fields_of_action", "places")
    batch = []
    for offer in offers.iterator(chunk_size=500):
        keys = {_key("kind", offer.kind), _key("cost", offer.cost)}
        keys |= {_key("target", value) for value in offer.target_groups}
        keys |= {_key("lang", code) for code in offer.languages}
        keys |= {_key("field", field.pk) for field in offer.fields_of_action.all()}
        keys |= {
            _key("municipality", place.municipality_id)
            for place in offer.places.all()
            if place.municipality_id
        }
        if offer.step_free == "yes":
            keys.add(STEP_FREE_KEY)
        offer.facet_keys = sorted(keys)
        batch.append(offer)
    Offer.objects.bulk_update(batch, ["facet_keys"], batch_size=500)


class Migration(migrations.Migration):

    dependencies = [
        ('offers', '0003_offer_facet_keys'),
    ]

    operations = [
        migrations.RemoveIndex(model_name='offer', name='offer_facet_keys'),
        migrations.RemoveIndex(model_name='offer', name='offer_public_listing'),
        migrations.RemoveField(model_name='offer', name='facet_keys'),
        migrations.AddField(
            model_name='offer',
            name='facet_keys',
            field=django.contrib.postgres.fields.ArrayField(base_field=models.BigIntegerField(), default=list, editable=False, size=None),
        ),
        migrations.RunPython(fill_facet_keys, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name='offer',
            index=django.contrib.postgres.indexes.GinIndex(fields=['facet_keys'], name='offer_facet_keys'),
        ),
        migrations.AddIndex(
            model_name='offer',
            index=models.Index(condition=models.Q(('status', 'published'), models.Q(('confirmation_state', 'hidden'), _negated=True)), fields=['region'], include=('id', 'facet_keys', 'start_date', 'published_at', 'title'), name='offer_public_listing'),
        ),
    ]
