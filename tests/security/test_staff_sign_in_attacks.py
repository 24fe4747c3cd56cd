"""Staff sign-in under attack (security M5, L4, L7, L9): password guessing throttled and on the record,
a right password alone reveals nothing usable, the session key renewed at every step, wrong codes
counted per sign-in (not per device), and staff sessions that end when idle and after a fixed time."""

import re
from datetime import timedelta

import pytest
import time_machine
from axes.models import AccessAttempt
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import TOTP

from meldpunt.accounts.models import Role, SealedTOTPDevice, User
from meldpunt.accounts.services import totp_device_create
from meldpunt.audit.models import AuditEvent

PASSWORD = "a-long-password-for-tests"


def code_for(device) -> str:
    device = SealedTOTPDevice.objects.get(pk=device.pk)  # the seed is sealed: read through the sealed model
    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token():06d}"


def wrong_code_for(device) -> str:
    return f"{(int(code_for(device)) + 500_000) % 1_000_000:06d}"


@pytest.fixture
def sanne(db):
    user = User.objects.create_user(username="sanne", password=PASSWORD, role=Role.CCI_HANDLER, email="s@example.org")
    totp_device_create(user=user, name="app", confirmed=True)
    return user


def password_step(client, username="sanne", password=PASSWORD):
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def test_password_guessing_is_locked_out_logged_and_audited(sanne, caplog):
    """Before: 40 wrong passwords in 18 s, all answered 200, no lockout, no log, no audit event."""
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    for n in range(settings.AXES_FAILURE_LIMIT - 1):
        assert password_step(attacker, password=f"guess-{n}").status_code == 200
    assert password_step(attacker, password="guess-last").status_code == 429
    response = password_step(attacker)  # even the right password, now
    assert response.status_code == 429
    assert "Too many wrong passwords" in response.content.decode()
    assert not response.wsgi_request.user.is_authenticated
    actions = list(AuditEvent.objects.filter(target_id=str(sanne.pk)).values_list("action", flat=True))
    assert actions.count("account.sign_in_failed") >= settings.AXES_FAILURE_LIMIT
    assert "account.sign_in_locked_out" in actions
    assert any("staff sign-in failed" in r.getMessage() for r in caplog.records)
    assert not any(PASSWORD in r.getMessage() or "guess-" in r.getMessage() for r in caplog.records)
    # The real user, from their own address, is not shut out by someone else's guesses.
    assert password_step(Client(REMOTE_ADDR="198.51.100.7")).status_code == 302


def test_a_right_password_alone_shows_the_same_second_step_for_every_account(sanne):
    """A password without a bound authenticator (a new account, or a reset) shows nothing to use."""
    User.objects.create_user(username="nieuw", password=PASSWORD, role=Role.CCI_HANDLER, email="n@example.org")

    def second_step_page(username):
        client = Client()
        password_step(client, username=username)
        page = client.get(reverse("accounts:second-factor")).content.decode()
        page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)
        return re.sub(r'"csrfToken": "[^"]+"', "", page)  # each session has its own CSRF token

    assert second_step_page("sanne") == second_step_page("nieuw")
    assert 'id="totp-secret"' not in second_step_page("nieuw")


def test_the_session_key_is_renewed_at_the_second_step(sanne):
    """Before: the pre-TOTP session id became the fully signed-in one (L4)."""
    client = Client()
    password_step(client)
    half_signed_in_key = client.cookies[settings.SESSION_COOKIE_NAME].value
    response = client.post(reverse("accounts:second-factor"), {"token": code_for(sanne.totpdevice_set.get())})
    assert response.status_code == 302
    assert client.cookies[settings.SESSION_COOKIE_NAME].value != half_signed_in_key
    assert client.get(reverse("cases:inbox")).status_code == 200
    planted = Client()
    planted.cookies[settings.SESSION_COOKIE_NAME] = half_signed_in_key
    assert planted.get(reverse("cases:inbox")).status_code == 302


def test_wrong_codes_from_a_password_holder_do_not_throttle_the_real_user(sanne):
    """Before: the throttle was per device, so anyone with the password kept the real user out (L7)."""
    device = sanne.totpdevice_set.get()
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    password_step(attacker)
    for _ in range(settings.STAFF_SECOND_FACTOR_TRIES - 1):
        attacker.post(reverse("accounts:second-factor"), {"token": wrong_code_for(device)})
    real = Client(REMOTE_ADDR="198.51.100.7")
    password_step(real)
    response = real.post(reverse("accounts:second-factor"), {"token": code_for(device)})
    assert response.status_code == 302 and real.get(reverse("cases:inbox")).status_code == 200


def test_too_many_wrong_codes_start_the_sign_in_over_and_count_as_a_failed_sign_in(sanne):
    device = sanne.totpdevice_set.get()
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    password_step(attacker)
    for _ in range(settings.STAFF_SECOND_FACTOR_TRIES):
        response = attacker.post(reverse("accounts:second-factor"), {"token": wrong_code_for(device)})
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))
    assert attacker.get(reverse("accounts:second-factor")).status_code == 302  # signed out: the password again
    assert AccessAttempt.objects.filter(username="sanne").get().failures_since_start == 1
    assert AuditEvent.objects.filter(action="account.second_factor_failed", actor=sanne).count() == settings.STAFF_SECOND_FACTOR_TRIES


def signed_in_through_the_pages(user) -> Client:
    client = Client()
    password_step(client, username=user.username)
    assert client.post(reverse("accounts:second-factor"), {"token": code_for(user.totpdevice_set.get())}).status_code == 302
    return client


def test_an_idle_staff_session_ends(sanne):
    """Before: an 8-hour persistent cookie and no idle timeout (L9)."""
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client = signed_in_through_the_pages(sanne)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        assert not cookie["max-age"] and not cookie["expires"], "a browser-session cookie"
    with time_machine.travel(start + timedelta(seconds=settings.STAFF_IDLE_SECONDS + 60), tick=False):
        response = client.get(reverse("cases:inbox"))
        assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))
        assert client.get(reverse("cases:inbox")).status_code == 302


def test_an_active_staff_session_still_ends_at_the_absolute_limit(sanne):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client = signed_in_through_the_pages(sanne)
    step = timedelta(seconds=settings.STAFF_IDLE_SECONDS // 2)
    moment = start
    while moment - start < timedelta(seconds=settings.STAFF_SESSION_MAX_SECONDS - step.total_seconds()):
        moment += step
        with time_machine.travel(moment, tick=False):
            assert client.get(reverse("cases:inbox")).status_code == 200
    with time_machine.travel(start + timedelta(seconds=settings.STAFF_SESSION_MAX_SECONDS + 60), tick=False):
        assert client.get(reverse("cases:inbox")).status_code == 302
