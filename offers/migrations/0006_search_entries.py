"""The search index moves from columns of Offer to a narrow table of its own (SearchEntry): texts
in several languages, each stemmed with its own configuration, plus copies of the offer's
columns the search filters, sorts and counts by, kept equal to the offer by a trigger.

Existing offers keep being found: their German vector is copied over; `manage.py
reindex_offers` (or any save) rebuilds the full multilingual entry.
"""

import django.contrib.postgres.fields
import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.deletion
from django.contrib.postgres.operations import BtreeGinExtension
from django.db import migrations, models

# Concatenates the vectors of an offer's parts (one per language and weight) in one statement.
CREATE_AGGREGATE = """
CREATE AGGREGATE offers_tsvector_agg (tsvector) (
    SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = ''
);
"""
DROP_AGGREGATE = "DROP AGGREGATE IF EXISTS offers_tsvector_agg (tsvector);"

# The columns an entry copies from its offer, and the rule for "public", which must stay the
# same as OfferQuerySet.published() (tests/offers/test_search_entry_sync.py).
COPIED = """
    region_id = o.region_id,
    public = (o.status = 'published' AND o.confirmation_state <> 'hidden'),
    published_at = o.published_at,
    start_date = o.start_date,
    title = o.title,
    facet_keys = o.facet_keys
"""
CREATE_TRIGGER = f"""
CREATE FUNCTION offers_search_entry_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE offers_searchentry e SET {COPIED}
    FROM (SELECT NEW.*) o WHERE e.offer_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER offers_search_entry_sync
AFTER UPDATE OF region_id, status, confirmation_state, published_at, start_date, title, facet_keys
ON offers_offer FOR EACH ROW
WHEN (
    (OLD.region_id, OLD.status, OLD.confirmation_state, OLD.published_at, OLD.start_date,
     OLD.title, OLD.facet_keys)
    IS DISTINCT FROM
    (NEW.region_id, NEW.status, NEW.confirmation_state, NEW.published_at, NEW.start_date,
     NEW.title, NEW.facet_keys)
)
EXECUTE FUNCTION offers_search_entry_sync();
"""
DROP_TRIGGER = """
DROP TRIGGER IF EXISTS offers_search_entry_sync ON offers_offer;
DROP FUNCTION IF EXISTS offers_search_entry_sync();
"""

COPY_VECTORS = """
INSERT INTO offers_searchentry (offer_id, region_id, public, published_at, start_date, title,
                                facet_keys, phrase, title_vector, vector)
SELECT o.id, o.region_id, (o.status = 'published' AND o.confirmation_state <> 'hidden'),
       o.published_at, o.start_date, o.title, o.facet_keys, o.search_title,
       setweight(to_tsvector('offers_german', o.search_title), 'A'),
       coalesce(o.search_vector, '')
FROM offers_offer o;
"""


class Migration(migrations.Migration):

    dependencies = [
        ('offers', '0005_update_request_ends_with_contact'),
        ('portal', '0001_initial'),
    ]

    operations = [
        BtreeGinExtension(),
        migrations.RunSQL(CREATE_AGGREGATE, DROP_AGGREGATE),
        migrations.CreateModel(
            name='SearchEntry',
            fields=[
                ('offer', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='search_entry', serialize=False, to='offers.offer')),
                ('public', models.BooleanField(default=False)),
                ('published_at', models.DateTimeField(null=True)),
                ('start_date', models.DateField(null=True)),
                ('title', models.CharField(max_length=200)),
                ('facet_keys', django.contrib.postgres.fields.ArrayField(base_field=models.BigIntegerField(), default=list, size=None)),
                ('phrase', models.TextField(blank=True)),
                ('title_vector', django.contrib.postgres.search.SearchVectorField()),
                ('vector', django.contrib.postgres.search.SearchVectorField()),
                ('region', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='portal.region')),
            ],
        ),
        migrations.RunSQL(COPY_VECTORS, migrations.RunSQL.noop),
        migrations.RunSQL(CREATE_TRIGGER, DROP_TRIGGER),
        migrations.AddIndex(
            model_name='searchentry',
            index=django.contrib.postgres.indexes.GinIndex(condition=models.Q(('public', True)), fields=['region', 'vector'], name='offer_search_entry_public'),
        ),
        migrations.RemoveIndex(
            model_name='offer',
            name='offer_search_vector',
        ),
        migrations.RemoveField(
            model_name='offer',
            name='search_body',
        ),
        migrations.RemoveField(
            model_name='offer',
            name='search_title',
        ),
        migrations.RemoveField(
            model_name='offer',
            name='search_vector',
        ),
    ]
