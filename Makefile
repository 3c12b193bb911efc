# `make run` and `make test` work on a fresh Debian machine: they install what is missing.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PY := .venv/bin/python
MANAGE := $(PY) manage.py
# DATABASE_URL when set, otherwise the private cluster in .pgdata/ (started on demand).
DB = export DATABASE_URL="$$(bin/db)";

.PHONY: setup run test lint fmt bench messages migrations-check worker db-stop

setup:
	@bin/system-packages
	@bin/venv

# The portal as production serves it (gunicorn, DEBUG off, hashed static files through
# WhiteNoise, the worker running), both processes supervised and restarted when they die, with
# the demo data. Only the staff's second factor is relaxed, for this local demo.
PORT ?= 8000
run: setup
	@$(DB) $(MANAGE) migrate --noinput -v 0
	@$(DB) $(MANAGE) createcachetable
	@$(MANAGE) compilemessages --ignore .venv --ignore .tools -v 0
	@$(DB) $(MANAGE) seed_demo
	@STATIC_MANIFEST=true $(MANAGE) collectstatic --noinput -v 0
	@echo "Staff second factor is relaxed for this local demo (STAFF_REQUIRE_MFA=false)."
	@echo "Portal: http://127.0.0.1:$(PORT)   back-office: http://127.0.0.1:$(PORT)/staff/"
	@mkdir -p .run
	@$(DB) export STAFF_REQUIRE_MFA=false DEBUG=false STATIC_MANIFEST=true PORT=$(PORT) \
	  RUN_DIR="$$PWD/.run"; exec .venv/bin/supervisord -c bin/supervisord.conf

# ruff (lint and format), mypy (strict in services, selectors and portal/lib; see pyproject.toml)
# and djlint (templates). `make test` runs the same checks first.
lint: setup
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy
	$(PY) -m djlint templates --lint

fmt: setup
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

migrations-check: setup
	@$(DB) $(MANAGE) makemigrations --check --dry-run

messages: setup
	$(MANAGE) messages
	$(MANAGE) compilemessages --ignore .venv --ignore .tools

test: lint
	@$(DB) $(MANAGE) makemigrations --check --dry-run
	@$(MANAGE) compilemessages --ignore .venv --ignore .tools -v 0
	@$(DB) $(PY) -m pytest -n 2 --dist loadfile -q $(PYTEST_ARGS)

bench: setup
	@$(DB) $(MANAGE) migrate --noinput -v 0
	@$(DB) $(MANAGE) createcachetable
	@$(DB) $(PY) -m bench

db-stop:
	@BIN=$$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1); \
	  if [ "$$(id -u)" -eq 0 ]; then runuser -u postgres -- $$BIN/pg_ctl -D .pgdata/data stop; \
	  else $$BIN/pg_ctl -D .pgdata/data stop; fi
