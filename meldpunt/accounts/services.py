from __future__ import annotations

import base64
import io

import qrcode
import qrcode.image.svg
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from meldpunt.audit.services import audit_record

from .models import User


def totp_device_for_enrolment(*, user: User) -> TOTPDevice:
    """The user's unconfirmed TOTP device, made on first need (one per user until confirmed)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator app", confirmed=False)
    return device


def totp_confirmed_device(*, user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def totp_secret_base32(device: TOTPDevice) -> str:
    return base64.b32encode(device.bin_key).decode()


def totp_qr_svg(device: TOTPDevice) -> str:
    """The otpauth:// URL as an inline SVG QR code: made here, no third-party service sees the secret."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode()
    # Inline in an HTML page: an XML declaration there is an error (the W3C Nu validator says so).
    return svg[svg.index("?>") + 2:].lstrip() if svg.startswith("<?xml") else svg


@transaction.atomic
def totp_enrolment_confirm(*, user: User, device: TOTPDevice) -> None:
    TOTPDevice.objects.filter(user=user, confirmed=True).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    audit_record(actor=user, action="account.second_factor_enrolled", target=user)


def staff_user_create(*, username: str, email: str, role: str, password: str, post=None, **extra) -> User:
    user = User(username=username, email=email, role=role, post=post, **extra)
    user.set_password(password)
    user.full_clean()
    user.save()
    return user
