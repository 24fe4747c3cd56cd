"""L8: TOTP seeds sealed at rest.

Before: django-otp's `otp_totp_totpdevice.key` held every staff member's authenticator seed in clear, so
whoever had a database dump (a backup, a replica) could compute anyone's six-digit codes. Now the seed
is sealed under its own data key, wrapped by the key-encryption key that lives outside the database,
bound to its device and owner; django-otp's key column holds only a non-hexadecimal mark, so even
django-otp's own unsealed model cannot check codes against it.
"""

import base64
import binascii
import io

import pytest
import time_machine
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from meldpunt import crypto
from meldpunt.accounts.models import SEALED_SEED_MARK, Role, SealedTOTPDevice, TOTPSeed, User
from meldpunt.accounts.services import totp_device_create
from meldpunt.demo import demo_totp_key

PASSWORD = "a-long-password-for-tests"


def code(key: bytes, device, at=None) -> str:
    totp = TOTP(key, device.step, device.t0, device.digits, device.drift)
    if at is not None:
        totp.time = at
    return f"{totp.token():06d}"


@pytest.fixture
def sanne(db):
    user = User.objects.create_user(username="sanne", password=PASSWORD, role=Role.CCI_HANDLER, email="s@example.org")
    totp_device_create(user=user, name="app", confirmed=True)
    return user


def dump_rows() -> list[tuple]:
    """What a database dump holds of the authenticators: every column, as stored."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM otp_totp_totpdevice")
        devices = cursor.fetchall()
        cursor.execute(f"SELECT * FROM {TOTPSeed._meta.db_table}")
        seeds = cursor.fetchall()
    return devices + seeds


def key_candidates(value) -> list[bytes]:
    """Every way someone holding the dump might read a stored value as a TOTP key."""
    raw = bytes(value) if isinstance(value, (bytes, memoryview)) else str(value).encode()
    candidates = [raw]
    for decode in (bytes.fromhex, base64.b32decode, base64.b64decode):
        try:
            candidates.append(decode(raw.decode("latin-1")))
        except (ValueError, binascii.Error):
            pass
    return candidates


def test_a_database_dump_yields_no_usable_seed(sanne):
    device = SealedTOTPDevice.objects.get(user=sanne)
    seed = device.bin_key
    now = timezone.now().timestamp()
    right = code(seed, device, now)
    rows = dump_rows()
    raw_key = next(row for row in rows if device.pk in row and SEALED_SEED_MARK in row)
    assert SEALED_SEED_MARK in raw_key and seed.hex() not in raw_key, "the key column is not the seed"
    for row in rows:
        for value in row:
            if value is None or isinstance(value, (int, float, bool)) or hasattr(value, "isoformat"):
                continue
            blob = bytes(value) if isinstance(value, (bytes, memoryview)) else str(value).encode()
            assert seed not in blob and seed.hex().encode() not in blob.lower()
            assert base64.b32encode(seed) not in blob
            for candidate in key_candidates(value):
                assert code(candidate, device, now) != right or candidate == seed


def test_django_otps_unsealed_model_cannot_check_codes_against_the_column(sanne):
    """Any path that bypasses the sealed model fails instead of accepting codes for an empty key."""
    plain = TOTPDevice.objects.get(user=sanne)
    assert plain.key == SEALED_SEED_MARK
    with pytest.raises(binascii.Error):
        plain.bin_key  # noqa: B018 - reading it is the point


def test_sign_in_with_the_sealed_seed_refuses_replays_and_throttles(sanne):
    device = SealedTOTPDevice.objects.get(user=sanne)
    client = Client()
    client.post(reverse("accounts:login"), {"username": "sanne", "password": PASSWORD})
    right = code(device.bin_key, device)
    assert client.post(reverse("accounts:second-factor"), {"token": right}).status_code == 302
    assert client.get(reverse("cases:inbox")).status_code == 200
    # The same code a second time (someone who watched it being typed): refused.
    again = Client()
    again.post(reverse("accounts:login"), {"username": "sanne", "password": PASSWORD})
    response = again.post(reverse("accounts:second-factor"), {"token": right})
    assert response.status_code == 200 and response.context["form"].errors["token"]
    # Wrong codes are still counted per sign-in (django-otp's per-device throttle is off, security
    # L7): after STAFF_SECOND_FACTOR_TRIES the sign-in starts over, even for a right code then.
    with time_machine.travel(timezone.now().timestamp() + 31, tick=False):
        device = SealedTOTPDevice.objects.get(user=sanne)
        wrong = f"{(int(code(device.bin_key, device)) + 500_000) % 1_000_000:06d}"
        for _ in range(settings.STAFF_SECOND_FACTOR_TRIES - 1):  # the replayed code was the first wrong one
            response = again.post(reverse("accounts:second-factor"), {"token": wrong})
        assert response.status_code == 302 and response["Location"] == reverse("accounts:login")
        response = again.post(reverse("accounts:second-factor"), {"token": code(device.bin_key, device)})
        assert again.get(reverse("cases:inbox")).status_code == 302


def test_a_sealed_seed_copied_onto_another_account_does_not_open(sanne):
    """An attacker who can write to the database copies their own sealed seed onto Sanne's device:
    the associated data names the device and its owner, so it no longer opens."""
    mallory = User.objects.create_user(username="mallory", password=PASSWORD, role=Role.CCI_HANDLER)
    totp_device_create(user=mallory, name="app", confirmed=True)
    theirs = TOTPSeed.objects.get(device__user=mallory)
    TOTPSeed.objects.filter(device__user=sanne).update(wrapped_key=theirs.wrapped_key, seed_sealed=theirs.seed_sealed)
    with pytest.raises(crypto.DecryptionError):
        SealedTOTPDevice.objects.get(user=sanne).bin_key  # noqa: B018
    # Moving Mallory's device to Sanne's account does not work either.
    SealedTOTPDevice.objects.filter(user=mallory).update(user=sanne)
    with pytest.raises(crypto.DecryptionError):
        SealedTOTPDevice.objects.get(pk=theirs.pk).bin_key  # noqa: B018


def test_the_demo_keeps_working_with_sealed_seeds(db, settings):
    """load_demo seals the demo keys; totp_code prints the code the README's key gives."""
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())  # safe to run again
    device = SealedTOTPDevice.objects.get(user__username="cci", name="demo authenticator")
    assert device.confirmed and device.key == SEALED_SEED_MARK
    out = io.StringIO()
    call_command("totp_code", "cci", stdout=out)
    assert out.getvalue().strip() == code(bytes.fromhex(demo_totp_key("cci")), device)
    assert TOTPSeed.objects.filter(device__user__username="cci").count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_migration_seals_existing_devices_and_can_step_back():
    from django.db.migrations.executor import MigrationExecutor

    totp = ("otp_totp", "0003_add_timestamps")
    before, after = [("accounts", "0003_staff_change_requests"), totp], [("accounts", "0004_totp_seeds"), totp]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    user = old.get_model("accounts", "User").objects.create(username="oud", role="cci_handler")
    seed = "3132333435363738393031323334353637383930"
    old.get_model("otp_totp", "TOTPDevice").objects.create(user=user, name="app", key=seed, confirmed=True)

    executor = MigrationExecutor(connection)
    executor.migrate(after)
    device = SealedTOTPDevice.objects.get(user_id=user.pk)
    assert device.key == SEALED_SEED_MARK
    assert device.bin_key == bytes.fromhex(seed)

    executor = MigrationExecutor(connection)
    executor.migrate(before)
    with connection.cursor() as cursor:
        cursor.execute("SELECT key FROM otp_totp_totpdevice WHERE user_id = %s", [user.pk])
        assert cursor.fetchone()[0] == seed
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
