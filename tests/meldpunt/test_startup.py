"""Start-up refuses bad configuration with a clear message (issue 12 point 3); production defaults
pass `check --deploy --fail-level WARNING` (issue 11 point 13)."""

import base64
import os
import subprocess
import sys

import pytest
from django.conf import settings

BASE = str(settings.BASE_DIR)
KEK = "k1:" + base64.b64encode(os.urandom(32)).decode()
PRODUCTION = {
    "SECRET_KEY": "a-production-secret-key-of-more-than-fifty-characters-" + "x" * 20,
    "MELDPUNT_KEKS": KEK,
    "ALLOWED_HOSTS": "meldpunt.example.org",
    "EMAIL_HOST": "smtp.example.org",
    "EMAIL_HOST_USER": "meldpunt",
    "EMAIL_HOST_PASSWORD": "secret",
    "DEFAULT_FROM_EMAIL": "meldpunt@example.org",
}


def manage(tmp_path, *args, **env) -> subprocess.CompletedProcess:
    """manage.py in a clean environment, as an operator's shell would run it (DEBUG unset)."""
    clean = {k: v for k, v in os.environ.items() if k in {"PATH", "HOME", "LANG"}}
    clean.update(MELDPUNT_VAR_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="meldpunt.settings")
    clean.update({k: v for k, v in env.items() if v is not None})
    for key, value in env.items():
        if value is None:
            clean.pop(key, None)
    return subprocess.run([sys.executable, "manage.py", *args], cwd=BASE, env=clean, capture_output=True, text=True)


def test_production_defaults_pass_the_deploy_check_at_warning_level(tmp_path):
    result = manage(tmp_path, "check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr


def test_a_malformed_key_encryption_key_is_refused_at_start(tmp_path):
    for bad in ["k1:tooshort", "k1:" + "!" * 44, ":" + KEK.split(":")[1], KEK + "," + KEK]:
        result = manage(tmp_path, "check", **{**PRODUCTION, "MELDPUNT_KEKS": bad})
        assert result.returncode != 0
        assert "MELDPUNT_KEKS is malformed" in result.stderr


def test_a_missing_key_is_refused_at_start(tmp_path):
    result = manage(tmp_path, "check", **{**PRODUCTION, "MELDPUNT_KEKS": None})
    assert result.returncode != 0 and "MELDPUNT_KEKS (or MELDPUNT_KEK_FILE) must be set" in result.stderr


def test_debug_with_a_public_host_is_refused(tmp_path):
    result = manage(tmp_path, "check", **{**PRODUCTION, "DEBUG": "1"})
    assert result.returncode != 0 and "meldpunt.E001" in result.stderr and "meldpunt.example.org" in result.stderr
    assert manage(tmp_path, "check", **{**PRODUCTION, "DEBUG": "1", "ALLOWED_HOSTS": "127.0.0.1,localhost"}).returncode == 0


def test_production_without_mail_settings_is_refused(tmp_path):
    result = manage(tmp_path, "check", **{**PRODUCTION, "EMAIL_HOST": None, "DEFAULT_FROM_EMAIL": None})
    assert result.returncode != 0 and "Mail is not configured: EMAIL_HOST, DEFAULT_FROM_EMAIL" in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_an_unwritable_vault_is_refused(tmp_path):  # pragma: no cover - CI runs as root here
    locked = tmp_path / "vault"
    locked.mkdir(mode=0o500)
    result = manage(tmp_path, "check", **{**PRODUCTION, "VAULT_DIR": str(locked)})
    assert result.returncode != 0 and "meldpunt.E003" in result.stderr


def test_a_vault_that_cannot_be_created_is_refused(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = manage(tmp_path, "check", **{**PRODUCTION, "VAULT_DIR": str(blocker / "vault")})
    assert result.returncode != 0 and "meldpunt.E003" in result.stderr and "not writable" in result.stderr


def test_gunicorn_and_celery_run_the_same_checks_django_runs_only_for_manage_py(tmp_path):
    env = {**PRODUCTION, "EMAIL_HOST": None}
    script = "import meldpunt.wsgi"
    clean = {k: v for k, v in os.environ.items() if k in {"PATH", "HOME"}}
    clean.update({k: v for k, v in env.items() if v is not None}, MELDPUNT_VAR_DIR=str(tmp_path))
    clean.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run([sys.executable, "-c", script], cwd=BASE, env=clean, capture_output=True, text=True)
    assert result.returncode != 0 and "The portal refuses to start" in result.stderr and "EMAIL_HOST" in result.stderr
    from meldpunt import celery

    assert celery._refuse_bad_configuration  # connected to worker_init and beat_init


def test_https_redirect_and_hsts_are_settable_from_the_environment(tmp_path):
    code = "from django.conf import settings as s; print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS)"
    result = manage(tmp_path, "shell", "-c", code, **PRODUCTION)
    assert result.stdout.split()[-2:] == ["True", "31536000"], result.stderr
    result = manage(tmp_path, "shell", "-c", code, **PRODUCTION, SECURE_SSL_REDIRECT="0", SECURE_HSTS_SECONDS="3600")
    assert result.stdout.split()[-2:] == ["False", "3600"], result.stderr
