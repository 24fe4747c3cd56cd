from __future__ import annotations

import base64
import hashlib
import io
import logging
import secrets
from datetime import timedelta

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from meldpunt.audit.services import audit_record
from meldpunt.notifications import notify

from .models import (
    FOUR_EYES_ROLES,
    SEALED_SEED_MARK,
    Invitation,
    Role,
    SealedTOTPDevice,
    StaffChangeRequest,
    TOTPSeed,
    User,
)


@transaction.atomic
def totp_device_create(*, user: User, name: str, confirmed: bool, key: str | None = None) -> SealedTOTPDevice:
    """An authenticator app for `user` with a new random seed (or `key`, hex, for the demo), sealed at
    rest: django-otp's key column holds only SEALED_SEED_MARK."""
    device = SealedTOTPDevice.objects.create(user=user, name=name, confirmed=confirmed, key=SEALED_SEED_MARK)
    totp_seed_set(device=device, key=key or random_hex(20))
    return device


def totp_seed_set(*, device: SealedTOTPDevice, key: str) -> None:
    """Seal `key` (hex) as the device's seed, replacing any earlier one."""
    TOTPSeed.objects.filter(device=device).delete()
    seed = TOTPSeed(device=device)
    seed.seal("seed", key)
    seed.save()
    device.sealed_seed = seed


def totp_device_for_enrolment(*, user: User) -> SealedTOTPDevice:
    """The user's unconfirmed TOTP device, made on first need (one per user until confirmed)."""
    device = SealedTOTPDevice.objects.select_related("sealed_seed").filter(user=user, confirmed=False).first()
    if device is None:
        device = totp_device_create(user=user, name="authenticator app", confirmed=False)
    return device


def totp_confirmed_device(*, user: User) -> SealedTOTPDevice | None:
    return SealedTOTPDevice.objects.select_related("sealed_seed").filter(user=user, confirmed=True).first()


def totp_secret_base32(device: SealedTOTPDevice) -> str:
    return base64.b32encode(device.bin_key).decode()


def totp_qr_svg(device: SealedTOTPDevice) -> str:
    """The otpauth:// URL as an inline SVG QR code: made here, no third-party service sees the secret."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode()
    # Inline in an HTML page: an XML declaration there is an error (the W3C Nu validator says so).
    return svg[svg.index("?>") + 2:].lstrip() if svg.startswith("<?xml") else svg


def staff_language_set(*, user: User, language: str) -> User:
    """The staff member's own choice of staff language (Dutch or English), on the record."""
    if language not in settings.STAFF_LANGUAGES:
        raise ValueError(f"{language!r} is not a staff language")
    with transaction.atomic():
        user.preferred_language = language
        user.full_clean()
        user.save(update_fields=["preferred_language"])
        audit_record(actor=user, action="account.staff_language_set", target=user, language=language)
    return user


def staff_user_create(*, username: str, email: str, role: str, password: str, post=None, **extra) -> User:
    user = User(username=username, email=email, role=role, post=post, **extra)
    user.set_password(password)
    user.full_clean()
    user.save()
    return user


# --- enrolment by one-time invitation link --------------------------------------------------------


class InvitationError(Exception):
    """An invitation could not be issued or redeemed; the message says why, for the operator."""


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_url(token: str) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("accounts:enrol", kwargs={"token": token})


def invitation_send(*, user: User, actor: User) -> None:
    """Issue a new enrolment link and email it to the user only: the administrator never sees it,
    so an administrator cannot take over someone else's account with it."""
    url = invitation_issue(user=user, actor=actor)
    link = url[len(settings.SITE_URL.rstrip("/")):]
    transaction.on_commit(lambda: notify(
        recipients=[user.email], template="staff_enrolment", link=link, hours=settings.STAFF_INVITATION_HOURS,
    ))


@transaction.atomic
def invitation_issue(*, user: User, actor: User | None) -> str:
    """A new one-time enrolment link for `user` (older open links stop working). Returns the URL.

    `actor` is the administrator who asked for it, or None on the server's command line.
    """
    if not user.is_active:
        raise InvitationError(f"{user.get_username()} is not active.")
    now = timezone.now()
    Invitation.objects.filter(user=user, used_at=None, revoked_at=None).update(revoked_at=now)
    token = secrets.token_urlsafe(32)
    invitation = Invitation(
        user=user, token_hash=_token_hash(token), created_at=now,
        expires_at=now + timedelta(hours=settings.STAFF_INVITATION_HOURS), created_by=actor,
    )
    invitation.full_clean()
    invitation.save()
    audit_record(
        actor=actor, actor_label="" if actor else "command line", action="account.invitation_issued", target=user,
        invitation=invitation.pk, expires_at=invitation.expires_at.isoformat(),
    )
    return invitation_url(token)


def invitation_open(*, token: str) -> Invitation | None:
    """The invitation this token belongs to, if it may still be used; None otherwise."""
    invitation = (
        Invitation.objects.select_related("user")
        .filter(token_hash=_token_hash(token), used_at=None, revoked_at=None, expires_at__gt=timezone.now())
        .first()
    )
    if invitation is None or not invitation.user.is_active:
        return None
    return invitation


def totp_device_for_invitation(*, invitation: Invitation) -> SealedTOTPDevice:
    """The unconfirmed authenticator being bound through this invitation, made on first need."""
    return totp_device_for_enrolment(user=invitation.user)


@transaction.atomic
def enrolment_passkey_registered(*, invitation: Invitation, credential) -> None:
    """A passkey registered through an enrolment link: kept unconfirmed (no use for signing in) until
    the enrolment is redeemed with it; on the record under the person enrolling."""
    credential.confirmed = False
    credential.save(update_fields=["confirmed"])
    audit_record(
        actor=invitation.user, action="account.passkey_added", target=invitation.user,
        invitation=invitation.pk, device=credential.persistent_id,
    )


def enrolment_passkey(*, invitation: Invitation, pk) -> object | None:
    """The unconfirmed passkey registered through this invitation's session, if there is one."""
    from django_otp_webauthn.models import WebAuthnCredential

    if pk is None:
        return None
    return WebAuthnCredential.objects.filter(pk=pk, user=invitation.user, confirmed=False).first()


@transaction.atomic
def invitation_redeem(*, invitation: Invitation, password: str, device) -> User:
    """Set the password and bind `device` (checked by the caller) as the only second factor; once."""
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if locked.used_at or locked.revoked_at or locked.expires_at <= timezone.now():
        raise InvitationError("This enrolment link was already used or has expired.")
    user = User.objects.select_for_update().get(pk=locked.user_id)
    user.set_password(password)
    user.save(update_fields=["password"])
    for other in devices_of(user=user):
        if other != device:
            other.delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    locked.used_at = timezone.now()
    locked.save(update_fields=["used_at"])
    audit_record(
        actor=user, action="account.enrolled", target=user, invitation=locked.pk, device=device.persistent_id,
        factor="totp" if isinstance(device, TOTPDevice) else "passkey",
    )
    return user


def devices_of(*, user: User) -> list:
    """Every second-factor device of the user, confirmed or not, of every kind."""
    from django_otp import devices_for_user

    return list(devices_for_user(user, confirmed=None))


@transaction.atomic
def staff_invite(*, username: str, email: str, role: str, actor: User | None, post=None) -> tuple[User, str]:
    """Create a staff account with no usable password and issue its one-time enrolment link."""
    user = User(username=username, email=email, role=role, post=post, is_staff=role == Role.ADMINISTRATOR)
    user.set_unusable_password()
    user.full_clean()
    user.save()
    audit_record(
        actor=actor, actor_label="" if actor else "command line", action="account.created", target=user, role=role,
    )
    return user, invitation_issue(user=user, actor=actor)


@transaction.atomic
def first_admin_create(*, username: str, email: str) -> tuple[User, str]:
    """The first administrator, from the server's command line; refused once an administrator exists."""
    if User.objects.filter(role=Role.ADMINISTRATOR, is_active=True).exists():
        raise InvitationError("An administrator exists already: invite further staff with invite_staff or the admin.")
    user, url = staff_invite(username=username, email=email, role=Role.ADMINISTRATOR, actor=None)
    user.is_staff = user.is_superuser = True
    user.save(update_fields=["is_staff", "is_superuser"])
    return user, url


# --- sign-in: failures on the record --------------------------------------------------------------

security_log = logging.getLogger("meldpunt.security")


def client_address(request) -> str:
    """The staff member's address for django-axes: the socket's, or the one the trusted proxy saw."""
    hops = settings.TRUSTED_PROXY_HOPS
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if hops and len(forwarded) >= hops:
        return forwarded[-hops]
    return request.META.get("REMOTE_ADDR", "")


def sign_in_failed(*, username: str, step: str) -> None:
    """A wrong password, or too many wrong codes: logged and audited. The typed name is not kept (it
    may be a password typed in the wrong field); the account it names is, if there is one."""
    user = User.objects.filter(username=username).first() if username else None
    audit_record(actor=None, actor_label="anonymous", action="account.sign_in_failed", target=user, step=step)
    security_log.warning("staff sign-in failed at the %s step (account %s)", step, user.pk if user else "unknown")


def sign_in_locked_out(*, username: str) -> None:
    user = User.objects.filter(username=username).first() if username else None
    audit_record(actor=None, actor_label="anonymous", action="account.sign_in_locked_out", target=user)
    security_log.warning("staff sign-in locked out (account %s)", user.pk if user else "unknown")


def second_factor_failed(*, user: User, failures: int) -> None:
    audit_record(actor=user, action="account.second_factor_failed", target=user, failures_this_sign_in=failures)


# --- administrators: every change on the record, four eyes on what opens sealed text -------------


class ChangeRefused(Exception):
    """A change an administrator may not make (to themselves, or confirming their own request)."""


AUDITED_USER_FIELDS = ("username", "first_name", "last_name", "email", "role", "post", "preferred_language", "is_active")


def _pending(*, user: User, field: str, value: str, actor: User) -> StaffChangeRequest:
    StaffChangeRequest.objects.filter(user=user, field=field, outcome=StaffChangeRequest.Outcome.PENDING).update(
        outcome=StaffChangeRequest.Outcome.REFUSED, decided_at=timezone.now()
    )
    change = StaffChangeRequest(user=user, field=field, value=value, requested_by=actor, requested_at=timezone.now())
    change.full_clean()
    change.save()
    audit_record(actor=actor, action="account.change_requested", target=user, field=field, value=value, request=change.pk)
    return change


@transaction.atomic
def staff_user_admin_save(*, actor: User, user: User, original: User | None, changed: list[str]) -> list[StaffChangeRequest]:
    """Save an administrator's edit of a staff account. Nobody edits their own account here; a role in
    FOUR_EYES_ROLES, a new email address and (re)activation wait for a second administrator; everything
    else is saved, and every change is audited under the administrator who made it."""
    if original is not None and user.pk == actor.pk:
        raise ChangeRefused("Administrators cannot change their own account here.")
    requests = []
    if original is None:  # a new account: inactive, without password, until a second administrator confirms
        user.is_active = False
        user.is_staff = user.is_superuser = False
        user.set_unusable_password()
        user.full_clean()
        user.save()
        audit_record(actor=actor, action="account.created", target=user, role=user.role)
        requests.append(_pending(user=user, field=StaffChangeRequest.Field.ACTIVATE, value=user.role, actor=actor))
        return requests
    if "role" in changed and user.role in FOUR_EYES_ROLES:
        requests.append(_pending(user=user, field=StaffChangeRequest.Field.ROLE, value=user.role, actor=actor))
        user.role = original.role
    if "email" in changed:
        requests.append(_pending(user=user, field=StaffChangeRequest.Field.EMAIL, value=user.email, actor=actor))
        user.email = original.email
    if "is_active" in changed and user.is_active:
        requests.append(_pending(user=user, field=StaffChangeRequest.Field.ACTIVATE, value=user.role, actor=actor))
        user.is_active = False
    if user.role != Role.ADMINISTRATOR:
        user.is_staff = user.is_superuser = False
    user.full_clean()
    user.save()
    saved = {f: str(getattr(user, f)) for f in AUDITED_USER_FIELDS if getattr(user, f) != getattr(original, f)}
    if saved:
        audit_record(actor=actor, action="account.changed", target=user, **saved)
    return requests


@transaction.atomic
def staff_change_decide(*, change: StaffChangeRequest, actor: User, confirm: bool) -> None:
    """A second administrator confirms (applies) or refuses a waiting change."""
    change = StaffChangeRequest.objects.select_for_update().get(pk=change.pk)
    if change.outcome != StaffChangeRequest.Outcome.PENDING:
        raise ChangeRefused("This change was decided already.")
    if actor.pk in (change.requested_by_id, change.user_id):
        raise ChangeRefused("A second administrator must decide: not the one who asked, nor the person concerned.")
    change.outcome = StaffChangeRequest.Outcome.CONFIRMED if confirm else StaffChangeRequest.Outcome.REFUSED
    change.decided_by, change.decided_at = actor, timezone.now()
    change.save()
    audit_record(
        actor=actor, action="account.change_confirmed" if confirm else "account.change_refused", target=change.user,
        field=change.field, value=change.value, request=change.pk, requested_by=change.requested_by_id,
    )
    if not confirm:
        return
    user = User.objects.select_for_update().get(pk=change.user_id)
    if change.field == StaffChangeRequest.Field.ROLE:
        user.role = change.value
    elif change.field == StaffChangeRequest.Field.EMAIL:
        user.email = change.value
    else:
        user.is_active = True
    user.is_staff = user.is_superuser = user.role == Role.ADMINISTRATOR
    user.full_clean()
    user.save()
    if change.field == StaffChangeRequest.Field.ACTIVATE and not user.has_usable_password():
        invitation_send(user=user, actor=actor)


def staff_user_admin_delete(*, actor: User, user: User) -> None:
    if user.pk == actor.pk:
        raise ChangeRefused("Administrators cannot delete their own account.")
    audit_record(actor=actor, action="account.deleted", target=user, username=user.get_username())


def device_admin_delete(*, actor: User, device) -> None:
    audit_record(
        actor=actor, action="account.device_deleted", target=device.user, device=device.persistent_id,
    )


def passkeys_of(*, user: User) -> list:
    from django_otp_webauthn.models import WebAuthnCredential

    return list(WebAuthnCredential.objects.filter(user=user, confirmed=True).order_by("created_at"))
