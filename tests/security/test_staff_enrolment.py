"""M11: second factors are bound only through a one-time enrolment link.

Before: whoever first signed in with a new account's password saw the TOTP secret and bound their own
authenticator (trust on first use). Now the account starts without a usable password; the link lets its
holder choose one and bind an authenticator, once, before it expires, and every step is audited.
"""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from meldpunt.accounts.models import Invitation, Role, SealedTOTPDevice, User
from meldpunt.accounts.services import staff_user_create
from meldpunt.audit.models import AuditEvent

PASSWORD = "Een-lang-wachtwoord-2026"


def code_for(device) -> str:
    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token():06d}"


def link_from(output: str) -> str:
    return re.search(r"https?://\S+/staff/enrol/\S+/", output).group(0)


def path_of(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def enrol(client: Client, path: str, password: str = PASSWORD):
    page = client.get(path)
    assert page.status_code == 200
    device = SealedTOTPDevice.objects.get(user__username=page.context["staff_user"].username, confirmed=False)
    return client.post(path, {"new_password1": password, "new_password2": password, "token": code_for(device)}), device


def test_a_password_alone_no_longer_binds_an_authenticator(db):
    """The review's reproduction: a new account's password, then /staff/2fa/ showed the secret."""
    staff_user_create(username="newstaff", email="n@x.example", role=Role.CCI_HANDLER, password="Temp-Passw0rd-2026!")
    client = Client()
    response = client.post(reverse("accounts:login"), {"username": "newstaff", "password": "Temp-Passw0rd-2026!"}, follow=True)
    page = response.content.decode()
    assert 'id="totp-secret"' not in page and "<svg" not in page
    assert not TOTPDevice.objects.filter(user__username="newstaff").exists()
    response = client.post(reverse("accounts:second-factor"), {"token": "123456"})
    assert response.status_code == 200 and response.context["form"].errors["token"]
    assert client.get(reverse("cases:inbox")).status_code == 302


def test_first_administrator_enrols_through_the_printed_link_once(db):
    url = link_from(run("create_admin", "beheer", "--email", "beheer@example.org"))
    admin = User.objects.get(username="beheer")
    assert admin.role == Role.ADMINISTRATOR and not admin.has_usable_password()
    client = Client()
    response, device = enrol(client, path_of(url))
    assert response.status_code == 302 and response["Location"] == reverse("accounts:login")
    admin.refresh_from_db()
    assert admin.check_password(PASSWORD)
    device.refresh_from_db()
    assert device.confirmed
    # The link works once.
    assert Client().get(path_of(url)).status_code == 404
    # Then, with the next code (a code is accepted once), a normal sign-in passes both steps.
    with time_machine.travel(timezone.now() + timedelta(seconds=31)):
        device.refresh_from_db()
        client.post(reverse("accounts:login"), {"username": "beheer", "password": PASSWORD})
        response = client.post(reverse("accounts:second-factor"), {"token": code_for(device)})
    assert response.status_code == 302
    actions = list(AuditEvent.objects.filter(target_id=str(admin.pk)).values_list("action", "actor_label"))
    assert ("account.created", "command line") in actions
    assert ("account.invitation_issued", "command line") in actions
    assert ("account.enrolled", "beheer") in actions


def test_a_second_first_administrator_is_refused(db):
    run("create_admin", "beheer", "--email", "beheer@example.org")
    with pytest.raises(CommandError):
        run("create_admin", "beheer2", "--email", "b2@example.org")


def test_invited_staff_member_enrols_and_the_link_expires(db):
    url = link_from(run("invite_staff", "sanne", "--email", "s@example.org", "--role", "cci_handler"))
    user = User.objects.get(username="sanne")
    assert user.role == Role.CCI_HANDLER and not user.has_usable_password()
    with time_machine.travel(timezone.now() + timedelta(days=4)):
        assert Client().get(path_of(url)).status_code == 404
    # A reset link replaces the old one; the old one stops working.
    new_url = link_from(run("invite_staff", "sanne", "--reset"))
    assert Client().get(path_of(url)).status_code == 404
    response, _device = enrol(Client(), path_of(new_url))
    assert response.status_code == 302
    assert Invitation.objects.filter(user=user, used_at__isnull=False).count() == 1


def test_bad_input_on_the_enrolment_page_keeps_the_link_usable(db):
    url = link_from(run("invite_staff", "sanne", "--email", "s@example.org", "--role", "cci_handler"))
    client = Client()
    client.get(path_of(url))
    response = client.post(path_of(url), {"new_password1": PASSWORD, "new_password2": PASSWORD, "token": "000000"})
    assert response.status_code == 200 and response.context["form"].errors["token"]
    response = client.post(path_of(url), {"new_password1": "short", "new_password2": "short", "token": "000000"})
    assert response.context["password_form"].errors
    assert not User.objects.get(username="sanne").has_usable_password()
    with time_machine.travel(timezone.now() + timedelta(minutes=1)):  # past the wrong code's short wait
        response, _device = enrol(client, path_of(url))
    assert response.status_code == 302


def test_admin_action_emails_the_link_to_the_user_not_the_administrator(db, staff_factory, client_for):
    admin = staff_factory(Role.ADMINISTRATOR)
    admin.is_staff = admin.is_superuser = True
    admin.save()
    handler = staff_factory(Role.CCI_HANDLER)
    client = client_for(admin)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("django.db.transaction.on_commit", lambda func, *a, **k: func())
        response = client.post(
            reverse("admin:accounts_user_changelist"),
            {"action": "send_enrolment_link", "_selected_action": [handler.pk]}, follow=True,
        )
    assert response.status_code == 200
    assert "/staff/enrol/" not in response.content.decode()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [handler.email]
    path = re.search(r"/staff/enrol/\S+/", mail.outbox[0].body).group(0)
    assert Client().get(path).status_code == 200
    event = AuditEvent.objects.get(action="account.invitation_issued", target_id=str(handler.pk))
    assert event.actor_id == admin.pk


# --- a passkey instead of the authenticator app (the ceremony itself: tests/browser/test_passkeys.py) --


def test_the_enrolment_page_offers_an_app_or_a_passkey_and_renews_the_session_key(db):
    url = link_from(run("invite_staff", "sanne", "--email", "s@example.org", "--role", "cci_handler"))
    client = Client()
    client.get(reverse("accounts:login"))  # a session from before the link was opened
    client.session.save()
    before = client.session.session_key
    page = client.get(path_of(url))
    html = page.content.decode()
    assert 'id="totp-secret"' in html and 'id="passkey-registration-placeholder"' in html
    token = path_of(url).rstrip("/").rsplit("/", 1)[1]
    assert reverse("accounts:enrol-passkey-begin", kwargs={"token": token}) in html
    assert client.session.session_key != before, "opening the link starts a new session key"


def test_finishing_with_a_passkey_that_was_never_added_keeps_everything(db):
    url = link_from(run("invite_staff", "sanne", "--email", "s@example.org", "--role", "cci_handler"))
    client = Client()
    client.get(path_of(url))
    response = client.post(path_of(url), {"new_password1": PASSWORD, "new_password2": PASSWORD, "method": "passkey"})
    assert response.status_code == 200
    assert "Add your passkey first" in response.content.decode()
    assert response.context["password_form"]["new_password1"].value() == PASSWORD  # what was typed stays
    assert not User.objects.get(username="sanne").has_usable_password()
    response, _device = enrol(client, path_of(url))  # the app still works with the same link
    assert response.status_code == 302


def test_the_passkey_ceremony_needs_the_open_link_in_this_session(db):
    from django_otp_webauthn.models import WebAuthnCredential

    url = link_from(run("invite_staff", "sanne", "--email", "s@example.org", "--role", "cci_handler"))
    token = path_of(url).rstrip("/").rsplit("/", 1)[1]
    begin = reverse("accounts:enrol-passkey-begin", kwargs={"token": token})
    complete = reverse("accounts:enrol-passkey-complete", kwargs={"token": token})
    # The token alone, in a session that never opened the page: refused.
    stranger = Client()
    assert stranger.post(begin, content_type="application/json").status_code == 403
    assert "otp_webauthn_register_state" not in stranger.session
    # A made-up token: refused even in a session that opened the real link.
    client = Client()
    client.get(path_of(url))
    wrong = reverse("accounts:enrol-passkey-begin", kwargs={"token": "not-an-issued-link"})
    assert client.post(wrong, content_type="application/json").status_code == 403
    # The session that opened the link gets the options, for the invited person only.
    response = client.post(begin, content_type="application/json")
    assert response.status_code == 200
    assert response.json()["user"]["name"] == "sanne"
    assert "otp_webauthn_register_state" in client.session
    assert client.post(complete, {}, content_type="application/json").status_code == 422  # no valid answer
    assert not WebAuthnCredential.objects.filter(user__username="sanne").exists()
    # Once the link is used (here with the app), the ceremony is closed too.
    enrol(client, path_of(url))
    again = Client()
    again.get(path_of(url))
    assert again.post(begin, content_type="application/json").status_code == 403


def test_a_registered_passkey_waits_unconfirmed_until_the_enrolment_is_finished(db):
    """The service the ceremony calls: the new credential cannot sign anyone in before the password
    is chosen; finishing confirms it, removes the unused app and audits under the person enrolling."""
    from django_otp_webauthn.models import WebAuthnCredential

    from meldpunt.accounts import services

    url = link_from(run("invite_staff", "sanne", "--email", "s@example.org", "--role", "cci_handler"))
    client = Client()
    client.get(path_of(url))
    user = User.objects.get(username="sanne")
    invitation = Invitation.objects.get(user=user, used_at=None)
    credential = WebAuthnCredential.objects.create(
        user=user, credential_id=b"id", public_key=b"key", sign_count=0, aaguid="00000000-0000-0000-0000-000000000000",
    )
    services.enrolment_passkey_registered(invitation=invitation, credential=credential)
    credential.refresh_from_db()
    assert not credential.confirmed
    session = client.session
    session["staff_enrol_passkey"] = credential.pk
    session.save()
    response = client.post(path_of(url), {"new_password1": PASSWORD, "new_password2": PASSWORD, "method": "passkey"})
    assert response.status_code == 302 and response["Location"] == reverse("accounts:login")
    credential.refresh_from_db()
    assert credential.confirmed
    assert not TOTPDevice.objects.filter(user=user).exists()
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
    events = {e.action: e for e in AuditEvent.objects.filter(target_id=str(user.pk))}
    assert events["account.passkey_added"].actor_id == user.pk
    assert events["account.enrolled"].actor_id == user.pk and events["account.enrolled"].detail["factor"] == "passkey"
    assert client.session.get("staff_enrol_invitation") is None  # the enrolment session is over
    assert Client().get(path_of(url)).status_code == 404
