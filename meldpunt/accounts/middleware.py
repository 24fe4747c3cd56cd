import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
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
