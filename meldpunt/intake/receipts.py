"""Receipt codes: 24 digits from a CSPRNG, shown once.

The first 8 digits are a public lookup that finds the row; the last 16 are the secret, of which only
an Argon2id hash is stored. Digits, not letters: they type the same on every keyboard, and digits
from other scripts (Arabic-Indic, full-width) are read as the same digits.
"""

from __future__ import annotations

import secrets
import threading
import time
import unicodedata
from collections.abc import Callable
from dataclasses import asdict, dataclass

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
    # pragma below: `typed or "XXXX"` is equivalent (no typing gives None either way: X is no digit).
    for char in typed or "":  # pragma: no mutate
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
    text = typed or ""  # pragma: no mutate (`typed or "XXXX"` is equivalent: X is no digit)
    return "".join(str(unicodedata.digit(char)) for char in text if unicodedata.digit(char, None) is not None)


def split(code: str) -> tuple[str, str]:
    return code[:LOOKUP_DIGITS], code[LOOKUP_DIGITS:]


def display(code: str) -> str:
    return " ".join(code[i : i + 4] for i in range(0, len(code), 4))


# --- limits: protect the Argon2 CPU, never shut out the right code ---------------------------------
# (docs/architecture.md, "Receipt codes".) With 10^16 secrets behind every lookup, guessing is
# hopeless; what needs protecting is the CPU and memory that Argon2 costs, and the reporter's
# access. So:
# - No site-wide lockout. Every check (known lookup or not) passes a bounded gate: at most
#   RECEIPT_HASH_CONCURRENCY hashes at once per process; others queue for up to
#   RECEIPT_QUEUE_SECONDS and then hear "busy, try again in a minute". Nothing is counted against
#   anyone, so a flood slows everyone a little and locks out no one.
# - Per lookup (whether or not it exists, so the answer never tells), one check at a time: the
#   count of wrong codes is read and written under that turn, so parallel tries cannot slip past
#   it. After RECEIPT_FAILED_ATTEMPTS_PER_CODE wrong codes, the lookup is slowed, not shut: one
#   check per RECEIPT_LOCKED_INTERVAL_SECONDS, so the right code still gets through at that rate,
#   whoever else tries wrong ones. The window is fixed from its first failure (its end is stored in
#   the value, not left to the cache's time-to-live) and wrong tries never lengthen it.
# No IP address is used or kept.

POLL_SECONDS = 0.05
_gate: list[threading.BoundedSemaphore] = []
_gate_lock = threading.Lock()


def _hash_gate() -> threading.BoundedSemaphore:
    with _gate_lock:
        if not _gate:
            _gate.append(threading.BoundedSemaphore(max(1, settings.RECEIPT_HASH_CONCURRENCY)))
        return _gate[0]


@dataclass
class LookupState:
    failures: int = 0
    window_end: float = 0.0
    next_check_at: float = 0.0

    @property
    def locked(self) -> bool:
        return self.failures >= settings.RECEIPT_FAILED_ATTEMPTS_PER_CODE


def _state_key(lookup: str) -> str:
    return f"receipt-lookup:{lookup}"


def lookup_state(lookup: str) -> LookupState:
    stored = cache.get(_state_key(lookup))
    if not stored or stored.get("window_end", 0) <= time.time():
        return LookupState()
    return LookupState(**stored)


def lookup_locked(lookup: str) -> bool:
    return lookup_state(lookup).locked


def _save_state(lookup: str, state: LookupState) -> None:
    remaining = state.window_end - time.time()
    if remaining <= 0:
        cache.delete(_state_key(lookup))
        return
    cache.set(_state_key(lookup), asdict(state), timeout=int(remaining) + 1)


def _take_turn(lookup: str, deadline: float) -> str | None:
    """Wait for this lookup's turn (one check at a time, slowed when locked); None when time is up."""
    # pragma below: a longer random token (`token_hex(None)`, `token_hex(9)`) changes nothing observable.
    key, token = f"receipt-turn:{lookup}", secrets.token_hex(8)  # pragma: no mutate
    while True:
        wait = POLL_SECONDS
        if cache.add(key, token, settings.RECEIPT_TURN_SECONDS):
            state = lookup_state(lookup)
            now = time.time()
            if not (state.locked and now < state.next_check_at):
                return token
            _give_turn(lookup, token)
            wait = max(POLL_SECONDS, min(state.next_check_at - now, 1.0))
        if time.monotonic() + wait > deadline:
            return None
        time.sleep(wait)


def _give_turn(lookup: str, token: str) -> None:
    key = f"receipt-turn:{lookup}"
    if cache.get(key) == token:
        cache.delete(key)


class Outcome:
    OK = "ok"
    WRONG = "wrong"
    BUSY = "busy"


def checked(lookup: str, verify: Callable[[], bool]) -> str:
    """Run verify() (the Argon2 check) within the limits above: OK, WRONG or BUSY."""
    deadline = time.monotonic() + settings.RECEIPT_QUEUE_SECONDS
    token = _take_turn(lookup, deadline)
    if token is None:
        return Outcome.BUSY
    try:
        gate = _hash_gate()
        if not gate.acquire(timeout=max(0.0, deadline - time.monotonic())):
            return Outcome.BUSY
        try:
            right = verify()
        finally:
            gate.release()
        state = lookup_state(lookup)
        if right:
            cache.delete(_state_key(lookup))
            return Outcome.OK
        now = time.time()
        if not state.failures:
            state.window_end = now + settings.RECEIPT_LOCKOUT_SECONDS
        state.failures += 1
        if state.locked:
            state.next_check_at = now + settings.RECEIPT_LOCKED_INTERVAL_SECONDS
        _save_state(lookup, state)
        return Outcome.WRONG
    finally:
        _give_turn(lookup, token)
