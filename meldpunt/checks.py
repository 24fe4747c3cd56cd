"""Start-up refuses bad configuration, with a message that says what to change.

Django system checks (run by every manage.py command, including migrate and `check --deploy`), and
run again when gunicorn loads the app (wsgi.py) and when a Celery worker or beat starts (celery.py),
which Django itself does not do. Malformed or missing keys are refused earlier, in settings.py.
"""

import ipaddress
import os
import tempfile

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.core.exceptions import ImproperlyConfigured

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]", "testserver"}


def _is_local(host: str) -> bool:
    host = host.strip().lower()
    if host in LOCAL_HOSTS or host.endswith(".localhost") or host == ".localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@register(Tags.security)
def debug_only_on_this_machine(app_configs=None, **kwargs):
    if not settings.DEBUG:
        return []
    public = [host for host in settings.ALLOWED_HOSTS if not _is_local(host)]
    if not public:
        return []
    return [Error(
        f"DEBUG is on while ALLOWED_HOSTS names public hosts ({', '.join(public)}): debug pages would show "
        "settings and code to anyone.",
        hint="Unset DEBUG in production (or keep ALLOWED_HOSTS to 127.0.0.1,localhost for local use).",
        id="meldpunt.E001",
    )]


@register()
def mail_is_configured(app_configs=None, **kwargs):
    if settings.DEBUG or not settings.EMAIL_BACKEND.endswith("smtp.EmailBackend"):
        return []
    missing = [name for name in ("EMAIL_HOST", "DEFAULT_FROM_EMAIL") if name not in os.environ]
    if settings.EMAIL_HOST_USER and not settings.EMAIL_HOST_PASSWORD:
        missing.append("EMAIL_HOST_PASSWORD")
    if not missing:
        return []
    return [Error(
        f"Mail is not configured: {', '.join(missing)} not set. Desk notices and staff invitations go by mail.",
        hint="Set EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD and DEFAULT_FROM_EMAIL "
        "(TLS is on by default; see docs/operations.md, 'Mail').",
        id="meldpunt.E002",
    )]


def _writable(folder: str) -> str | None:
    """None if the folder exists (or can be made) and a file can be written in it, else why not."""
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".write-check-"):
            pass
    except OSError as exc:
        return exc.strerror or str(exc)
    return None


@register()
def vault_is_writable(app_configs=None, **kwargs):
    folders = [("FILE_UPLOAD_TEMP_DIR", settings.FILE_UPLOAD_TEMP_DIR), ("VAULT_TEMP_DIR", settings.VAULT_TEMP_DIR)]
    vault = settings.STORAGES["vault"]
    if vault["BACKEND"].endswith("FileSystemStorage"):
        folders.insert(0, ("the vault (VAULT_DIR)", str(vault["OPTIONS"]["location"])))
    errors = []
    for name, folder in folders:
        problem = _writable(folder)
        if problem:
            errors.append(Error(
                f"{name} at {folder} is not writable by this user ({problem}): evidence uploads would fail.",
                hint="Make the folder owned by the user the portal runs as (docs/operations.md, 'Folders').",
                id="meldpunt.E003",
            ))
    return errors


STARTUP_CHECKS = [debug_only_on_this_machine, mail_is_configured, vault_is_writable]


def refuse_bad_configuration() -> None:
    """For gunicorn and Celery, which do not run Django's checks: raise with every problem found."""
    errors = [error for check in STARTUP_CHECKS for error in check()]
    if errors:
        lines = "\n".join(f"- {error.msg} {error.hint or ''}".rstrip() for error in errors)
        raise ImproperlyConfigured(f"The portal refuses to start:\n{lines}")
