"""The one module that imports `cryptography`.

Envelope encryption: every record has its own 256-bit data key; the data key is stored wrapped
(AES-256-GCM) by a key-encryption key (KEK) that lives outside the database. Fields are sealed with
AES-256-GCM under the data key, with associated data naming table, row and field, so a ciphertext
moved to another row or field fails to open. Files are sealed as a STREAM (Hoang, Reyhanitabar,
Rogaway, Vizár): fixed-size chunks, nonce = random prefix || chunk counter || last-chunk flag, so a
truncated, reordered or spliced file fails to decrypt, and memory stays flat in file size.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import io
import os
import queue
import struct
import threading
from collections.abc import Iterator
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

FIELD_FORMAT_VERSION = b"\x01"
STREAM_MAGIC = b"MPS1"
STREAM_CHUNK_SIZE = 256 * 1024
TAG_SIZE = 16
NONCE_PREFIX_SIZE = 7


class DecryptionError(Exception):
    """A ciphertext did not open: wrong key, wrong row or field, or altered bytes."""


class KeyDestroyedError(DecryptionError):
    """The record's data key was destroyed (crypto-shredded): its contents are gone for good."""


# --- key-encryption keys -------------------------------------------------------------------------


def _parse_keks(spec: str) -> list[tuple[str, bytes]]:
    keks = []
    for entry in filter(None, (part.strip() for part in spec.split(","))):
        key_id, _, encoded = entry.partition(":")
        try:
            key = base64.b64decode(encoded, validate=True)
        except ValueError:
            raise _malformed_key(key_id) from None
        if not key_id or len(key) != 32:
            raise _malformed_key(key_id)
        if key_id in {known for known, _key in keks}:
            raise ValueError(f"key id {key_id!r} is used twice.")
        keks.append((key_id, key))
    if not keks:
        raise ValueError("No key-encryption key configured.")
    return keks


def _malformed_key(key_id: str) -> ValueError:
    return ValueError(
        f"key {key_id or '?'!r}: each key-encryption key must be 'id:base64' with 32 bytes of key "
        "(make one with: python -c \"import base64, os; print(base64.b64encode(os.urandom(32)).decode())\")."
    )


def check_kek_spec(spec: str) -> None:
    """Raises ValueError with a clear message if the MELDPUNT_KEKS value is malformed (used at start-up)."""
    _parse_keks(spec)


def _keks() -> list[tuple[str, bytes]]:
    return _parse_keks(settings.MELDPUNT_KEKS)


def current_kek_id() -> str:
    return _keks()[0][0]


def generate_kek_entry(key_id: str) -> str:
    """A new KEK entry for the MELDPUNT_KEKS setting."""
    return f"{key_id}:{base64.b64encode(os.urandom(32)).decode()}"


# --- data keys -----------------------------------------------------------------------------------


def generate_data_key() -> bytes:
    return AESGCM.generate_key(bit_length=256)


def wrap_data_key(data_key: bytes) -> str:
    key_id, kek = _keks()[0]
    nonce = os.urandom(12)
    wrapped = AESGCM(kek).encrypt(nonce, data_key, b"meldpunt-data-key:" + key_id.encode())
    return f"{key_id}:{base64.b64encode(nonce + wrapped).decode()}"


def unwrap_data_key(wrapped: str) -> bytes:
    if not wrapped:
        raise KeyDestroyedError("This record's data key was destroyed.")
    key_id, _, encoded = wrapped.partition(":")  # pragma: no mutate (rpartition: base64 holds no ":")
    keks = dict(_keks())
    if key_id not in keks:
        raise DecryptionError(f"Key-encryption key {key_id!r} is not configured.")
    try:
        raw = base64.b64decode(encoded, validate=True)
        return AESGCM(keks[key_id]).decrypt(raw[:12], raw[12:], b"meldpunt-data-key:" + key_id.encode())
    except (InvalidTag, binascii.Error, ValueError) as exc:
        raise DecryptionError(f"Data key does not open under key-encryption key {key_id!r}.") from exc


def wrapped_key_id(wrapped: str) -> str:
    return wrapped.partition(":")[0]  # pragma: no mutate (rpartition is the same: base64 holds no ":")


def rewrap_data_key(wrapped: str) -> str:
    """The same data key, wrapped by the current KEK (for rotation; the data itself is untouched)."""
    if not wrapped or wrapped_key_id(wrapped) == current_kek_id():
        return wrapped
    return wrap_data_key(unwrap_data_key(wrapped))


# --- the audit chain's key -----------------------------------------------------------------------
# The audit trail is chained with HMAC-SHA256 under a key held outside the database, so whoever can
# write the database cannot recompute the chain. MELDPUNT_AUDIT_KEYS ("id:base64", comma-separated,
# first is current; or MELDPUNT_AUDIT_KEY_FILE) is the key; without it, a key is derived from each
# key-encryption key with HKDF-SHA256 (no salt; ids "kek-<id>"), which then must stay configured for old events to verify.


def _audit_keys() -> list[tuple[str, bytes]]:
    spec = settings.MELDPUNT_AUDIT_KEYS
    if spec:
        return _parse_keks(spec)
    return [
        (f"kek-{key_id}", HKDF(algorithm=hashes.SHA256(), length=32, info=b"meldpunt-audit-chain").derive(kek))
        for key_id, kek in _keks()
    ]


def audit_key_id() -> str:
    return _audit_keys()[0][0]


def audit_mac(payload: bytes, *, key_id: str) -> str:
    """HMAC-SHA256 of `payload` under the audit key `key_id` (hex). Raises DecryptionError if unknown."""
    keys = dict(_audit_keys())
    if key_id not in keys:
        raise DecryptionError(f"Audit key {key_id!r} is not configured.")
    return hmac.new(keys[key_id], payload, hashlib.sha256).hexdigest()


def audit_mac_matches(payload: bytes, mac: str, *, key_id: str) -> bool:
    return hmac.compare_digest(audit_mac(payload, key_id=key_id), mac)


# --- fields and small secrets -------------------------------------------------------------------


def seal_bytes(data_key: bytes, plaintext: bytes, *, aad: str) -> bytes:
    nonce = os.urandom(12)
    return FIELD_FORMAT_VERSION + nonce + AESGCM(data_key).encrypt(nonce, plaintext, aad.encode())


def open_bytes(data_key: bytes, sealed: bytes, *, aad: str) -> bytes:
    sealed = bytes(sealed)
    if not sealed.startswith(FIELD_FORMAT_VERSION) or len(sealed) < 1 + 12 + TAG_SIZE:
        raise DecryptionError("Not a sealed value.")
    try:
        return AESGCM(data_key).decrypt(sealed[1:13], sealed[13:], aad.encode())
    except InvalidTag as exc:
        raise DecryptionError(f"Sealed value does not open for {aad}.") from exc


def seal_text(data_key: bytes, plaintext: str, *, aad: str) -> bytes:
    return seal_bytes(data_key, plaintext.encode(), aad=aad)


def open_text(data_key: bytes, sealed: bytes, *, aad: str) -> str:
    return open_bytes(data_key, sealed, aad=aad).decode()


# --- files (STREAM) ------------------------------------------------------------------------------
# Layout: header = magic || nonce prefix (7) || chunk size (4, big-endian), then the chunks, each
# AES-256-GCM(plaintext chunk) || tag. Chunk i uses nonce = prefix || i (4, big-endian) || last flag,
# and associated data = header || aad, so the header, the position of every chunk and the end of
# the file are all authenticated. Every chunk but the last is exactly `chunk size` long; the last
# may be shorter (or empty, for an empty file).

HEADER_SIZE = len(STREAM_MAGIC) + NONCE_PREFIX_SIZE + 4
MAX_STREAM_CHUNK_SIZE = 16 * 1024 * 1024  # bounds the memory a (damaged) header can make us use
MAX_STREAM_CHUNKS = 2**32


def _chunk_nonce(prefix: bytes, counter: int, last: bool) -> bytes:
    return prefix + struct.pack(">I", counter) + (b"\x01" if last else b"\x00")


def _read_full(source: BinaryIO, size: int) -> bytes:
    """Read `size` bytes, or fewer only at the end: raw files, pipes and sockets may return less."""
    data = source.read(size)
    if data is None:
        data = b""
    if len(data) == size or not data:
        return bytes(data)
    parts = [data]
    missing = size - len(data)
    while missing:
        more = source.read(missing)
        if not more:
            break
        parts.append(more)
        missing -= len(more)
    return b"".join(parts)


class _BackgroundSha256:
    """SHA-256 fed through a short queue to a thread of its own: hashlib releases the GIL while
    hashing, so the hash of one chunk is computed while the next is read, encrypted and written."""

    DEPTH = 4  # chunks in flight: bounds the memory it may hold

    def __init__(self):
        self._digest = hashlib.sha256()
        self._queue: queue.Queue = queue.Queue(maxsize=self.DEPTH)
        self._thread = threading.Thread(target=self._run, name="stream-sha256", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (chunk := self._queue.get()) is not None:
            self._digest.update(chunk)

    def update(self, chunk: bytes) -> None:
        self._queue.put(chunk)

    def finish(self) -> str:
        self._queue.put(None)
        self._thread.join()
        return self._digest.hexdigest()


class StreamSealer:
    """Encrypt `source` as a STREAM, pulled chunk by chunk: iterate it for the sealed bytes.

    When the iteration is done, `sha256` (hex) and `size` describe the plaintext that was read, as
    measured here (never as claimed by whoever supplied the file). A file of more than one chunk
    is hashed on a helper thread, alongside reading, encrypting and writing.
    """

    def __init__(self, data_key: bytes, source: BinaryIO, *, aad: str, chunk_size: int = STREAM_CHUNK_SIZE):
        if not 0 < chunk_size <= MAX_STREAM_CHUNK_SIZE:
            raise ValueError("Chunk size out of range.")
        self._aead = AESGCM(data_key)
        self._source = source
        self._chunk_size = chunk_size
        self._prefix = os.urandom(NONCE_PREFIX_SIZE)
        size_field = struct.pack(">I", chunk_size)  # pragma: no mutate (">i" is the same below 2**31)
        self.header = STREAM_MAGIC + self._prefix + size_field
        self._aad = self.header + aad.encode()
        self.sha256: str | None = None
        self.size: int | None = None

    def __iter__(self) -> Iterator[bytes]:
        size = 0
        counter = 0
        yield self.header
        chunk = _read_full(self._source, self._chunk_size)
        following = _read_full(self._source, self._chunk_size) if len(chunk) == self._chunk_size else b""
        digest = _BackgroundSha256() if following else hashlib.sha256()
        try:
            while True:
                last = not following
                digest.update(chunk)
                size += len(chunk)
                yield self._aead.encrypt(_chunk_nonce(self._prefix, counter, last), chunk, self._aad)
                if last:
                    break
                counter += 1
                if counter >= MAX_STREAM_CHUNKS:
                    raise ValueError("File too large for one stream.")
                chunk = following
                following = _read_full(self._source, self._chunk_size) if len(chunk) == self._chunk_size else b""
        finally:
            sha256 = digest.finish() if isinstance(digest, _BackgroundSha256) else digest.hexdigest()
        self.sha256 = sha256
        self.size = size


class SealingReader(io.RawIOBase):
    """A read-only file object over a StreamSealer, for APIs that pull (Django's storage API).

    `read(n)` returns n bytes unless the stream ends first (S3 multipart parts need full reads);
    `pieces()` hands over the sealed chunks as they are made, without copying them again.
    """

    def __init__(self, sealer: StreamSealer):
        super().__init__()
        self.sealer = sealer
        self._pieces = iter(sealer)
        self._rest = b""  # pragma: no mutate (what is left of the piece being read; only its truth is read when empty)

    def readable(self) -> bool:
        return True

    def pieces(self) -> Iterator[bytes]:
        if self._rest:
            yield self._rest
        self._rest = b""  # pragma: no mutate (only its truth is read when empty)
        yield from self._pieces

    def read(self, size: int | None = -1) -> bytes:
        if size is None or size < 0:
            return b"".join(self.pieces())
        parts, wanted = [], size
        while wanted > 0:
            if not self._rest:
                # The sealer never yields an empty piece; at the end, only the default's truth is read.
                self._rest = next(self._pieces, b"")  # pragma: no mutate
                if not self._rest:
                    break
            # A whole piece is handed over without a copy: slicing all of a bytes object returns it.
            part, self._rest = self._rest[:wanted], self._rest[wanted:]
            parts.append(part)
            wanted -= len(part)
        return b"".join(parts)  # one part is returned as it is, not copied

    def readall(self) -> bytes:
        return self.read()

    def readinto(self, buffer) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def encrypt_stream(
    data_key: bytes, source: BinaryIO, target: BinaryIO, *, aad: str, chunk_size: int = STREAM_CHUNK_SIZE
) -> tuple[str, int]:
    """Encrypt source into target chunk by chunk; return the plaintext's SHA-256 and size."""
    sealer = StreamSealer(data_key, source, aad=aad, chunk_size=chunk_size)
    for piece in sealer:
        target.write(piece)
    return sealer.sha256, sealer.size


def decrypt_stream(data_key: bytes, source: BinaryIO, *, aad: str) -> Iterator[bytes]:
    """Yield the plaintext chunk by chunk; raise DecryptionError on any alteration or truncation.

    Every chunk is authenticated before it is yielded, but a file damaged half-way yields its
    intact first part before the error: callers that must not release a partial file read it
    through once first (verify_vault does, and records nothing else).
    """
    header = _read_full(source, HEADER_SIZE)
    if len(header) != HEADER_SIZE or not header.startswith(STREAM_MAGIC):
        raise DecryptionError("Not a sealed file, or its header is damaged.")
    prefix = header[len(STREAM_MAGIC) : len(STREAM_MAGIC) + NONCE_PREFIX_SIZE]
    # As ">i", a size of 2**31 or more turns negative and is refused just the same
    (chunk_size,) = struct.unpack(">I", header[-4:])  # pragma: no mutate
    if not 0 < chunk_size <= MAX_STREAM_CHUNK_SIZE:
        raise DecryptionError("Not a sealed file, or its header is damaged.")
    aead = AESGCM(data_key)
    aad_bytes = header + aad.encode()
    sealed_size = chunk_size + TAG_SIZE
    counter = 0
    chunk = _read_full(source, sealed_size)
    while True:
        following = _read_full(source, sealed_size) if len(chunk) == sealed_size else b""
        last = not following
        try:
            plaintext = aead.decrypt(_chunk_nonce(prefix, counter, last), chunk, aad_bytes)
        except InvalidTag as exc:
            raise DecryptionError(
                f"Chunk {counter} does not open: the file was altered, truncated, reordered or mixed with "
                "another file, or the key is wrong."
            ) from exc
        yield plaintext
        if last:
            return
        counter += 1
        chunk = following


def sealed_stream_size(plaintext_size: int, chunk_size: int = STREAM_CHUNK_SIZE) -> int:
    """How many bytes the STREAM of a plaintext of this size takes."""
    chunks = max(1, -(-plaintext_size // chunk_size))
    return HEADER_SIZE + plaintext_size + chunks * TAG_SIZE


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def aes_gcm_benchmark(total_bytes: int, chunk_size: int = STREAM_CHUNK_SIZE) -> tuple[float, float]:
    """Seconds the library takes to seal, then to open, `total_bytes` of AES-256-GCM in chunks of
    `chunk_size` (one buffer reused: no file, no hashing). For bench/vault.py, which may not import
    `cryptography` itself."""
    import time

    aead = AESGCM(generate_data_key())
    chunk = os.urandom(chunk_size)
    prefix = os.urandom(NONCE_PREFIX_SIZE)
    count = max(1, total_bytes // chunk_size)
    started = time.perf_counter()
    for counter in range(count):  # at least one: `sealed` is always set
        sealed = aead.encrypt(_chunk_nonce(prefix, counter, False), chunk, b"bench")  # pragma: no mutate (None is False)
    sealing = time.perf_counter() - started
    started = time.perf_counter()
    for _counter in range(count):
        aead.decrypt(_chunk_nonce(prefix, count - 1, False), sealed, b"bench")  # pragma: no mutate (None is False)
    return sealing, time.perf_counter() - started
