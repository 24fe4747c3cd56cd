import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm, SetPasswordForm
from django.contrib.auth.signals import user_login_failed
from django.contrib.auth.views import LoginView
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp_webauthn.templatetags.otp_webauthn import get_configuration as passkey_configuration

from meldpunt.audit.services import audit_record

from . import services
from .forms import StaffLanguageForm, TokenForm
from .middleware import STAFF_SEEN, STAFF_SINCE
from .passkeys import ENROL_INVITATION, ENROL_PASSKEY
from .selectors import staff_language

SECOND_FACTOR_FAILURES = "staff_second_factor_failures"


class StaffLoginView(LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = False

    def get_success_url(self):
        next_url = self.get_redirect_url()
        target = reverse("accounts:second-factor")
        return f"{target}?next={next_url}" if next_url else target


def start_staff_session(request) -> None:
    """The staff session's clocks (idle and absolute, StaffSessionTimeoutMiddleware) start now, and its
    cookie lasts only as long as the browser."""
    request.session.set_expiry(0)
    request.session[STAFF_SINCE] = request.session[STAFF_SEEN] = int(time.time())


def in_staff_language(response, user):
    """The pages follow the staff language just chosen (the language switcher can still change them)."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME, staff_language(user), max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH, domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE, httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


def locked_out(request, credentials, *args, **kwargs):
    """django-axes: too many wrong passwords for this name from this address (AXES_LOCKOUT_CALLABLE)."""
    form = AuthenticationForm(request, data=None, initial={"username": (credentials or {}).get("username", "")})
    form.is_bound = False
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    error = _("Too many wrong passwords. Wait %(minutes)d minutes and try again.") % {"minutes": minutes}
    return render(request, "accounts/login.html", {"form": form, "locked_error": error}, status=429)


def _safe_next(request) -> str:
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if next_url and url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        return next_url
    return reverse("staff-home")


@login_required(login_url="accounts:login")
def second_factor(request):
    """Verify the TOTP code. Nobody enrols here: second factors are bound only through a one-time
    enrolment link, so whoever learns a password cannot bind their own authenticator. Every user sees
    the same page, whether or not they have a device; wrong codes are counted in this sign-in only
    (so a password holder cannot throttle the real user's authenticator), and after
    STAFF_SECOND_FACTOR_TRIES the sign-in starts over, counted by django-axes as a failed sign-in."""
    user = request.user
    if user.is_verified():
        return redirect(_safe_next(request))
    device = services.totp_confirmed_device(user=user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device is not None and device.verify_token(form.cleaned_data["token"]):
            otp_login(request, device)
            request.session.cycle_key()  # a new key at every step: the pre-TOTP id opens nothing
            request.session.pop(SECOND_FACTOR_FAILURES, None)
            audit_record(actor=user, action="account.signed_in", target=user)
            return redirect(_safe_next(request))
        failures = request.session.get(SECOND_FACTOR_FAILURES, 0) + 1
        request.session[SECOND_FACTOR_FAILURES] = failures
        services.second_factor_failed(user=user, failures=failures)
        if failures >= settings.STAFF_SECOND_FACTOR_TRIES:
            username = user.get_username()
            logout(request)
            user_login_failed.send(
                sender=__name__, credentials={"username": username, "step": "second_factor"}, request=request
            )
            messages.error(request, _("Too many wrong codes. Sign in again."))
            return redirect("accounts:login")
        form.add_error("token", _("That code is not right. Check the time on your phone and try the newest code."))
    return render(request, "accounts/second_factor.html", {"form": form, "next": _safe_next(request)})


@never_cache
@sensitive_post_parameters("new_password1", "new_password2")
def enrol(request, token):
    """A one-time enrolment link: choose a password and bind a second factor, an authenticator app or
    a passkey, then sign in. Opening the link binds it to this session under a new session key."""
    invitation = services.invitation_open(token=token)
    if invitation is None:
        return render(request, "accounts/enrol_invalid.html", status=404)
    if request.session.get(ENROL_INVITATION) != invitation.pk:
        request.session.cycle_key()  # a new key at every step
        request.session[ENROL_INVITATION] = invitation.pk
        request.session.pop(ENROL_PASSKEY, None)
    device = services.totp_device_for_invitation(invitation=invitation)
    passkey = services.enrolment_passkey(invitation=invitation, pk=request.session.get(ENROL_PASSKEY))
    data = request.POST if request.method == "POST" else None
    with_passkey = data is not None and data.get("method") == "passkey"
    password_form = SetPasswordForm(invitation.user, data)
    token_form = TokenForm(None if with_passkey else data)
    if with_passkey and passkey is None:
        password_form.is_valid()
        messages.error(request, _("Add your passkey first, or use an authenticator app."))
    elif data is not None and password_form.is_valid() and (with_passkey or token_form.is_valid()):
        if with_passkey or device.verify_token(token_form.cleaned_data["token"]):
            try:
                services.invitation_redeem(
                    invitation=invitation, password=password_form.cleaned_data["new_password1"],
                    device=passkey if with_passkey else device,
                )
            except services.InvitationError:
                return render(request, "accounts/enrol_invalid.html", status=404)
            logout(request)  # the enrolment session ends here; signing in starts a new one
            if with_passkey:
                messages.success(request, _("Your password and passkey are set. Sign in with them now."))
            else:
                messages.success(request, _("Your password and authenticator are set. Sign in with them now."))
            return redirect("accounts:login")
        token_form.add_error("token", _("That code is not right. Check the time on your phone and try the newest code."))
    passkey_urls = {
        "beginRegistrationUrl": reverse("accounts:enrol-passkey-begin", kwargs={"token": token}),
        "completeRegistrationUrl": reverse("accounts:enrol-passkey-complete", kwargs={"token": token}),
    }
    context = {
        "password_form": password_form, "form": token_form, "staff_user": invitation.user,
        "qr_svg": services.totp_qr_svg(device), "secret": services.totp_secret_base32(device),
        "passkey_ready": passkey is not None, "passkey_config": passkey_configuration(request, passkey_urls),
    }
    return render(request, "accounts/enrol.html", context)


@require_POST
def sign_out(request):
    logout(request)
    messages.info(request, _("You are signed out."))
    return redirect("accounts:login")


def staff_home(request):
    """Send each role to its own start page (settings.STAFF_HOME_BY_ROLE); others see their account."""
    target = settings.STAFF_HOME_BY_ROLE.get(request.user.role)
    if target:
        return redirect(target)
    return redirect("accounts:account")


def account(request):
    """The staff member's own account: role, second factors, adding a passkey, and the staff language."""
    form = StaffLanguageForm(request.POST or None, initial={"language": staff_language(request.user)})
    if request.method == "POST" and form.is_valid():
        services.staff_language_set(user=request.user, language=form.cleaned_data["language"])
        with translation.override(form.cleaned_data["language"]):
            messages.success(request, _("Your emails and staff pages are now in this language."))
        return in_staff_language(redirect("accounts:account"), request.user)
    return render(request, "accounts/account.html", {"passkeys": services.passkeys_of(user=request.user), "language_form": form})
