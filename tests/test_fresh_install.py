"""A fresh checkout's `make run` and a fresh compose stack: the database cache table exists before the
first `migrate`, whose seeding of posts and regions moves the public pages' content version in that cache
(meldpunt/public_cache.py)."""

from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def test_make_setup_creates_the_cache_table_before_it_migrates():
    setup = (ROOT / "Makefile").read_text().split("\nsetup:", 1)[1].split("\n\n", 1)[0]
    assert setup.index("createcachetable") < setup.index("migrate")


def test_the_compose_stack_creates_the_cache_table_before_it_migrates():
    compose = (ROOT / "docker-compose.yml").read_text()
    line = next(line for line in compose.splitlines() if "createcachetable" in line)
    assert line.index("createcachetable") < line.index("migrate")
