"""Staff sign in with a password and a TOTP code (enrolment: tests/security/test_staff_enrolment.py)."""

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP

from meldpunt.accounts.models import Role, User
from meldpunt.accounts.services import totp_device_create


def code_for(device) -> str:
    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token():06d}"


@pytest.fixture
def new_handler(db):
    return User.objects.create_user(username="sanne", password="a-long-password-1", role=Role.CCI_HANDLER, email="s@example.org")


def test_a_wrong_code_is_refused_with_a_clear_message(new_handler):
    totp_device_create(user=new_handler, name="app", confirmed=True)
    client = Client(HTTP_ACCEPT_LANGUAGE="nl")
    client.post(reverse("accounts:login"), {"username": "sanne", "password": "a-long-password-1"})
    response = client.post(reverse("accounts:second-factor"), {"token": "000000"})
    assert response.status_code == 200
    assert response.context["form"].errors["token"]
    assert client.get(reverse("cases:inbox")).status_code == 302
    response = client.post(reverse("accounts:second-factor"), {"token": "abcdef"})
    assert response.context["form"].errors["token"]


def test_every_role_exists():
    assert {r.value for r in Role} == {
        "cci_handler", "cci_coordinator", "external_handler", "external_coordinator", "complaints_secretary", "complaints_chair", "manager",
        "counsellor", "counsellor_coordinator", "administrator", "translator",
    }


def test_staff_home_sends_desk_staff_to_their_inbox(staff_factory, client_for):
    response = client_for(staff_factory("cci_coordinator")).get(reverse("staff-home"))
    assert response["Location"] == reverse("cases:inbox")
    response = client_for(staff_factory("manager")).get(reverse("staff-home"))
    assert response["Location"] == reverse("manager:home")
