"""A receipt code held for the person who must write it down, without a readable copy on the server.

A new receipt code has to survive a reload, a language switch and a failed print, until the person
says they have saved it. Keeping it in the session would put it, readable, in the session table
(and in every backup of it). So the server keeps only ciphertext: the code is sealed with a fresh
random key (AES-256-GCM through meldpunt.crypto), the ciphertext goes into the session, and the key
goes to the person's browser in a short-lived, HttpOnly, SameSite=Strict cookie limited to the path
of the page that shows the code. Neither half alone opens the code: a dump of the sessions has no
key, a stolen cookie has no ciphertext. When the person confirms, or the cookie or the session ends,
the code is gone for good (the server never had a readable copy to lose).

One "slot" per code being held: the reporter's own receipt, or one slip per report for a manager or a
counsellor who hands a code over (they see it only until they confirm it is printed and handed over).
"""

from __future__ import annotations

import base64
import hashlib
import time
from dataclasses import dataclass

from django.conf import settings

from meldpunt import crypto

SESSION_KEY = "held_codes"


@dataclass(frozen=True)
class HeldCode:
    code: str
    language: str

    @property
    def display(self) -> str:
        from .receipts import display

        return display(self.code)


def _cookie_name(slot: str) -> str:
    return "hold-" + hashlib.sha256(slot.encode()).hexdigest()[:16]


def _aad(slot: str) -> str:
    return f"held-code:{slot}"


def hold(request, response, *, slot: str, code: str, language: str, path: str) -> None:
    """Keep `code` for this browser: ciphertext in the session, its key in a cookie on `path` only."""
    key = crypto.generate_data_key()
    sealed = crypto.seal_text(key, f"{language}:{code}", aad=_aad(slot))
    held = request.session.get(SESSION_KEY, {})
    held[slot] = {"sealed": base64.b64encode(sealed).decode(), "until": time.time() + settings.RECEIPT_HOLD_SECONDS}
    request.session[SESSION_KEY] = held
    response.set_cookie(
        _cookie_name(slot), base64.urlsafe_b64encode(key).decode(), max_age=settings.RECEIPT_HOLD_SECONDS,
        path=path, secure=settings.SESSION_COOKIE_SECURE, httponly=True, samesite="Strict",
    )


def read(request, *, slot: str) -> HeldCode | None:
    """The held code, when this browser has both halves and the hold has not run out; else None."""
    entry = request.session.get(SESSION_KEY, {}).get(slot)
    cookie = request.COOKIES.get(_cookie_name(slot))
    if not entry or not cookie or entry.get("until", 0) < time.time():
        return None
    try:
        key = base64.urlsafe_b64decode(cookie.encode())
        language, code = crypto.open_text(key, base64.b64decode(entry["sealed"]), aad=_aad(slot)).split(":", 1)
    except (ValueError, crypto.DecryptionError):
        return None
    return HeldCode(code=code, language=language)


def release(request, response, *, slot: str, path: str) -> None:
    """Forget the code: the ciphertext leaves the session and the browser drops the key."""
    held = request.session.get(SESSION_KEY, {})
    if held.pop(slot, None) is not None:
        request.session[SESSION_KEY] = held
    _forget_expired(request)
    response.delete_cookie(_cookie_name(slot), path=path, samesite="Strict")


def _forget_expired(request) -> None:
    held = request.session.get(SESSION_KEY, {})
    now = time.time()
    kept = {slot: entry for slot, entry in held.items() if entry.get("until", 0) >= now}
    if kept != held:
        request.session[SESSION_KEY] = kept
