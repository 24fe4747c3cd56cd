"""Settings, all of them from the environment (12-factor).

`make run` writes var/local.env (SECRET_KEY and the key-encryption key) on first start; that file is
read here only when DEBUG is on. With DEBUG off every secret must come from the real environment.
"""

import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("MELDPUNT_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DEBUG", False)

if DEBUG and (VAR_DIR / "local.env").exists():
    for line in (VAR_DIR / "local.env").read_text().splitlines():
        if "=" in line and not line.lstrip().startswith("#"):
            key, value = line.split("=", 1)
            os.environ.setdefault(key.strip(), value.strip())


def env_int_list(name: str, default: list[int]) -> list[int]:
    """A comma-separated list of whole numbers, e.g. REMINDER_FEEDBACK_DAYS=14,3."""
    raw = os.environ.get(name)
    return [int(part) for part in raw.split(",") if part.strip()] if raw else default


def env_required(name: str) -> str:
    value = os.environ.get(name, "")
    if not value:
        raise ImproperlyConfigured(
            f"{name} must be set in the environment. For local use, `make run` writes var/local.env, "
            "which is read with DEBUG=1 (e.g. `DEBUG=1 .venv/bin/python manage.py ...`)."
        )
    return value


SECRET_KEY = env_required("SECRET_KEY")
# Key-encryption keys: "id:base64key" entries separated by commas; the first is the one that wraps
# new data keys, the others stay readable until `rotate_kek` has re-wrapped everything.
MELDPUNT_KEKS = os.environ.get("MELDPUNT_KEKS", "")
if not MELDPUNT_KEKS and os.environ.get("MELDPUNT_KEK_FILE"):
    MELDPUNT_KEKS = Path(os.environ["MELDPUNT_KEK_FILE"]).read_text().strip()
if not MELDPUNT_KEKS:
    raise ImproperlyConfigured("MELDPUNT_KEKS (or MELDPUNT_KEK_FILE) must be set: no fallback key exists.")

ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "modeltranslation",  # must precede django.contrib.admin
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "meldpunt",
    "meldpunt.accounts",
    "meldpunt.organisation",
    "meldpunt.audit",
    "meldpunt.intake",
    "meldpunt.channels",
    "meldpunt.vault",
    "cases",
    "vertrouwenspersonen",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "meldpunt.accounts.middleware.StaffSecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "meldpunt.bidi.StaffBidiMiddleware",  # bidi controls shown as visible marks to staff (I1)
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "meldpunt.urls"
WSGI_APPLICATION = "meldpunt.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "meldpunt.context_processors.portal",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'meldpunt.sqlite3'}"),
        conn_max_age=600,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL, NORMAL sync and immediate transactions: concurrent writers queue instead of failing.
    DATABASES["default"]["CONN_MAX_AGE"] = 0 if "memory" in str(DATABASES["default"]["NAME"]) else 600
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "staff-home"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": os.environ["CACHE_URL"]}
        if os.environ.get("CACHE_URL")
        else {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "meldpunt_cache"}
    )
}

SESSION_COOKIE_AGE = 60 * 60 * 8
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = not DEBUG and env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"  # nothing leaks to other sites; "no-referrer" would make browsers send Origin: null and break CSRF checks
X_FRAME_OPTIONS = "DENY"

# Languages: reporter pages in all eight, staff pages in Dutch and English at least.
LANGUAGE_CODE = "en"  # for a browser whose language we do not speak: English reaches most staff at posts
LANGUAGES = [
    ("nl", "Nederlands"),
    ("en", "English"),
    ("fr", "Français"),
    ("es", "Español"),
    ("pt", "Português"),
    ("ar", "العربية"),
    ("ru", "Русский"),
    ("zh-hans", "简体中文"),
]
REPORTER_LANGUAGES = [code for code, _name in LANGUAGES]
MODELTRANSLATION_DEFAULT_LANGUAGE = "nl"  # administrators write Dutch first
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en", "nl")
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": VAR_DIR / "media"}},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# The evidence vault (meldpunt/vault, docs/operations.md). Sealed files go to the "vault" storage:
# the filesystem under var/media/vault by default, an S3-compatible store when VAULT_S3_BUCKET is set.
if os.environ.get("VAULT_S3_BUCKET"):
    STORAGES["vault"] = {
        "BACKEND": "storages.backends.s3.S3Storage",  # django-storages[s3]: pip install ".[s3]"
        "OPTIONS": {
            "bucket_name": os.environ["VAULT_S3_BUCKET"],
            "endpoint_url": os.environ.get("VAULT_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("VAULT_S3_REGION") or None,
            "access_key": os.environ.get("VAULT_S3_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("VAULT_S3_SECRET_ACCESS_KEY") or None,
            "location": os.environ.get("VAULT_S3_PREFIX", "vault"),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
            # Reads spool to disk above 8 MiB instead of holding a whole object in memory.
            "max_memory_size": 8 * 1024 * 1024,
        },
    }
else:
    STORAGES["vault"] = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {
            "location": os.environ.get("VAULT_DIR", str(VAR_DIR / "media" / "vault")),
            "base_url": None,  # never served directly: only through the audited views
            "file_permissions_mode": 0o600,
            "directory_permissions_mode": 0o700,
        },
    }

# Uploads stream to a temporary file on disk, never into memory (the vault's handler is Django's
# TemporaryFileUploadHandler that also stops writing a file once it passes the largest limit).
FILE_UPLOAD_HANDLERS = ["meldpunt.vault.uploads.BoundedTemporaryFileUploadHandler"]
FILE_UPLOAD_MAX_MEMORY_SIZE = 0
FILE_UPLOAD_TEMP_DIR = os.environ.get("FILE_UPLOAD_TEMP_DIR", str(VAR_DIR / "uploads"))
FILE_UPLOAD_PERMISSIONS = 0o600
os.makedirs(FILE_UPLOAD_TEMP_DIR, mode=0o700, exist_ok=True)

# What the vault accepts, by the type detected from the content (libmagic), with the extension a
# downloaded copy gets. The client's own name, type and size are never trusted.
VAULT_ACCEPTED_TYPES = {
    "application/pdf": "pdf",
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/gif": "gif",
    "image/webp": "webp",
    "text/plain": "txt",
    "text/csv": "csv",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "audio/mpeg": "mp3",
    "audio/x-m4a": "m4a",
    "audio/mp4": "m4a",
    "audio/x-wav": "wav",
    "audio/ogg": "ogg",
    "video/mp4": "mp4",
    "message/rfc822": "eml",
}
_MiB = 1024 * 1024
VAULT_REPORTER_MAX_FILE_BYTES = int(os.environ.get("VAULT_REPORTER_MAX_FILE_BYTES", 100 * _MiB))
VAULT_REPORTER_MAX_FILES = int(os.environ.get("VAULT_REPORTER_MAX_FILES", "20"))  # per report, all uploads together
VAULT_MAX_FILES_PER_REQUEST = 20  # more files in one request are not written to disk at all
VAULT_STAFF_MAX_FILE_BYTES = int(os.environ.get("VAULT_STAFF_MAX_FILE_BYTES", 2048 * _MiB))
VAULT_IMAGE_MAX_PIXELS = int(os.environ.get("VAULT_IMAGE_MAX_PIXELS", 60_000_000))  # larger: no cleaned copy
VAULT_STAGING_HOURS = 24  # files of a report form that was never sent are removed after this
VAULT_TEMP_DIR = os.environ.get("VAULT_TEMP_DIR", FILE_UPLOAD_TEMP_DIR)  # plaintext while cleaning

# Content-Security-Policy: nothing from anywhere but this site, no inline script, no framing.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "frame-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [NONE],
    }
}

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))  # seconds; mail goes out from Celery, never in a request
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "meldpunt-integriteit@example.org")

# Celery. With no broker configured, a filesystem broker under var/ needs no server (make run);
# production sets CELERY_BROKER_URL to Redis.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "filesystem://")
if CELERY_BROKER_URL == "filesystem://":
    _queue_dir = VAR_DIR / "broker"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_queue_dir / "queue"),
        "data_folder_out": str(_queue_dir / "queue"),
        "processed_folder": str(_queue_dir / "processed"),
        "store_processed": False,
    }
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = 240
CELERY_TASK_TIME_LIMIT = 300
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
# How often the reminder scan runs. Each run finds what is due and not yet sent, so the interval only
# decides how soon a reminder goes out; shorten it for a demo (REMINDER_SCAN_SECONDS=30 make run).
REMINDER_SCAN_SECONDS = int(os.environ.get("REMINDER_SCAN_SECONDS", "900"))
CELERY_BEAT_SCHEDULE: dict = {
    # Reminders before the legal deadlines, alerts when one passes, manager drafts left unforwarded,
    # and the weekly digest (sent by the first run after its time each week).
    "reminders-scan": {"task": "cases.tasks.reminders_scan_run", "schedule": float(REMINDER_SCAN_SECONDS)},
    # Aftercare check-ins in the mailboxes of reporters whose case closed 3 and 12 months ago.
    "aftercare-scan": {"task": "cases.tasks.aftercare_scan_run", "schedule": 3600.0 * 6},
    # Crypto-shred and delete what passed its retention period; nightly, keeping anonymous counts.
    "retention-purge": {"task": "cases.tasks.retention_purge_run", "schedule": crontab(hour=2, minute=30)},
    # Remove the sealed files of report forms that were started and never sent.
    "vault-staging-purge": {"task": "meldpunt.vault.tasks.staging_purge", "schedule": 60 * 60},
}

# Reminders: days before each legal deadline that the handler (or, with none, the desk) is reminded.
REMINDER_OFFSETS_DAYS = {
    "acknowledgement": env_int_list("REMINDER_ACKNOWLEDGEMENT_DAYS", [2]),
    "feedback": env_int_list("REMINDER_FEEDBACK_DAYS", [14, 3]),
}
# How far back a scan looks for deadlines it has not yet announced: a worker down for longer than
# this misses the older ones (their overdue alerts stay visible on the coordinators' overview).
REMINDER_CATCH_UP_DAYS = int(os.environ.get("REMINDER_CATCH_UP_DAYS", "30"))
REMINDER_BATCH_SIZE = 2000
# Weekly digest for every desk member: from this weekday (0 is Monday) and hour on.
DIGEST_WEEKDAY = 0
DIGEST_HOUR = 7
# Manager drafts left unforwarded: a reminder to the manager, then an alert to the CCI.
MANAGER_DRAFT_REMINDER_HOURS = int(os.environ.get("MANAGER_DRAFT_REMINDER_HOURS", "24"))
MANAGER_DRAFT_ALERT_HOURS = int(os.environ.get("MANAGER_DRAFT_ALERT_HOURS", "72"))
# Aftercare (nazorg): months after a case closed that its reporters are asked how they are doing.
AFTERCARE_CHECKIN_MONTHS = env_int_list("AFTERCARE_CHECKIN_MONTHS", [3, 12])

# Retention after closure, in days, per kind of record (GDPR: no longer than needed). The reasons
# are in docs/deadlines.md. Reports and their mailbox go with their case; evidence with its case.
RETENTION_DAYS = {
    "report": int(os.environ.get("RETENTION_REPORT_DAYS", str(5 * 365))),
    "case": int(os.environ.get("RETENTION_CASE_DAYS", str(5 * 365))),
    "evidence": int(os.environ.get("RETENTION_EVIDENCE_DAYS", str(5 * 365))),
    "advice_session": int(os.environ.get("RETENTION_ADVICE_SESSION_DAYS", str(2 * 365))),
    "audit": int(os.environ.get("RETENTION_AUDIT_DAYS", str(7 * 365))),
}

# Receipt codes: failed attempts per code, and site-wide, before we answer "wait" without hashing.
RECEIPT_FAILED_ATTEMPTS_PER_CODE = int(os.environ.get("RECEIPT_FAILED_ATTEMPTS_PER_CODE", "5"))
RECEIPT_FAILED_ATTEMPTS_SITE_WIDE = int(os.environ.get("RECEIPT_FAILED_ATTEMPTS_SITE_WIDE", "60"))
RECEIPT_LOCKOUT_SECONDS = int(os.environ.get("RECEIPT_LOCKOUT_SECONDS", "900"))
MAILBOX_SESSION_SECONDS = 60 * 30

# Report form limits: generous for a narrative, but bounded.
REPORT_TEXT_MAX_CHARS = 20_000
REPORT_SHORT_TEXT_MAX_CHARS = 2_000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

PORTAL_NAME = _("Integrity Reporting Point")

# Where each role starts after signing in (URL names); a role not listed sees its account page.
STAFF_HOME_BY_ROLE = {
    "cci_handler": "cases:inbox",
    "cci_coordinator": "cases:inbox",
    "external_handler": "cases:inbox",
    "external_coordinator": "cases:inbox",
    "manager": "manager:home",
    "administrator": "admin:index",
    "counsellor": "counsellors:sessions",
    "counsellor_coordinator": "counsellors:manage",
}
