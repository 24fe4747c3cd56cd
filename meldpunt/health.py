"""/health/ for the load balancer and the compose health checks: database, cache, broker, vault
storage and the age of the last reminder scan, each "ok" or not, and nothing else: no error text,
versions, timings or host names (those go to the server log).

Not django-health-check: its page shows each check's error text and timing (HTML, JSON, RSS, Atom,
OpenMetrics); here five yes/no answers are all a load balancer needs and all a stranger may see.
"""

import logging
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)

HEARTBEAT_KEY = "meldpunt:heartbeat:{name}"
RESULT_SECONDS = 5  # one process answers a flood of probes from its last result (and writes no more files)
_last: dict = {}


def heartbeat(name: str) -> None:
    """Record that a periodic job (e.g. the reminder scan) has just run."""
    cache.set(HEARTBEAT_KEY.format(name=name), timezone.now().timestamp(), timeout=None)


def _database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def _cache() -> None:
    key, value = f"meldpunt:health:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, timeout=30)
    if cache.get(key) != value:
        raise RuntimeError("cache did not keep a value")
    cache.delete(key)


def _broker() -> None:
    from meldpunt.celery import app

    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=3)


def _vault() -> None:
    storage = storages["vault"]
    name = storage.save(f".health/{uuid.uuid4().hex}", ContentFile(b"ok"))
    try:
        with storage.open(name) as handle:
            if handle.read() != b"ok":
                raise RuntimeError("vault storage returned other bytes")
    finally:
        storage.delete(name)


def reminder_scan_state() -> str:
    """ "ok" if the last reminder scan is recent, "pending" if none has run yet (a fresh start: the first
    comes one interval after beat starts), "late" if the last one is older than three intervals."""
    last = cache.get(HEARTBEAT_KEY.format(name="reminders-scan"))
    if last is None:
        return "pending"
    allowed = 3 * settings.REMINDER_SCAN_SECONDS + 300
    return "ok" if timezone.now().timestamp() - last <= allowed else "late"


CHECKS = {"database": _database, "cache": _cache, "broker": _broker, "vault": _vault}


def health_report() -> dict:
    checks = {}
    for name, check in CHECKS.items():
        try:
            check()
            checks[name] = "ok"
        except Exception as exc:  # any failure is "fail" to the world; the kind of error goes to the log
            logger.warning("health check %s failed: %s", name, type(exc).__name__)
            checks[name] = "fail"
    try:
        checks["reminder_scan"] = reminder_scan_state()
    except Exception as exc:
        logger.warning("health check reminder_scan failed: %s", type(exc).__name__)
        checks["reminder_scan"] = "fail"
    healthy = all(state in {"ok", "pending"} for state in checks.values())
    return {"status": "ok" if healthy else "fail", "checks": checks}


@never_cache
@require_GET
def health(request):
    now = time.monotonic()
    if not _last or now - _last["at"] > RESULT_SECONDS:
        _last.update(at=now, report=health_report())
    report = _last["report"]
    return JsonResponse(report, status=200 if report["status"] == "ok" else 503)
