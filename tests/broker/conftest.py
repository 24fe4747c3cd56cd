"""Tests that run tasks through a real broker (Redis) and a real Celery worker, not eagerly.

`make broker-test` sets TEST_CELERY_BROKER_URL; without it these tests are skipped by marker
selection (`make test` runs `-m "not broker"`).
"""

import os

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def real_worker(transactional_db):
    """A Celery worker consuming from the configured broker, in a thread of this process (so it
    shares the test database), with its queue purged first."""
    from celery.contrib.testing.worker import start_worker

    from meldpunt.celery import app

    if app.conf.task_always_eager or not os.environ.get("TEST_CELERY_BROKER_URL"):
        pytest.fail("broker tests need TEST_CELERY_BROKER_URL (run them with `make broker-test`)")
    app.control.purge()
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30):
        yield app


def wait_for(condition, *, seconds: float = 20.0) -> bool:
    """Whether `condition` becomes true within `seconds`. The worker thread shares the in-memory SQLite
    test database (shared cache), where a read meeting the worker's write is refused at once with
    "database table is locked" instead of waiting: that read is tried again, as a moment later."""
    import time

    from django.db import OperationalError

    def holds() -> bool:
        try:
            return condition()
        except OperationalError as error:
            if "locked" not in str(error):
                raise
            return False

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if holds():
            return True
        time.sleep(0.1)
    return holds()
