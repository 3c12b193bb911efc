"""A throwaway PostgreSQL cluster that fault tests may crash.

Never the suite's cluster, never a shared server: ``initdb`` in a temporary folder, listening
on a Unix socket only, with PostgreSQL's default durability (fsync on, synchronous commit), so
a crash loses exactly what PostgreSQL would lose in production.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import psycopg


def _bin_dir() -> Path:
    """The newest installed PostgreSQL, as bin/db picks it."""
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name)
    )
    if not candidates:
        raise RuntimeError("PostgreSQL binaries not found (install postgresql)")
    return Path(candidates[-1])


def _as_owner(args: list[str], **kwargs) -> subprocess.CompletedProcess:
    """PostgreSQL refuses to run as root: run its tools as the postgres user then."""
    if os.geteuid() == 0:
        args = ["runuser", "-u", "postgres", "--", *args]
    return subprocess.run(args, check=True, capture_output=True, text=True, **kwargs)


class ThrowawayCluster:
    def __init__(self) -> None:
        self.bin = _bin_dir()
        self.root = Path(tempfile.mkdtemp(prefix="portal-faults-"))
        self.data = self.root / "data"
        self.socket_dir = self.root / "run"
        self.socket_dir.mkdir()
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres")
            shutil.chown(self.socket_dir, "postgres")
        _as_owner(
            [
                str(self.bin / "initdb"),
                "-D",
                str(self.data),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ]
        )
        self.start()

    def start(self) -> None:
        options = (
            f"-c listen_addresses='' -c unix_socket_directories='{self.socket_dir}' "
            # After a crash PostgreSQL fsyncs every file before recovery; one syncfs() is
            # as safe and takes a fraction of the time on a busy machine.
            "-c max_connections=100 -c recovery_init_sync_method=syncfs"
        )
        _as_owner(
            [
                str(self.bin / "pg_ctl"),
                "-D",
                str(self.data),
                "-l",
                str(self.root / "server.log"),
                "-w",
                "-t",
                "60",
                "-o",
                options,
                "start",
            ]
        )

    def crash(self) -> None:
        """Kill the server the hard way: no checkpoint, no goodbye to clients."""
        _as_owner([str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"])

    def stop(self) -> None:
        subprocess.run(
            [
                *(["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []),
                str(self.bin / "pg_ctl"),
                "-D",
                str(self.data),
                "-m",
                "immediate",
                "stop",
            ],
            capture_output=True,
        )
        shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str) -> str:
        return f"postgres://postgres@{quote(str(self.socket_dir), safe='')}/{database}"

    def connect(self, database: str = "postgres") -> psycopg.Connection:
        return psycopg.connect(
            host=str(self.socket_dir), user="postgres", dbname=database, autocommit=True
        )

    def wait_until_up(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with self.connect():
                    return
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def load(self, database: str, dump: str) -> None:
        with self.connect() as conn:
            conn.execute(f'CREATE DATABASE "{database}"')
        subprocess.run(
            [
                str(self.bin / "psql"),
                "-q",
                "-v",
                "ON_ERROR_STOP=1",
                "-h",
                str(self.socket_dir),
                "-U",
                "postgres",
                "-d",
                database,
            ],
            input=dump,
            check=True,
            capture_output=True,
            text=True,
        )

    def copy_database(self, template: str, database: str) -> None:
        with self.connect() as conn:
            conn.execute(f'CREATE DATABASE "{database}" TEMPLATE "{template}"')

    def drop_database(self, database: str) -> None:
        with self.connect() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def dump_schema(settings_dict: dict) -> str:
    """The suite's test database as SQL: its schema, and the rows migrations wrote."""
    bin_dir = _bin_dir()
    common = ["-h", settings_dict["HOST"] or "localhost", "-U", settings_dict["USER"] or "postgres"]
    if settings_dict.get("PORT"):
        common += ["-p", str(settings_dict["PORT"])]
    env = {**os.environ, "PGPASSWORD": settings_dict.get("PASSWORD") or ""}
    name = settings_dict["NAME"]
    schema = subprocess.run(
        [str(bin_dir / "pg_dump"), *common, "--schema-only", "--no-owner", "--no-privileges", name],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    ).stdout
    data = subprocess.run(
        [
            str(bin_dir / "pg_dump"),
            *common,
            "--data-only",
            "--no-owner",
            "-t",
            "django_migrations",
            "-t",
            "django_content_type",
            name,
        ],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    ).stdout
    return schema + data
