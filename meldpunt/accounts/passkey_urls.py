"""The URL names django-otp-webauthn's scripts look up (namespace otp_webauthn), served by the staff
versions of its views (meldpunt/accounts/passkeys.py). Signing in sits under /staff/2fa/, for the
half-signed-in; adding a passkey under /staff/account/, for the fully signed-in."""

from django.urls import path

from . import passkeys

app_name = "otp_webauthn"
urlpatterns = [
    path("account/passkeys/begin/", passkeys.StaffBeginRegistration.as_view(), name="credential-registration-begin"),
    path("account/passkeys/complete/", passkeys.StaffCompleteRegistration.as_view(), name="credential-registration-complete"),
    path("2fa/passkey/begin/", passkeys.StaffBeginAuthentication.as_view(), name="credential-authentication-begin"),
    path("2fa/passkey/complete/", passkeys.StaffCompleteAuthentication.as_view(), name="credential-authentication-complete"),
    path("2fa/passkey/jsi18n/", passkeys.passkey_catalog, name="js-i18n-catalog"),
]
