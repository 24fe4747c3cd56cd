"""Settings, all of them from the environment (12-factor).

`make run` writes var/local.env (SECRET_KEY and the key-encryption key) on first start; that file is
read here only when DEBUG is on. With DEBUG off every secret must come from the real environment.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from meldpunt import languages

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
try:  # a malformed key is refused at start, not at the first report
    from meldpunt.crypto import check_kek_spec

    check_kek_spec(MELDPUNT_KEKS)
except ValueError as exc:
    raise ImproperlyConfigured(f"MELDPUNT_KEKS is malformed: {exc}") from None
# The audit chain's HMAC key(s), same format; outside the database like the KEK. Unset: derived from
# the KEK (meldpunt/crypto.py), so a separate key is recommended where KEKs are rotated.
MELDPUNT_AUDIT_KEYS = os.environ.get("MELDPUNT_AUDIT_KEYS", "")
if not MELDPUNT_AUDIT_KEYS and os.environ.get("MELDPUNT_AUDIT_KEY_FILE"):
    MELDPUNT_AUDIT_KEYS = Path(os.environ["MELDPUNT_AUDIT_KEY_FILE"]).read_text().strip()

ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]
CSRF_FAILURE_VIEW = "meldpunt.errors.csrf_failure"  # in the visitor's language; a reporter's typed text is kept
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
    "django_otp_webauthn",  # passkeys as a second factor beside TOTP (meldpunt/accounts/passkeys.py)
    "axes",  # staff password guessing: failed sign-ins counted and locked out (security M5)
    "meldpunt",
    "meldpunt.accounts",
    "meldpunt.organisation",
    "meldpunt.audit",
    "meldpunt.intake",
    "meldpunt.content",
    "meldpunt.channels",
    "meldpunt.advice",  # advice questions from any employee, through the receipt-code mailbox
    "meldpunt.vault",
    "cases",
    "vertrouwenspersonen",
]

MIDDLEWARE = [
    "meldpunt.public_fast_path.PublicFastPathMiddleware",  # first: a public page for a visitor with no session
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "meldpunt.accounts.middleware.SitePolicyCSPMiddleware",  # django-csp, the site policy built once
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "meldpunt.accounts.middleware.StaffSecondFactorMiddleware",
    "meldpunt.accounts.middleware.StaffNoStoreMiddleware",
    "meldpunt.accounts.middleware.PermissionsPolicyMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "meldpunt.accounts.middleware.StaffSessionTimeoutMiddleware",  # after messages: it says why
    "meldpunt.bidi.StaffBidiMiddleware",  # bidi controls shown as visible marks to staff (I1)
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
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
            # |local_date and |local_datetime (CLDR through Babel) in every template, no {% load %} needed.
            # {% public_part %} (meldpunt/public_cache.py): rendered public parts kept per language.
            "builtins": ["meldpunt.local_dates", "meldpunt.public_cache"],
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
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses before the password hash while locked out
    "django.contrib.auth.backends.ModelBackend",
]
# Password guessing (django-axes): 5 wrong passwords for one user name from one address lock that
# pair out for 15 minutes. Per pair, so nobody elsewhere can lock a colleague out, and a post whose
# staff share one address is not shut as a whole. Only failures are kept (no log of who signed in from
# where). Every failure and lockout is also on the audit trail (meldpunt.accounts.services).
AXES_FAILURE_LIMIT = int(os.environ.get("STAFF_SIGN_IN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("STAFF_SIGN_IN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False  # the portal logs failures itself (meldpunt.security), without names or addresses
AXES_LOCKOUT_CALLABLE = "meldpunt.accounts.views.locked_out"
AXES_CLIENT_IP_CALLABLE = "meldpunt.accounts.services.client_address"
# Behind a reverse proxy: how many proxies add themselves to X-Forwarded-For (0: use the socket's address).
TRUSTED_PROXY_HOPS = int(os.environ.get("TRUSTED_PROXY_HOPS", "0"))
# django-otp's throttle is per device, so anyone with the password could keep the real user's
# second factor throttled (security L7). It is off; the sign-in counts wrong codes per session instead.
OTP_TOTP_THROTTLE_FACTOR = 0
# Passkeys (django-otp-webauthn): a second factor only, never instead of the password; the relying
# party is this site (SITE_URL), overridable for a site served under another name.
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
_site = urlsplit(SITE_URL)
_site_host = "localhost" if _site.hostname in (None, "127.0.0.1", "::1") else _site.hostname  # an IP cannot be a WebAuthn party
OTP_WEBAUTHN_RP_ID = os.environ.get("WEBAUTHN_RP_ID", _site_host)
OTP_WEBAUTHN_RP_NAME = "Meldpunt Integriteit"
OTP_WEBAUTHN_ALLOWED_ORIGINS = [
    o for o in os.environ.get(
        "WEBAUTHN_ORIGINS",  # browsers offer passkeys only over https (or on localhost)
        f"{'http' if _site_host == 'localhost' else 'https'}://{_site_host}" + (f":{_site.port}" if _site.port else ""),
    ).split(",") if o
]
STAFF_SECOND_FACTOR_TRIES = 5  # wrong codes in one sign-in, then back to the password (counted by axes)

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
    ),
    # Rendered parts of public pages, per process (meldpunt/public_cache.py); never a secret or a token.
    "public_pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "public-pages",
                     "OPTIONS": {"MAX_ENTRIES": 5000}},
    # Whole public pages for visitors with no session (meldpunt/public_fast_path.py), some 50 KB each: at
    # most this many a process, whatever a crawler asks for (the rest are rendered as usual).
    "public_fast_pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "public-fast-pages",
                          "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("PUBLIC_FAST_PATH_PAGES", "600"))}},
}
# How long a rendered public part is kept at most; an edit to what it shows renders it afresh at once.
PUBLIC_CACHE_SECONDS = int(os.environ.get("PUBLIC_CACHE_SECONDS", "600"))
# How long a process trusts the content version it last read from the shared cache (a query with the
# database cache): other processes show an edit at most this many seconds late; 0 reads it every time.
PUBLIC_CACHE_VERSION_SECONDS = float(os.environ.get("PUBLIC_CACHE_VERSION_SECONDS", "1"))
# Public pages for visitors with no session served from their last rendering with fresh tokens
# (meldpunt/public_fast_path.py); 0 sends every request through the whole stack.
PUBLIC_FAST_PATH = os.environ.get("PUBLIC_FAST_PATH", "1") == "1"

SESSION_COOKIE_AGE = 60 * 60 * 8
# Staff sessions (security L9): signed out after this long without a request, and after the absolute
# limit in any case; the cookie lasts only as long as the browser.
STAFF_IDLE_SECONDS = int(os.environ.get("STAFF_IDLE_MINUTES", "30")) * 60
STAFF_SESSION_MAX_SECONDS = int(os.environ.get("STAFF_SESSION_MAX_HOURS", "8")) * 3600
# Staff enrolment links (manage.py create_admin / invite_staff, the admin's "send enrolment link"):
# one use, this many hours.
STAFF_INVITATION_HOURS = int(os.environ.get("STAFF_INVITATION_HOURS", "72"))
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = not DEBUG and env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
# HTTPS: on by default in production (DEBUG off). Behind a TLS-terminating proxy, the proxy sets
# X-Forwarded-Proto and gunicorn trusts it only from FORWARDED_ALLOW_IPS (docs/operations.md).
SECURE_SSL_REDIRECT = not DEBUG and env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^health/$"]  # the load balancer asks over plain HTTP inside the network
SECURE_HSTS_SECONDS = 0 if DEBUG else int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
# Preload is the domain owner's commitment (the whole registrable domain, for months): off unless
# asked for, and then Django's reminder about it (security.W021) is silenced as a decision taken.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SECURE_REFERRER_POLICY = "same-origin"  # nothing leaks to other sites; "no-referrer" would make browsers send Origin: null and break CSRF checks
X_FRAME_OPTIONS = "DENY"
# Browser features no page of the portal uses are switched off; passkeys (WebAuthn) only on our own pages.
PERMISSIONS_POLICY = os.environ.get(
    "PERMISSIONS_POLICY",
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), "
    "magnetometer=(), microphone=(), midi=(), payment=(), usb=(), browsing-topics=(), "
    "publickey-credentials-create=(self), publickey-credentials-get=(self)",
)

# Languages come from the one registry (meldpunt/languages.py): reporter pages in every offered language,
# staff pages in Dutch and English. Languages in review are not in LANGUAGES until they are offered.
LANGUAGE_CODE = "en"  # for a browser whose language we do not speak: English reaches most staff at posts
LANGUAGES = languages.django_languages()
REPORTER_LANGUAGES = [code for code, _name in LANGUAGES]
STAFF_LANGUAGES = list(languages.STAFF_LANGUAGES)
LANGUAGES_BIDI = [language.code for language in languages.REGISTRY if language.rtl]  # dir="rtl" (ar, fa, ur)
MODELTRANSLATION_DEFAULT_LANGUAGE = "nl"  # administrators write Dutch first
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en", "nl")
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "staticfiles"))  # the image collects into /app/staticfiles
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
# What may wait on report forms not yet sent (security review M6): per visitor (session) and site-wide.
VAULT_STAGING_MAX_BYTES_PER_VISITOR = int(os.environ.get("VAULT_STAGING_MAX_BYTES_PER_VISITOR", 300 * _MiB))
VAULT_STAGING_MAX_BYTES = int(os.environ.get("VAULT_STAGING_MAX_BYTES", 4096 * _MiB))
VAULT_UPLOAD_TEMP_MAX_AGE_MINUTES = 60  # upload temp files untouched this long are swept (M3)
VAULT_CLEAN_REQUEUE_MINUTES = 15  # files still being cleaned after this are queued again (L12)
VAULT_TEMP_DIR = os.environ.get("VAULT_TEMP_DIR", FILE_UPLOAD_TEMP_DIR)  # plaintext while cleaning
# What one cleaning (a forked child: Pillow, qpdf, zip, mutagen) may use before it is stopped and the
# file gets no cleaned copy: address space above the worker's own, CPU seconds, and output beyond
# twice the original (docs/architecture.md, "Decompression bombs").
VAULT_CLEAN_MEMORY_BYTES = int(os.environ.get("VAULT_CLEAN_MEMORY_BYTES", 1024 * _MiB))
VAULT_CLEAN_CPU_SECONDS = int(os.environ.get("VAULT_CLEAN_CPU_SECONDS", "120"))
VAULT_CLEAN_OUTPUT_SLACK_BYTES = 16 * _MiB
VAULT_CLEAN_MAX_INFLATED_BYTES = int(os.environ.get("VAULT_CLEAN_MAX_INFLATED_BYTES", 512 * _MiB))  # an Office zip, all parts

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
# Production mail: an SMTP server over TLS with a login (docs/operations.md). With DEBUG off and the
# SMTP backend, start-up refuses a missing EMAIL_HOST or DEFAULT_FROM_EMAIL (meldpunt/checks.py).
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)  # STARTTLS on 587; EMAIL_USE_SSL=1 for implicit TLS on 465
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
if EMAIL_USE_SSL:
    EMAIL_USE_TLS = False
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))  # only for the file backend
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
    # Delete expired sessions (Django's clearsessions): a backup should not keep old sessions at all.
    "sessions-clear": {"task": "meldpunt.intake.tasks.sessions_clear", "schedule": crontab(hour=3, minute=15)},
    # Plaintext upload temp files left by a process killed mid-upload (security review M3).
    "vault-upload-temp-sweep": {"task": "meldpunt.vault.tasks.upload_temp_sweep", "schedule": 60 * 60},
    # Cleaning tasks lost with a broker message or a killed worker are queued again (L12).
    "vault-clean-requeue": {"task": "meldpunt.vault.tasks.evidence_clean_requeue", "schedule": 15 * 60},
    # The audit chain's head, signed, into the log once a day: a removed tail is then detectable.
    "audit-head-publish": {"task": "meldpunt.audit.tasks.audit_head_publish_run", "schedule": crontab(hour=0, minute=5)},
}

# Reminders: days before each legal deadline that the handler (or, with none, the desk) is reminded.
REMINDER_OFFSETS_DAYS = {
    "acknowledgement": env_int_list("REMINDER_ACKNOWLEDGEMENT_DAYS", [2]),
    "feedback": env_int_list("REMINDER_FEEDBACK_DAYS", [14, 3]),
    # The reply clock (below) is short: one reminder the working day before it runs out.
    "reply": env_int_list("REMINDER_REPLY_DAYS", [1]),
}
# The reply clock: working days (Monday to Friday) the desk has to answer a reporter's message,
# meeting request, minutes correction or aftercare answer, before the coordinators are alerted.
REPLY_CLOCK_WORKING_DAYS = int(os.environ.get("REPLY_CLOCK_WORKING_DAYS", "5"))
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
    "manager_draft": int(os.environ.get("RETENTION_MANAGER_DRAFT_DAYS", "90")),
    "manager_advice": int(os.environ.get("RETENTION_MANAGER_ADVICE_DAYS", str(2 * 365))),
    # An answered question to the advice point from any employee, from its last activity.
    "advice_question": int(os.environ.get("RETENTION_ADVICE_QUESTION_DAYS", str(2 * 365))),
    "complaint": int(os.environ.get("RETENTION_COMPLAINT_DAYS", str(5 * 365))),
    "audit": int(os.environ.get("RETENTION_AUDIT_DAYS", str(7 * 365))),
}

# Receipt codes: failed attempts per code, and site-wide, before we answer "wait" without hashing.
# Receipt-code checks (meldpunt/intake/receipts.py): no site-wide lockout; Argon2 behind a bounded
# gate per process; after 5 wrong codes a lookup is slowed to one check per interval, for a window
# fixed from its first failure, so the right code always gets through.
RECEIPT_FAILED_ATTEMPTS_PER_CODE = int(os.environ.get("RECEIPT_FAILED_ATTEMPTS_PER_CODE", "5"))
RECEIPT_LOCKOUT_SECONDS = int(os.environ.get("RECEIPT_LOCKOUT_SECONDS", "900"))
# How long a new receipt code stays on the page that shows it (reporter's receipt, hand-over slips)
# until the person confirms they saved it. Only ciphertext is in the session; the key is in a cookie
# with this lifetime (meldpunt/intake/held_codes.py).
# "Lost your code?": how long the one-time link to a new code, sent to a named reporter, stays valid.
RECEIPT_REISSUE_LINK_HOURS = int(os.environ.get("RECEIPT_REISSUE_LINK_HOURS", "72"))
RECEIPT_HOLD_SECONDS = int(os.environ.get("RECEIPT_HOLD_SECONDS", str(60 * 60 * 2)))
# The mailbox closes after this long without activity (every page or action moves it on); the
# reporter is warned MAILBOX_WARNING_SECONDS before. What they type after it closed is not lost.
MAILBOX_IDLE_SECONDS = int(os.environ.get("MAILBOX_IDLE_SECONDS", str(30 * 60)))
MAILBOX_WARNING_SECONDS = int(os.environ.get("MAILBOX_WARNING_SECONDS", str(5 * 60)))
RECEIPT_LOCKED_INTERVAL_SECONDS = float(os.environ.get("RECEIPT_LOCKED_INTERVAL_SECONDS", "2"))
RECEIPT_HASH_CONCURRENCY = int(os.environ.get("RECEIPT_HASH_CONCURRENCY", "2"))
# The cost of the Argon2id hash of each receipt code (time passes, memory in KiB): about 50-125 ms on a
# small server by default. Lower it on a slow machine, raise it on a fast one; existing codes keep
# working (each hash records its own parameters).
RECEIPT_HASH_TIME_COST = int(os.environ.get("RECEIPT_HASH_TIME_COST", "3"))
RECEIPT_HASH_MEMORY_KIB = int(os.environ.get("RECEIPT_HASH_MEMORY_KIB", "65536"))
RECEIPT_QUEUE_SECONDS = float(os.environ.get("RECEIPT_QUEUE_SECONDS", "4"))
RECEIPT_TURN_SECONDS = 30  # a turn left by a process that died frees itself after this

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
    "complaints_secretary": "cases:inbox",
    "complaints_chair": "cases:inbox",
    "manager": "manager:home",
    "administrator": "admin:index",
    "counsellor": "counsellors:sessions",
    "counsellor_coordinator": "counsellors:manage",
    "translator": "translate:assignments",
}
