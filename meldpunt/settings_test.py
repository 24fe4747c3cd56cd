"""Settings for the test suite: fixed throwaway keys, eager tasks, in-memory mail."""

import atexit
import os
import shutil
import tempfile

os.environ.setdefault("SECRET_KEY", "test-secret-key-not-for-production")
os.environ.setdefault("MELDPUNT_KEKS", "test1:" + "A" * 43 + "=")
os.environ.setdefault("CELERY_TASK_ALWAYS_EAGER", "true")
os.environ.setdefault("MELDPUNT_VAR_DIR", os.path.join(os.path.dirname(__file__), "..", "var", "test"))

from .settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed: users, not receipt codes
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
          "public_pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "public-pages"},
          "public_fast_pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "public-fast-pages"}}
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
# The vault writes to a throwaway folder per test run, removed when the run ends.
_vault_dir = tempfile.mkdtemp(prefix="meldpunt-vault-test-")
atexit.register(shutil.rmtree, _vault_dir, ignore_errors=True)
STORAGES["vault"] = {  # noqa: F405
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": _vault_dir, "base_url": None, "file_permissions_mode": 0o600, "directory_permissions_mode": 0o700},
}
CELERY_BROKER_URL = os.environ.get("TEST_CELERY_BROKER_URL", "memory://")
CELERY_TASK_ALWAYS_EAGER = os.environ.get("TEST_CELERY_BROKER_URL") is None
CELERY_TASK_EAGER_PROPAGATES = True
os.makedirs(STATIC_ROOT, exist_ok=True)  # noqa: F405  (WhiteNoise looks there)
RECEIPT_HASH_TIME_COST = 1  # still Argon2id, but cheap: the suite files hundreds of reports
RECEIPT_HASH_MEMORY_KIB = 1024
ORGANISATION_SEED_ON_MIGRATE = False  # tests make their own posts; tests/organisation seeds explicitly
SECURE_SSL_REDIRECT = False  # the test client speaks plain HTTP; production redirects (tests/meldpunt/test_startup.py)
