from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language
from django_otp.admin import OTPAdminSite

from meldpunt.accounts.views import staff_home

# The admin too asks for the second factor.
admin.site.__class__ = OTPAdminSite

urlpatterns = [
    path("", include("meldpunt.intake.urls")),
    path("", include("meldpunt.channels.urls")),
    path("", include("meldpunt.vault.urls")),
    path("language/", set_language, name="set_language"),
    path("staff/", staff_home, name="staff-home"),
    path("staff/", include("meldpunt.accounts.urls")),
    path("staff/desk/", include("cases.urls")),
    path("staff/manager/", include("meldpunt.channels.manager_urls")),
    path("counsellors/", include("vertrouwenspersonen.urls")),
    path("transparency/", include("cases.public_urls")),
    path("staff/counsellors/", include("vertrouwenspersonen.staff_urls")),
    path("admin/", admin.site.urls),
]
