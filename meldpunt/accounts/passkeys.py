"""Passkeys (WebAuthn) as a second factor beside TOTP, through django-otp-webauthn.

The package's views, narrowed for staff: a passkey is the second step after the password (never a
password replacement: OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN is off); a passkey is added only in a
fully signed-in session (the package would let a password-only session of a user without devices
add one: trust on first use, security M11); signing in with one renews the session key and is audited
like a TOTP sign-in; adding one is audited.

At enrolment (the one-time invitation link, before any sign-in) a passkey can be the second factor
instead of an authenticator app: the enrolment ceremony below registers it for the invited person,
unconfirmed, and the enrolment form confirms it together with the chosen password."""

from django.db import transaction
from django.http import JsonResponse
from django.views.i18n import JavaScriptCatalog
from django_otp_webauthn import exceptions
from django_otp_webauthn.utils import rewrite_exceptions
from django_otp_webauthn.views import (
    BeginCredentialAuthenticationView,
    BeginCredentialRegistrationView,
    CompleteCredentialAuthenticationView,
    CompleteCredentialRegistrationView,
)

from meldpunt.audit.services import audit_record

from . import services

ENROL_INVITATION = "staff_enrol_invitation"  # the invitation opened in this browser session
ENROL_PASSKEY = "staff_enrol_passkey"  # the passkey registered through it, waiting for the password


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


class EnrolmentLink:
    """The ceremony's user is the invited person: the link must still be open and must have been
    opened in this very session (the enrolment page binds it). The link is the proof of identity, so
    the package's "verify with an existing factor first" does not apply: every older factor is
    removed when the enrolment is redeemed."""

    def initial(self, request, *args, **kwargs):
        self.invitation = services.invitation_open(token=kwargs["token"])
        if self.invitation is None or request.session.get(ENROL_INVITATION) != self.invitation.pk:
            raise exceptions.NotAuthenticated()
        super().initial(request, *args, **kwargs)

    def get_user(self):
        return self.invitation.user

    def _check_user_verified(self, user):
        """Nobody is signed in at enrolment; the open, session-bound link stands in (see the class)."""


class EnrolBeginRegistration(EnrolmentLink, BeginCredentialRegistrationView):
    pass


class EnrolCompleteRegistration(EnrolmentLink, CompleteCredentialRegistrationView):
    def post(self, *args, **kwargs):
        state = self.get_state()
        with transaction.atomic(), rewrite_exceptions(logger=None):  # never seen confirmed by anyone
            credential = self.get_helper().register_complete(user=self.invitation.user, state=state, data=self.request.data)
            services.enrolment_passkey_registered(invitation=self.invitation, credential=credential)
        self.request.session.cycle_key()  # a new key at every step
        self.request.session[ENROL_PASSKEY] = credential.pk
        return JsonResponse({"id": credential.pk})


passkey_catalog = JavaScriptCatalog.as_view(packages=["django_otp_webauthn"])
