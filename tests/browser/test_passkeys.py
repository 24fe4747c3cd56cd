"""In a real browser with Chromium's virtual authenticator (CDP WebAuthn domain): a handler adds a
passkey on their account page, signs out, and signs in again with password and passkey; the TOTP
code is not needed, the session key is renewed at the passkey step, both are on the audit trail."""

import pytest
from django.conf import settings
from django_otp_webauthn.models import WebAuthnCredential

from meldpunt.audit.models import AuditEvent
from meldpunt.audit.services import audit_verify
from tests.conftest import make_staff

from .conftest import staff_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def passkey_site(settings, live_server):
    """The relying party is the test server (http://localhost:<port>, a secure context for WebAuthn)."""
    settings.OTP_WEBAUTHN_RP_ID = "localhost"
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [live_server.url]
    from django_otp_webauthn.settings import app_settings

    for name in ("OTP_WEBAUTHN_RP_ID", "OTP_WEBAUTHN_ALLOWED_ORIGINS"):
        app_settings.__dict__.pop(name, None)  # the package caches settings on first read
    return live_server


def virtual_authenticator(page):
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send("WebAuthn.addVirtualAuthenticator", {"options": {
        "protocol": "ctap2", "transport": "internal", "hasResidentKey": True,
        "hasUserVerification": True, "isUserVerified": True, "automaticPresenceSimulation": True,
    }})
    return cdp


def test_a_handler_adds_a_passkey_and_signs_in_with_it(new_page, passkey_site):
    handler = make_staff("cci_handler", "sanne")
    page = new_page("nl")
    virtual_authenticator(page)
    staff_sign_in(page, handler)
    page.goto("/staff/account/")
    page.click("#passkey-register-button")
    page.wait_for_function("() => document.querySelector('#passkey-register-status-message')?.textContent.length > 0")
    assert WebAuthnCredential.objects.filter(user=handler, confirmed=True).count() == 1
    # Sign out, then password and passkey: no six-digit code typed.
    page.click("nav form.inline button[type=submit]")
    page.goto("/staff/login/")
    page.fill("input[name=username]", handler.username)
    page.fill("input[name=password]", "pw-for-tests-only")
    page.click("main button[type=submit]")
    page.wait_for_selector("#passkey-verification-button")
    before = next(c["value"] for c in page.context.cookies() if c["name"] == settings.SESSION_COOKIE_NAME)
    page.click("#passkey-verification-button")
    page.wait_for_url("**/staff/desk/**")
    after = next(c["value"] for c in page.context.cookies() if c["name"] == settings.SESSION_COOKIE_NAME)
    assert after != before, "a new session key at the passkey step"
    assert page.url.rstrip("/").endswith("/staff/desk")
    actions = list(AuditEvent.objects.filter(actor=handler).values_list("action", "detail"))
    assert ("account.passkey_added", {}) in actions
    assert ("account.signed_in", {"factor": "passkey"}) in actions
    assert audit_verify() == []
