"""Passkeys (security point 9) keep the rules of the second factor: adding one needs a fully signed-in
session (django-otp-webauthn alone lets a password-only session of a user without devices add one,
which would bring back trust on first use, M11), and signing in with one needs the password first.
The whole ceremony runs in tests/browser/test_passkeys.py with Chromium's virtual authenticator."""

from django.test import Client
from django.urls import reverse

from meldpunt.accounts.models import Role, User


def test_a_password_alone_cannot_add_a_passkey(db):
    User.objects.create_user(username="nieuw", password="a-long-password-1", role=Role.CCI_HANDLER, email="n@example.org")
    client = Client()
    client.post(reverse("accounts:login"), {"username": "nieuw", "password": "a-long-password-1"})
    response = client.post(reverse("otp_webauthn:credential-registration-begin"))
    assert response.status_code != 200
    assert "otp_webauthn_register_state" not in client.session


def test_the_view_itself_refuses_a_half_signed_in_session(db, rf):
    from django.contrib.sessions.backends.db import SessionStore

    from meldpunt.accounts.passkeys import StaffBeginRegistration

    user = User.objects.create_user(username="nieuw", password="x", role=Role.CCI_HANDLER)
    request = rf.post("/", content_type="application/json")
    request.user, request.session = user, SessionStore()
    user.is_verified = lambda: False
    response = StaffBeginRegistration.as_view()(request)
    assert response.status_code == 403 and "otp_webauthn_register_state" not in request.session


def test_a_passkey_cannot_replace_the_password(db):
    response = Client().post(reverse("otp_webauthn:credential-authentication-begin"))
    assert response.status_code == 403
