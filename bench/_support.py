"""Helpers shared by the benchmarks: a fresh database, a bare page to compare against, timing."""

import statistics
import time

from django.core.management import call_command
from django.http import HttpResponse
from django.urls import include, path

_ready = False


def fresh_database() -> None:
    """Migrate the bench database from scratch (var/bench/ or DATABASE_URL's test twin)."""
    global _ready
    if _ready:
        return
    from django.db import connection

    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    call_command("createcachetable", verbosity=0)
    _ready = True


def bare_page(request):
    return HttpResponse("ok")


urlpatterns = [path("__bare__/", bare_page), path("", include("meldpunt.urls"))]


def timings(fn, *, repeat: int = 200, warmup: int = 10) -> dict:
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return {
        "p50": statistics.median(samples),
        "p95": samples[int(len(samples) * 0.95) - 1],
        "per_s": 1000 / statistics.mean(samples),
    }


def print_row(label: str, result: dict) -> None:
    print(f"  {label:<44} p50 {result['p50']:7.2f} ms   p95 {result['p95']:7.2f} ms   {result['per_s']:8.0f} req/s (one process)")
