from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

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
