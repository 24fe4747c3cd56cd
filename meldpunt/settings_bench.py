"""Settings for `make bench`: like the test settings, on a database of its own under var/bench/."""

import os

os.environ.setdefault("MELDPUNT_VAR_DIR", os.path.join(os.path.dirname(__file__), "..", "var", "bench"))

from .settings_test import *  # noqa: E402,F403

DATABASES["default"]["NAME"] = os.path.join(VAR_DIR, "bench.sqlite3") if DATABASES["default"]["ENGINE"].endswith("sqlite3") else DATABASES["default"]["NAME"]  # noqa: F405
os.makedirs(VAR_DIR, exist_ok=True)  # noqa: F405
LOGGING["root"]["level"] = "WARNING"  # noqa: F405  (eager tasks would log every run)
LOGGING["loggers"] = {"celery": {"level": "WARNING"}, "django.request": {"level": "ERROR"}}  # noqa: F405
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
