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

run: setup
	@$(DB) $(MANAGE) migrate --noinput -v 0
	@$(DB) $(MANAGE) createcachetable
	@$(MANAGE) compilemessages --ignore .venv --ignore .tools -v 0
	@$(DB) $(MANAGE) seed_demo
	@echo "Staff second factor is relaxed for this local demo (STAFF_REQUIRE_MFA=false)."
	@echo "Portal: http://127.0.0.1:8000   back-office: http://127.0.0.1:8000/staff/"
	@$(DB) export STAFF_REQUIRE_MFA=false; \
	  $(MANAGE) procrastinate worker & WORKER=$$!; \
	  trap 'kill $$WORKER 2>/dev/null' EXIT; \
	  $(MANAGE) runserver 127.0.0.1:8000

lint: setup
	$(PY) -m ruff check .

fmt: setup
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

migrations-check: setup
	@$(DB) $(MANAGE) makemigrations --check --dry-run

messages: setup
	$(MANAGE) messages
	$(MANAGE) compilemessages --ignore .venv --ignore .tools

test: setup
	$(PY) -m ruff check .
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
