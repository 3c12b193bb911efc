"""The content version that keys the page cache (portal.lib.pagecache): every committed
transaction that writes a table of the portal's apps adds one to it, so a cached page can never
outlive the data it shows. Triggers are installed on every such table after each migrate
(portal.lib.content_version.install_triggers), so new models are covered without a migration."""

from django.db import migrations

SQL = """
CREATE TABLE portal_content_base (
    id integer PRIMARY KEY CHECK (id = 1),
    changes bigint NOT NULL
);
INSERT INTO portal_content_base VALUES (1, 0);
CREATE TABLE portal_content_change (
    id bigserial PRIMARY KEY
);
CREATE OR REPLACE FUNCTION portal_content_changed() RETURNS trigger AS $$
BEGIN
    INSERT INTO portal_content_change DEFAULT VALUES;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
"""

REVERSE = """
DROP FUNCTION IF EXISTS portal_content_changed() CASCADE;
DROP TABLE IF EXISTS portal_content_change;
DROP TABLE IF EXISTS portal_content_base;
"""


class Migration(migrations.Migration):
    dependencies = [("portal", "0007_retention_and_subject_requests")]

    operations = [migrations.RunSQL(SQL, REVERSE)]
