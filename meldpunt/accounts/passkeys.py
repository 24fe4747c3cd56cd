"""Passkeys (WebAuthn) as a second factor beside TOTP, through django-otp-webauthn.

The package's views, narrowed for staff: a passkey is the second step after the password (never a
password replacement: OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN is off); a passkey is added only in a
fully signed-in session (the package would let a password-only session of a user without devices
add one: trust on first use, security M11); signing in with one renews the session key and is audited
like a TOTP sign-in; adding one is audited."""

from django.http import JsonResponse
from django.views.i18n import JavaScriptCatalog
from django_otp_webauthn import exceptions
from django_otp_webauthn.views import (
    BeginCredentialAuthenticationView,
    BeginCredentialRegistrationView,
    CompleteCredentialAuthenticationView,
    CompleteCredentialRegistrationView,
)

from meldpunt.audit.services import audit_record


class FullySignedIn:
    def check_can_register(self):
        if not self.request.user.is_verified():
            raise exceptions.NotVerified()


class StaffBeginRegistration(FullySignedIn, BeginCredentialRegistrationView):
    pass


class StaffCompleteRegistration(FullySignedIn, CompleteCredentialRegistrationView):
    def post(self, *args, **kwargs):
        response = super().post(*args, **kwargs)
        if response.status_code == 200:
            audit_record(actor=self.request.user, action="account.passkey_added", target=self.request.user)
        return response


class PasswordFirst:
    def check_can_authenticate(self):
        if not self.request.user.is_authenticated:
            raise exceptions.NotAuthenticated()  # the password comes first
        super().check_can_authenticate()


class StaffBeginAuthentication(PasswordFirst, BeginCredentialAuthenticationView):
    pass


class StaffCompleteAuthentication(PasswordFirst, CompleteCredentialAuthenticationView):
    def complete_auth(self, device):
        super().complete_auth(device)
        self.request.session.cycle_key()  # a new key at every step
        audit_record(actor=self.request.user, action="account.signed_in", target=self.request.user, factor="passkey")

    def get_success_url(self):
        from .views import _safe_next

        return self.get_redirect_url() or _safe_next(self.request)

    def post(self, *args, **kwargs):
        response = super().post(*args, **kwargs)
        if isinstance(response, JsonResponse):
            response["Cache-Control"] = "no-store"
        return response


passkey_catalog = JavaScriptCatalog.as_view(packages=["django_otp_webauthn"])
