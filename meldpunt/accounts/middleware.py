import http.client
import time

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.core.signals import setting_changed
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

STAFF_PREFIXES = ("/staff/", "/admin/")
OPEN_STAFF_PATHS = ("/staff/login/", "/staff/logout/", "/staff/2fa/", "/staff/enrol/")
STAFF_SINCE = "staff_since"  # when the password was given (epoch seconds)
STAFF_SEEN = "staff_seen"  # the staff member's last request


class StaffSessionTimeoutMiddleware:
    """A staff session ends after settings.STAFF_IDLE_SECONDS without a request and after
    settings.STAFF_SESSION_MAX_SECONDS in any case (security L9: 8 hours with no idle timeout)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            session = request.session
            since, seen = session.get(STAFF_SINCE), session.get(STAFF_SEEN)
            if since is None or seen is None:
                session[STAFF_SINCE] = session[STAFF_SEEN] = now
            elif now - seen > settings.STAFF_IDLE_SECONDS or now - since > settings.STAFF_SESSION_MAX_SECONDS:
                logout(request)
                messages.info(request, _("Your session has ended. Sign in again."))
                return redirect(f"{reverse(settings.LOGIN_URL)}?next={request.path_info}")
            elif now - seen >= 30:  # written at most twice a minute
                session[STAFF_SEEN] = now
        return self.get_response(request)


class StaffSecondFactorMiddleware:
    """Every staff page and the admin need a password *and* a verified second factor (TOTP)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if path.startswith(STAFF_PREFIXES) and not path.startswith(OPEN_STAFF_PATHS):
            if not request.user.is_authenticated:
                return redirect(f"{reverse(settings.LOGIN_URL)}?next={path}")
            if not request.user.is_verified():
                return redirect(f"{reverse('accounts:second-factor')}?next={path}")
        return self.get_response(request)


class StaffNoStoreMiddleware:
    """Staff pages and the admin show sealed text (reports, cases, sessions): no browser or proxy may
    keep a copy (security M7: a report's narrative stayed in Chromium's disk cache after sign-out)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith(STAFF_PREFIXES):
            add_never_cache_headers(response)  # max-age=0, no-cache, no-store, must-revalidate, private
        return response


class PermissionsPolicyMiddleware:
    """Switch off browser features the portal never uses (settings.PERMISSIONS_POLICY), on every page."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = settings.PERMISSIONS_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        if self.policy:
            response.headers.setdefault("Permissions-Policy", self.policy)
        return response


# What a view or decorator of django-csp sets on a response to change its policy for that response.
_CSP_RESPONSE_PARTS = (
    "_csp_config", "_csp_update", "_csp_replace", "_csp_exempt",
    "_csp_config_ro", "_csp_update_ro", "_csp_replace_ro", "_csp_exempt_ro",
)
_site_policies: dict[bool, str] = {}


def _forget_site_policies(*, setting, **_kwargs):
    if setting.startswith("CONTENT_SECURITY_POLICY"):
        _site_policies.clear()


setting_changed.connect(_forget_site_policies)


def _site_policy(*, report_only: bool) -> str:
    if report_only not in _site_policies:
        _site_policies[report_only] = build_policy(report_only=report_only)
    return _site_policies[report_only]


class SitePolicyCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the site's policy built once per process. Almost every response
    carries exactly settings.CONTENT_SECURITY_POLICY (no nonce asked for, no decorator changing it), and
    django-csp built that header afresh for each one. Any other response goes the usual way."""

    def process_response(self, request, response):
        if (
            getattr(request, "_csp_nonce", None) is not None
            or any(hasattr(response, part) for part in _CSP_RESPONSE_PARTS)
            or (settings.DEBUG and response.status_code in (http.client.INTERNAL_SERVER_ERROR, http.client.NOT_FOUND))
        ):
            return super().process_response(request, response)
        for report_only, header, setting in (
            (False, HEADER, "CONTENT_SECURITY_POLICY"),
            (True, HEADER_REPORT_ONLY, "CONTENT_SECURITY_POLICY_REPORT_ONLY"),
        ):
            policy = _site_policy(report_only=report_only)
            if not policy or header in response:
                continue
            prefixes = (getattr(settings, setting, None) or {}).get("EXCLUDE_URL_PREFIXES") or ()
            if not request.path_info.startswith(tuple(prefixes)):
                response[header] = policy
        # As django-csp does: a nonce asked for after the header was written is an error, not a silent gap.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response
