"""The demo data (``manage.py seed_demo``) for tests that need the whole demo site.

``seed_demo`` writes ~3,000 rows through the ORM (15-30 s on a busy 2-core machine). The first
test of a process that needs it seeds; every later one gets the same rows copied back with
COPY, whether it keeps them (browser journeys, committed) or rolls them back (a module's
transaction, ``tests.site_wide``).
"""

from __future__ import annotations

from io import StringIO

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, transaction


class DatabaseSnapshot:
    """Every table's rows, copied out once and copied back in (with the sequences after them)
    in a fraction of a second."""

    def __init__(self) -> None:
        self.tables: dict[str, bytes] = {}

    @staticmethod
    def _table_names(cursor) -> list[str]:
        cursor.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
            "AND tablename <> 'django_migrations' ORDER BY tablename"
        )
        return [row[0] for row in cursor.fetchall()]

    def take(self) -> None:
        with connection.cursor() as cursor:
            for table in self._table_names(cursor):
                data = bytearray()
                with cursor.cursor.copy(f'COPY "{table}" TO STDOUT') as copy:
                    for chunk in copy:
                        data += chunk
                self.tables[table] = bytes(data)

    def restore(self) -> None:
        with transaction.atomic(), connection.cursor() as cursor:
            names = ", ".join(f'"{table}"' for table in self.tables)
            cursor.execute(f"TRUNCATE {names} CASCADE")
            # Rows go in table by table; foreign keys hold again once all are back.
            cursor.execute("SET LOCAL session_replication_role = replica")
            for table, data in self.tables.items():
                if data:
                    with cursor.cursor.copy(f'COPY "{table}" FROM STDIN') as copy:
                        copy.write(data)
            cursor.execute(
                "SELECT s.relname, t.relname, a.attname FROM pg_class s "
                "JOIN pg_depend d ON d.objid = s.oid AND d.deptype IN ('a', 'i') "
                "JOIN pg_class t ON t.oid = d.refobjid "
                "JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid "
                "WHERE s.relkind = 'S'"
            )
            for sequence, table, column in cursor.fetchall():
                cursor.execute(
                    f'SELECT setval(\'"{sequence}"\', COALESCE(MAX("{column}"), 1), '
                    f'MAX("{column}") IS NOT NULL) FROM "{table}"'
                )
            # SET LOCAL lasts to the end of the outermost transaction: a module's demo data is
            # restored inside one, and its tests need their triggers and foreign keys.
            cursor.execute("SET LOCAL session_replication_role = DEFAULT")
        forget_content_types()


def forget_content_types() -> None:
    """The content types' ids are the snapshot's now (or again the database's after a rollback),
    not those Django cached in this process."""
    ContentType.objects.clear_cache()


_seeded: DatabaseSnapshot | None = None


def seed_demo_once() -> None:
    """Replace the test database's rows by the demo data: seeded by the first caller in this
    test process, copied back for the others."""
    global _seeded
    if _seeded is not None:
        _seeded.restore()
        return
    call_command("seed_demo", stdout=StringIO())
    snapshot = DatabaseSnapshot()
    snapshot.take()
    _seeded = snapshot
