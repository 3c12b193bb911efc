"""The version of the portal's content: a number that grows with every committed transaction
that wrote a table of the portal's apps. The page cache (portal.lib.pagecache) keys every page
by it, so no cached page outlives the data it shows - whoever made the change, through the
ORM, ``QuerySet.update()``, raw SQL or ``psql``.

How it counts without serialising writers: a statement trigger on each table inserts a row
into ``portal_content_change`` (an insert with its own serial key: no lock another transaction
waits for). The version is
``portal_content_base.changes`` plus the number of rows in ``portal_content_change``, read in one
statement: it grows when a writing transaction commits, at the moment its data become visible,
never earlier (and within a transaction with each of its own writes, so a test that writes and
reads in one transaction sees fresh pages too). ``compact`` folds the rows into the base
counter in one statement, which leaves the sum unchanged.

Tables whose writes no public page shows are left out (accounts, mail queue, rate limits,
history), so a login or a sent mail does not empty the cache.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.db import connection

APPS = ("portal", "networks", "conferences", "offers")
# Written without changing a public page (or only together with a table that is counted).
EXCLUDED_TABLES = frozenset(
    {
        "portal_user",
        "portal_user_groups",
        "portal_user_user_permissions",
        "portal_membership",
        "portal_invitation",
        "portal_outgoingmail",
        "portal_ratelimitcounter",
    }
)
# More rows than this in portal_content_change and the next reader folds them into the base.
COMPACT_AFTER = 500

TRIGGER = "portal_content_changed"


def counted_tables() -> list[str]:
    tables = []
    for label in APPS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            table = model._meta.db_table
            if model._meta.managed is False or table in EXCLUDED_TABLES:
                continue
            if model.__name__.startswith("Historical") or table.split("_", 1)[1].startswith(
                "historical"
            ):
                continue
            tables.append(table)
    return sorted(set(tables))


def install_triggers(**kwargs: Any) -> None:
    """(Re)install the trigger on every counted table; run after every ``migrate``."""
    using = kwargs.get("using", "default")
    from django.db import connections

    with connections[using].cursor() as cursor:
        cursor.execute("SELECT to_regprocedure('portal_content_changed()') IS NOT NULL")
        row = cursor.fetchone()
        if not row or not row[0]:
            return  # migrations not yet applied (e.g. migrating backwards)
        existing = set(connections[using].introspection.table_names(cursor))
        for table in counted_tables():
            if table not in existing:
                continue
            quoted = connections[using].ops.quote_name(table)
            cursor.execute(
                f"CREATE OR REPLACE TRIGGER {TRIGGER} AFTER INSERT OR UPDATE OR DELETE "
                f"OR TRUNCATE ON {quoted} FOR EACH STATEMENT EXECUTE FUNCTION {TRIGGER}()"
            )


def current() -> int:
    """The content version as of now (one query; now and then a second one that compacts)."""
    with connection.cursor() as cursor:
        cursor.execute(
            # The base row comes from the migration; a database restored from a schema-only
            # dump lacks it, which must neither break every page nor lower the version.
            "SELECT COALESCE((SELECT changes FROM portal_content_base WHERE id = 1), 0), "
            "(SELECT count(*) FROM portal_content_change)"
        )
        row = cursor.fetchone()
    assert row is not None
    base, pending = int(row[0]), int(row[1])
    if pending > COMPACT_AFTER:
        compact()
    return base + pending


def compact() -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "WITH moved AS (DELETE FROM portal_content_change RETURNING 1) "
            "INSERT INTO portal_content_base (id, changes) SELECT 1, count(*) FROM moved "
            "ON CONFLICT (id) DO UPDATE "
            "SET changes = portal_content_base.changes + EXCLUDED.changes"
        )
