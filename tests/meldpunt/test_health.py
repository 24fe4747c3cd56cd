"""/health/ answers the load balancer: each component ok or not, and nothing else."""

import json

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from meldpunt import health


@pytest.fixture(autouse=True)
def fresh(db):
    health._last.clear()
    cache.clear()
    yield
    health._last.clear()


def test_a_healthy_portal_answers_ok_for_each_component_and_nothing_else():
    response = Client().get("/health/")
    assert response.status_code == 200
    body = response.json()
    assert body == {"status": "ok", "checks": {
        "database": "ok", "cache": "ok", "broker": "ok", "vault": "ok", "reminder_scan": "pending"}}
    assert "no-cache" in response["Cache-Control"]


def test_a_failing_component_turns_the_answer_to_503_without_saying_why(monkeypatch):
    def broken():
        raise ConnectionRefusedError("redis://:hunter2@10.0.0.7:6379/0 refused")

    monkeypatch.setitem(health.CHECKS, "broker", broken)
    response = Client().get("/health/")
    assert response.status_code == 503
    assert response.json()["checks"]["broker"] == "fail"
    assert "hunter2" not in response.content.decode() and "10.0.0.7" not in response.content.decode()


def test_the_reminder_scan_age_is_reported_and_a_late_scan_fails(settings):
    from cases.tasks import reminders_scan_run

    reminders_scan_run()
    assert health.health_report()["checks"]["reminder_scan"] == "ok"
    long_ago = timezone.now().timestamp() - 4 * settings.REMINDER_SCAN_SECONDS - 600
    cache.set(health.HEARTBEAT_KEY.format(name="reminders-scan"), long_ago, timeout=None)
    report = health.health_report()
    assert report["checks"]["reminder_scan"] == "late" and report["status"] == "fail"


def test_the_vault_check_leaves_no_file_behind(settings):
    from django.core.files.storage import storages

    health.health_report()
    _dirs, files = storages["vault"].listdir(".health")
    assert files == []


def test_the_command_gives_the_same_answer_for_the_worker_and_beat_containers(capsys):
    call_command("health")
    assert json.loads(capsys.readouterr().out)["status"] == "ok"


def test_the_load_balancer_may_ask_over_plain_http_while_pages_redirect_to_https(settings):
    settings.SECURE_SSL_REDIRECT = True
    assert Client().get("/health/").status_code == 200
    assert Client().get("/").status_code == 301
