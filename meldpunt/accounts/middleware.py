from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

STAFF_PREFIXES = ("/staff/", "/admin/")
OPEN_STAFF_PATHS = ("/staff/login/", "/staff/logout/", "/staff/2fa/", "/staff/enrol/")


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
            add_never_cache_headers(response)
            response["Cache-Control"] = "no-store, no-cache, must-revalidate, private, max-age=0"
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
