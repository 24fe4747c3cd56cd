from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language
from django_otp.admin import OTPAdminSite

from meldpunt.accounts.views import staff_home
from meldpunt.health import health

# The admin too asks for the second factor.
admin.site.__class__ = OTPAdminSite

urlpatterns = [
    path("", include("meldpunt.intake.urls")),
    path("", include("meldpunt.channels.urls")),
    path("advice/", include("meldpunt.advice.urls")),
    path("", include("meldpunt.vault.urls")),
    path("language/", set_language, name="set_language"),
    path("health/", health, name="health"),  # load balancer and compose health checks: ok or not, nothing else
    path("staff/", staff_home, name="staff-home"),
    path("staff/", include("meldpunt.accounts.urls")),
    path("staff/", include("meldpunt.accounts.passkey_urls")),
    path("staff/desk/", include("cases.urls")),
    path("staff/manager/", include("meldpunt.channels.manager_urls")),
    path("staff/translate/", include("cases.translating.urls")),
    path("counsellors/", include("vertrouwenspersonen.urls")),
    path("transparency/", include("cases.public_urls")),
    path("staff/counsellors/", include("vertrouwenspersonen.staff_urls")),
    path("admin/", admin.site.urls),
]

# Error pages in the visitor's language on the site's own layout (meldpunt/errors.py).
handler400 = "meldpunt.errors.bad_request"
handler403 = "meldpunt.errors.permission_denied"
handler404 = "meldpunt.errors.page_not_found"
handler500 = "meldpunt.errors.server_error"
