"""Operations: production refuses unsafe defaults; a pg_dump restores into a new database."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest
from cryptography.fernet import Fernet
from django.db import connection

from portal.models import Region
from tests.factories import RegionFactory

ROOT = Path(__file__).resolve().parent.parent
# Set by the test run itself (tests/conftest.py), never in a deployment.
PRODUCTION_VARS = {
    "PORTAL_ENV",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DEBUG",
    "STAFF_REQUIRE_MFA",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "MFA_ENCRYPTION_KEYS",
}


def _database_url() -> str:
    return os.environ.get("DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/postgres"


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k not in PRODUCTION_VARS}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def _production(**overrides: str) -> dict[str, str]:
    env = {
        "PORTAL_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "integration.landkreis.example",
        "DATABASE_URL": _database_url(),
        "MFA_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
    }
    env.update(overrides)
    return {k: v for k, v in env.items() if v}


def test_production_refuses_to_start_without_a_secret_key():
    result = _manage("check", **_production(SECRET_KEY=""))
    assert result.returncode != 0
    assert "SECRET_KEY must be set in production" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = _manage("check", **_production(ALLOWED_HOSTS=""))
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set in production" in result.stderr


def test_production_refuses_to_start_without_a_database_url():
    env = _production()
    base = {k: v for k, v in os.environ.items() if k not in PRODUCTION_VARS | {"DATABASE_URL"}}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={**base, **{k: v for k, v in env.items() if k != "DATABASE_URL"}},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "DATABASE_URL must be set in production" in result.stderr


def test_check_deploy_with_production_settings_reports_nothing():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **_production())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_development_needs_no_configuration():
    result = _manage("check")
    assert result.returncode == 0, result.stderr


# --- backup and restore ----------------------------------------------------------------------


def _pg_bin(tool: str) -> str:
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    assert versions, "PostgreSQL client binaries not found"
    return str(versions[-1] / tool)


def _libpq_args(settings: dict) -> list[str]:
    args = []
    if settings.get("HOST"):
        args += ["-h", settings["HOST"]]
    if settings.get("PORT"):
        args += ["-p", str(settings["PORT"])]
    if settings.get("USER"):
        args += ["-U", settings["USER"]]
    return args


def _admin_connection(settings: dict) -> psycopg.Connection:
    return psycopg.connect(
        dbname="postgres",
        host=settings.get("HOST") or None,
        port=settings.get("PORT") or None,
        user=settings.get("USER") or None,
        password=settings.get("PASSWORD") or None,
        autocommit=True,
    )


@pytest.mark.django_db(transaction=True)
def test_a_dump_restores_into_a_fresh_database(tmp_path):
    """The procedure of docs/operations.md: pg_dump -Fc, createdb, pg_restore."""
    RegionFactory(name="Landkreis Gifhorn", slug="gifhorn", county_key="03151")
    settings = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": settings.get("PASSWORD") or ""}
    dump = tmp_path / "portal.dump"
    subprocess.run(
        [
            _pg_bin("pg_dump"),
            "-Fc",
            "--no-owner",
            *_libpq_args(settings),
            "-f",
            str(dump),
            settings["NAME"],
        ],
        check=True,
        env=env,
        capture_output=True,
    )
    assert dump.stat().st_size > 0

    restored = f"{settings['NAME']}_restore_{uuid.uuid4().hex[:8]}"
    with _admin_connection(settings) as admin:
        admin.execute(f'CREATE DATABASE "{restored}"')
    try:
        subprocess.run(
            [
                _pg_bin("pg_restore"),
                "--no-owner",
                "--exit-on-error",
                *_libpq_args(settings),
                "-d",
                restored,
                str(dump),
            ],
            check=True,
            env=env,
            capture_output=True,
        )
        with psycopg.connect(
            dbname=restored,
            host=settings.get("HOST") or None,
            port=settings.get("PORT") or None,
            user=settings.get("USER") or None,
            password=settings.get("PASSWORD") or None,
        ) as restored_db:
            name = restored_db.execute(
                "SELECT name FROM portal_region WHERE slug = 'gifhorn'"
            ).fetchone()
            fields = restored_db.execute(
                "SELECT count(*) FROM portal_fieldofaction f JOIN portal_region r "
                "ON f.region_id = r.id WHERE r.slug = 'gifhorn'"
            ).fetchone()
            jobs_table = restored_db.execute(
                "SELECT to_regclass('procrastinate_jobs') IS NOT NULL"
            ).fetchone()
        assert name == ("Landkreis Gifhorn",)
        assert fields == (10,)
        assert jobs_table == (True,)
    finally:
        with _admin_connection(settings) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{restored}" WITH (FORCE)')
    assert Region.objects.filter(slug="gifhorn").exists()


def test_make_run_supervises_gunicorn_and_the_worker_and_restarts_them():
    """`make run` serves as production does: gunicorn and the worker under supervisord, each
    restarted when it dies, DEBUG off and hashed static files."""
    import configparser
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    config = configparser.RawConfigParser()
    config.read(root / "bin" / "supervisord.conf")
    assert "gunicorn portal.wsgi:application" in config["program:web"]["command"]
    assert "manage.py worker" in config["program:worker"]["command"]
    for program in ("program:web", "program:worker"):
        assert config[program]["autorestart"] == "true"
    makefile = (root / "Makefile").read_text()
    run = makefile[makefile.index("\nrun:") : makefile.index("\nlint:")]
    assert "DEBUG=false" in run and "STATIC_MANIFEST=true" in run and "collectstatic" in run
    assert "STAFF_REQUIRE_MFA=false" in run and "seed_demo" in run
