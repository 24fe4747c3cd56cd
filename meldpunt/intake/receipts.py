"""Receipt codes: 24 digits from a CSPRNG, shown once.

The first 8 digits are a public lookup that finds the row; the last 16 are the secret, of which only
an Argon2id hash is stored. Digits, not letters: they type the same on every keyboard, and digits
from other scripts (Arabic-Indic, full-width) are read as the same digits.
"""

from __future__ import annotations

import secrets
import time
import unicodedata

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from django.conf import settings
from django.core.cache import cache

LOOKUP_DIGITS = 8
SECRET_DIGITS = 16
CODE_DIGITS = LOOKUP_DIGITS + SECRET_DIGITS


def _hasher() -> PasswordHasher:
    return PasswordHasher(
        time_cost=getattr(settings, "RECEIPT_HASH_TIME_COST", 3),
        memory_cost=getattr(settings, "RECEIPT_HASH_MEMORY_KIB", 65536),
        parallelism=1,
    )


def random_digits(count: int) -> str:
    return "".join(secrets.choice("0123456789") for _ in range(count))


def hash_secret(secret: str) -> str:
    return _hasher().hash(secret)


def secret_matches(secret_hash: str, secret: str) -> bool:
    try:
        return _hasher().verify(secret_hash, secret)
    except (VerificationError, InvalidHashError):
        return False


_DUMMY_HASH: list[str] = []


def spend_equal_time(secret: str) -> None:
    """Verify against a throwaway hash, so an unknown code takes as long as a known one."""
    if not _DUMMY_HASH:
        _DUMMY_HASH.append(hash_secret(random_digits(SECRET_DIGITS)))
    secret_matches(_DUMMY_HASH[0], secret)


def normalise(typed: str) -> str | None:
    """The 24 digits of what was typed (spaces, dashes and other scripts' digits allowed), or None."""
    digits = []
    for char in typed or "":
        if char.isspace() or char in "-–—.·":
            continue
        value = unicodedata.digit(char, None)
        if value is None:
            return None
        digits.append(str(value))
    code = "".join(digits)
    return code if len(code) == CODE_DIGITS else None


def digits_of(typed: str) -> str:
    """Every digit in what was typed, in any script, as ASCII digits; everything else left out."""
    return "".join(str(unicodedata.digit(char)) for char in typed or "" if unicodedata.digit(char, None) is not None)


def split(code: str) -> tuple[str, str]:
    return code[:LOOKUP_DIGITS], code[LOOKUP_DIGITS:]


def display(code: str) -> str:
    return " ".join(code[i : i + 4] for i in range(0, len(code), 4))


# --- rate limiting, before any hashing ----------------------------------------------------------
# Counted per lookup part (whether or not it exists, so the answer never tells) and site-wide.
# No IP address is used or kept.


def _site_bucket() -> str:
    return f"receipt-fail-site:{int(time.time() // 60)}"


def attempts_blocked(lookup: str) -> bool:
    per_code = cache.get(f"receipt-fail:{lookup}", 0)
    site = cache.get(_site_bucket(), 0)
    return per_code >= settings.RECEIPT_FAILED_ATTEMPTS_PER_CODE or site >= settings.RECEIPT_FAILED_ATTEMPTS_SITE_WIDE


def attempt_failed(lookup: str) -> None:
    for key, ttl in ((f"receipt-fail:{lookup}", settings.RECEIPT_LOCKOUT_SECONDS), (_site_bucket(), 120)):
        cache.add(key, 0, ttl)
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 1, ttl)


def attempts_reset(lookup: str) -> None:
    cache.delete(f"receipt-fail:{lookup}")
