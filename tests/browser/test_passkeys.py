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
    with page.expect_response(lambda r: "/2fa/passkey/complete/" in r.url, timeout=30_000) as verified:
        page.click("#passkey-verification-button")
    assert verified.value.status == 200, verified.value.text()
    page.wait_for_url("**/staff/desk/**", timeout=30_000)
    after = next(c["value"] for c in page.context.cookies() if c["name"] == settings.SESSION_COOKIE_NAME)
    assert after != before, "a new session key at the passkey step"
    assert page.url.rstrip("/").endswith("/staff/desk")
    actions = list(AuditEvent.objects.filter(actor=handler).values_list("action", "detail"))
    assert ("account.passkey_added", {}) in actions
    assert ("account.signed_in", {"factor": "passkey"}) in actions
    assert audit_verify() == []


def test_a_new_staff_member_enrols_with_a_passkey_instead_of_an_app(new_page, passkey_site):
    """The one-time link offers both; Yusuf takes the passkey. The link then works no more, the session
    key is new after opening the link, after the passkey and after finishing, and he signs in with
    password and passkey. Every step is on the audit trail under his own name."""
    import re
    from io import StringIO

    from django.core.management import call_command

    from meldpunt.accounts.models import User

    out = StringIO()
    call_command("invite_staff", "yusuf", "--email", "y@example.org", "--role", "cci_handler", stdout=out)
    link = "/" + re.search(r"https?://\S+/staff/enrol/\S+/", out.getvalue()).group(0).split("://", 1)[1].split("/", 1)[1]
    yusuf = User.objects.get(username="yusuf")
    page = new_page("nl")
    virtual_authenticator(page)

    def session_cookie():
        return next((c["value"] for c in page.context.cookies() if c["name"] == settings.SESSION_COOKIE_NAME), None)

    page.goto(link)
    assert page.locator("#totp-secret").is_visible(), "the app is still offered"
    assert not page.locator("#enrol-finish-passkey").is_visible()
    opened = session_cookie()
    page.fill("input[name=new_password1]", "Een-lang-wachtwoord-2026")
    page.fill("input[name=new_password2]", "Een-lang-wachtwoord-2026")
    with page.expect_response("**/passkey/complete/") as completed:
        page.click("#passkey-register-button")
    assert completed.value.status == 200
    assert settings.SESSION_COOKIE_NAME in (completed.value.header_value("set-cookie") or ""), "a new key after the passkey"
    page.wait_for_url("**/staff/login/")
    assert session_cookie() != opened
    credential = WebAuthnCredential.objects.get(user=yusuf)
    assert credential.confirmed
    assert not yusuf.totpdevice_set.exists(), "the unused app secret is gone"
    # The link was used: it opens nothing now.
    assert page.goto(link).status == 404
    # Password, then passkey: signed in, no six-digit code.
    page.goto("/staff/login/")
    page.fill("input[name=username]", "yusuf")
    page.fill("input[name=password]", "Een-lang-wachtwoord-2026")
    page.click("main button[type=submit]")
    page.wait_for_selector("#passkey-verification-button")
    with page.expect_response(lambda r: "/2fa/passkey/complete/" in r.url, timeout=30_000) as verified:
        page.click("#passkey-verification-button")
    assert verified.value.status == 200, verified.value.text()
    page.wait_for_url("**/staff/desk/**", timeout=30_000)
    actions = list(AuditEvent.objects.filter(actor=yusuf).values_list("action", flat=True))
    assert actions[:3] == ["account.passkey_added", "account.enrolled", "account.signed_in"]
    assert AuditEvent.objects.get(action="account.enrolled", actor=yusuf).detail["factor"] == "passkey"
    assert audit_verify() == []
