"""Secrets come from the environment; with DEBUG off there is no fallback key."""

import os
import subprocess
import sys

from django.conf import settings

BASE = str(settings.BASE_DIR)


def import_settings(env: dict) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "MELDPUNT_KEKS", "MELDPUNT_KEK_FILE", "DEBUG"}}
    clean.update(env, MELDPUNT_VAR_DIR="/nonexistent-var")
    return subprocess.run([sys.executable, "-c", "import meldpunt.settings"], cwd=BASE, env=clean, capture_output=True, text=True)


def test_without_secrets_the_portal_refuses_to_start():
    result = import_settings({"DEBUG": "0"})
    assert result.returncode != 0 and "SECRET_KEY must be set" in result.stderr
    result = import_settings({"DEBUG": "0", "SECRET_KEY": "x"})
    assert result.returncode != 0 and "MELDPUNT_KEKS" in result.stderr


def test_with_secrets_from_the_environment_it_starts():
    result = import_settings({"DEBUG": "0", "SECRET_KEY": "x", "MELDPUNT_KEKS": "k1:" + "A" * 43 + "="})
    assert result.returncode == 0, result.stderr


def test_sqlite_runs_in_wal_mode_with_immediate_transactions():
    options = settings.DATABASES["default"].get("OPTIONS", {})
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        assert "journal_mode=WAL" in options["init_command"] and options["transaction_mode"] == "IMMEDIATE"
