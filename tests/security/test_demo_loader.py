"""M13: the demo loader is for a developer's machine only.

It creates an administrator with a public password and authenticator keys anyone can compute from the
source. On a real installation it must refuse, and even in the demo it must never hand a public second
factor to someone's real account that happens to share a demo user name.
"""

import io

import pytest
from django.core.management import CommandError, call_command
from django_otp.plugins.otp_totp.models import TOTPDevice

from meldpunt.accounts.models import Role, User


def test_load_demo_refuses_on_a_production_installation(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("load_demo", stdout=io.StringIO())
    assert not User.objects.filter(username="admin").exists()
    assert not TOTPDevice.objects.exists()


def test_load_demo_never_gives_a_real_account_a_public_authenticator(db, settings):
    settings.DEBUG = True
    real = User.objects.create_user(
        username="admin", email="eva.real@minbuza.example", password="a-real-secret-pass", role=Role.MANAGER
    )
    own = TOTPDevice.objects.create(user=real, name="phone", confirmed=True)

    call_command("load_demo", stdout=io.StringIO())

    real.refresh_from_db()
    assert list(TOTPDevice.objects.filter(user=real)) == [own]
    assert real.check_password("a-real-secret-pass")
    assert real.role == Role.MANAGER and not real.is_superuser
    assert real.email == "eva.real@minbuza.example"
    # the other demo accounts are there as usual
    assert TOTPDevice.objects.filter(user__username="cci", name="demo authenticator", confirmed=True).exists()

