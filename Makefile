# Meldpunt Integriteit. Two commands: `make run` (set up and serve the demo), `make test` (the suite).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml requirements/dev.txt | sha1sum | cut -c1-12)
# Locked versions (pip-tools): requirements/production.txt for the image, requirements/dev.txt adds the
# test tools. After changing dependencies in pyproject.toml run `make lock`; CI fails if they drift.
LOCK := CUSTOM_COMPILE_COMMAND="make lock" $(VENV)/bin/pip-compile --quiet --strip-extras --allow-unsafe --no-emit-find-links --no-emit-index-url
MANAGE := DEBUG=1 $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# From the language registry: offered languages and those in review that have catalogues (never creates one).
LOCALES = $(shell $(PY) -m meldpunt.languages --locales)

.PHONY: run test setup venv lock lock-check secrets translations demo messages bench browser-test broker-test lint mutants clean validator

$(STAMP): pyproject.toml requirements/dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements/dev.txt
	rm -f $(VENV)/.installed-* && touch $(STAMP)

venv: $(STAMP)

# Regenerate the lock files from pyproject.toml (needs PyPI). Keeps existing pins where they still fit;
# `make lock UPGRADE=1` moves everything to the newest versions allowed.
lock:
	test -x $(VENV)/bin/pip-compile || $(PY) -m pip install --quiet pip-tools
	$(LOCK) $(if $(UPGRADE),--upgrade) -o requirements/production.txt pyproject.toml
	$(LOCK) $(if $(UPGRADE),--upgrade) --extra test -c requirements/production.txt -o requirements/dev.txt pyproject.toml

# CI: the lock files are what `make lock` would write now (pyproject.toml and the locks agree).
lock-check: venv
	@tmp=$$(mktemp -d); cp requirements/*.txt $$tmp/; \
	  $(LOCK) -o $$tmp/production.txt pyproject.toml && \
	  $(LOCK) --extra test -c $$tmp/production.txt -o $$tmp/dev.txt pyproject.toml && \
	  sed -i "s#$$tmp/#requirements/#" $$tmp/dev.txt && \
	  diff -u requirements/production.txt $$tmp/production.txt && diff -u requirements/dev.txt $$tmp/dev.txt; \
	  rc=$$?; rm -rf $$tmp; if [ $$rc -ne 0 ]; then echo "The lock files are out of date: run make lock and commit requirements/."; fi; exit $$rc

# A local SECRET_KEY and key-encryption key, made once, kept out of git (var/ is ignored).
var/local.env:
	mkdir -p var
	@umask 077; { echo "SECRET_KEY=$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')"; \
	  echo "MELDPUNT_KEKS=local1:$$($(PYTHON) -c 'import base64, os; print(base64.b64encode(os.urandom(32)).decode())')"; } > $@
	@echo "Made var/local.env (SECRET_KEY and key-encryption key for this machine)."

secrets: var/local.env

translations: venv
	@command -v msgfmt >/dev/null || (apt-get update -qq && apt-get install -y -qq gettext >/dev/null)
	DJANGO_SETTINGS_MODULE=meldpunt.settings_test $(PY) manage.py compilemessages --ignore=.venv --ignore=var --ignore=mutants -v 0

setup: venv secrets translations
	@mkdir -p var/broker/queue var/broker/processed var/log
	$(MANAGE) createcachetable
	$(MANAGE) migrate --no-input -v 0
	$(MANAGE) load_content
	$(MANAGE) load_demo

run: setup
	@SITE_URL=$${SITE_URL:-http://$(HOST):$(PORT)} $(MANAGE) demo_accounts
	@echo "Starting the Celery worker with embedded beat (filesystem broker, no server needed); log: var/log/worker.log"
	@export SITE_URL=$${SITE_URL:-http://$(HOST):$(PORT)}; \
	  DEBUG=1 $(VENV)/bin/celery -A meldpunt worker -B --pool=solo --concurrency=1 -l INFO > var/log/worker.log 2>&1 & \
	  worker=$$!; trap "kill $$worker 2>/dev/null" EXIT INT TERM; \
	  echo "Serving the portal on http://$(HOST):$(PORT)/  (stop with Ctrl+C)"; \
	  $(MANAGE) runserver --noreload $(HOST):$(PORT)

test: venv translations
	$(PY) -m pytest -m "not browser and not broker" -q $(PYTEST_ARGS); rc=$$?; \
	  if [ $$rc -eq 5 ]; then echo "pytest collected no tests: that is a failure"; exit 1; fi; exit $$rc

browser-test: venv translations
	$(PY) -m pytest -m browser -q $(PYTEST_ARGS); rc=$$?; \
	  if [ $$rc -eq 5 ]; then echo "pytest collected no browser tests: that is a failure"; exit 1; fi; exit $$rc

# Task tests once more against a real Redis broker and a real Celery worker (CI runs this too).
broker-test: venv translations
	TEST_CELERY_BROKER_URL=$${TEST_CELERY_BROKER_URL:-redis://127.0.0.1:6379/15} $(PY) -m pytest -m broker -q $(PYTEST_ARGS); rc=$$?; \
	  if [ $$rc -eq 5 ]; then echo "pytest collected no broker tests: that is a failure"; exit 1; fi; exit $$rc

# Mutation testing of the confidentiality rules with mutmut (config: [tool.mutmut] in pyproject.toml):
# crypto, sealed fields, audit trail, receipt codes, every selectors.py, workflow, retention, reminders.
# Slow (not in CI); results are cached in mutants/, so a second run only tries what changed.
# Narrow it with MUTANTS="meldpunt.crypto.* cases.workflow.*"; `make mutants MUTANTS=... ` then prints
# the score per module (SCORE_ARGS=-v lists the survivors; `.venv/bin/mutmut show NAME` shows one).
# MUTANT_TESTS="tests/cases,tests/security" runs only the tests in those folders (docs/mutation-score.md);
# each test session loads the migrated test database from var/test-db/ instead of migrating.
MUTANTS ?=
MUTANT_CHILDREN ?= 1
MUTANT_TESTS ?=
mutants: venv translations
	$(PY) -m pip install --quiet ".[test,mutation]"
	MELDPUNT_TEST_DB_TEMPLATE=$(CURDIR)/var/test-db MELDPUNT_MUTANT_TESTS="$(MUTANT_TESTS)" \
	  nice -n 15 $(VENV)/bin/mutmut run --max-children $(MUTANT_CHILDREN) $(MUTANTS) > var/mutmut.log 2>&1 || { tail -40 var/mutmut.log; exit 1; }
	@tail -3 var/mutmut.log
	$(PY) tools/mutation_score.py $(SCORE_ARGS)

bench: venv secrets translations
	$(PY) -m bench

# For developers: collect new strings into the catalogues (then translate every language).
messages: venv
	DJANGO_SETTINGS_MODULE=meldpunt.settings_test $(PY) manage.py makemessages $(LOCALES) --no-obsolete --add-location=file --ignore=.venv --ignore=var --ignore=mutants --ignore=cases --ignore=vertrouwenspersonen --ignore=meldpunt/vault --ignore=meldpunt/advice --ignore=tests --ignore=bench
	cd cases && DJANGO_SETTINGS_MODULE=meldpunt.settings_test ../$(PY) ../manage.py makemessages -l nl --no-obsolete --add-location=file
	cd vertrouwenspersonen && DJANGO_SETTINGS_MODULE=meldpunt.settings_test ../$(PY) ../manage.py makemessages $(LOCALES) --no-obsolete --add-location=file
	cd meldpunt/vault && DJANGO_SETTINGS_MODULE=meldpunt.settings_test ../../$(PY) ../../manage.py makemessages $(LOCALES) --no-obsolete --add-location=file
	cd meldpunt/advice && DJANGO_SETTINGS_MODULE=meldpunt.settings_test ../../$(PY) ../../manage.py makemessages $(LOCALES) --no-obsolete --add-location=file

# The W3C Nu HTML checker for tests/markup: the npm package vnu-jar ships the jar (Java runs it).
# Its install script only looks for Java, which comes from Debian here, so it is skipped.
VNU_VERSION := 26.9.27
validator: var/tools/node_modules/vnu-jar/build/dist/vnu.jar
var/tools/node_modules/vnu-jar/build/dist/vnu.jar:
	@command -v java >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null)
	@command -v npm >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null)
	mkdir -p var/tools
	npm install --prefix var/tools --no-save --no-audit --no-fund --ignore-scripts vnu-jar@$(VNU_VERSION)

lint: venv
	$(VENV)/bin/ruff check .

clean:
	rm -rf var/test staticfiles
