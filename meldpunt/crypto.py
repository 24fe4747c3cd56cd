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
import hashlib
import os
import struct
from collections.abc import Iterator
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
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
        key = base64.b64decode(encoded)
        if not key_id or len(key) != 32:
            raise ValueError("Each key-encryption key must be 'id:base64' with 32 bytes of key.")
        keks.append((key_id, key))
    if not keks:
        raise ValueError("No key-encryption key configured.")
    return keks


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
    key_id, _, encoded = wrapped.partition(":")
    keks = dict(_keks())
    if key_id not in keks:
        raise DecryptionError(f"Key-encryption key {key_id!r} is not configured.")
    raw = base64.b64decode(encoded)
    try:
        return AESGCM(keks[key_id]).decrypt(raw[:12], raw[12:], b"meldpunt-data-key:" + key_id.encode())
    except InvalidTag as exc:
        raise DecryptionError(f"Data key does not open under key-encryption key {key_id!r}.") from exc


def wrapped_key_id(wrapped: str) -> str:
    return wrapped.partition(":")[0]


def rewrap_data_key(wrapped: str) -> str:
    """The same data key, wrapped by the current KEK (for rotation; the data itself is untouched)."""
    if not wrapped or wrapped_key_id(wrapped) == current_kek_id():
        return wrapped
    return wrap_data_key(unwrap_data_key(wrapped))


# --- fields --------------------------------------------------------------------------------------


def seal_text(data_key: bytes, plaintext: str, *, aad: str) -> bytes:
    nonce = os.urandom(12)
    return FIELD_FORMAT_VERSION + nonce + AESGCM(data_key).encrypt(nonce, plaintext.encode(), aad.encode())


def open_text(data_key: bytes, sealed: bytes, *, aad: str) -> str:
    sealed = bytes(sealed)
    if not sealed.startswith(FIELD_FORMAT_VERSION) or len(sealed) < 1 + 12 + TAG_SIZE:
        raise DecryptionError("Not a sealed value.")
    try:
        return AESGCM(data_key).decrypt(sealed[1:13], sealed[13:], aad.encode()).decode()
    except InvalidTag as exc:
        raise DecryptionError(f"Sealed value does not open for {aad}.") from exc


# --- files (STREAM) ------------------------------------------------------------------------------


def _chunk_nonce(prefix: bytes, counter: int, last: bool) -> bytes:
    return prefix + struct.pack(">I", counter) + (b"\x01" if last else b"\x00")


def encrypt_stream(
    data_key: bytes, source: BinaryIO, target: BinaryIO, *, aad: str, chunk_size: int = STREAM_CHUNK_SIZE
) -> tuple[str, int]:
    """Encrypt source into target chunk by chunk; return the plaintext's SHA-256 and size."""
    aead = AESGCM(data_key)
    prefix = os.urandom(NONCE_PREFIX_SIZE)
    aad_bytes = aad.encode()
    target.write(STREAM_MAGIC + prefix + struct.pack(">I", chunk_size))
    digest = hashlib.sha256()
    size = 0
    counter = 0
    chunk = source.read(chunk_size)
    while True:
        following = source.read(chunk_size) if len(chunk) == chunk_size else b""
        last = not following
        digest.update(chunk)
        size += len(chunk)
        target.write(aead.encrypt(_chunk_nonce(prefix, counter, last), chunk, aad_bytes))
        if last:
            return digest.hexdigest(), size
        counter += 1
        if counter >= 2**32:
            raise ValueError("File too large for one stream.")
        chunk = following


def decrypt_stream(data_key: bytes, source: BinaryIO, *, aad: str) -> Iterator[bytes]:
    """Yield the plaintext chunk by chunk; raise DecryptionError on any alteration or truncation."""
    header = source.read(len(STREAM_MAGIC) + NONCE_PREFIX_SIZE + 4)
    if len(header) != len(STREAM_MAGIC) + NONCE_PREFIX_SIZE + 4 or not header.startswith(STREAM_MAGIC):
        raise DecryptionError("Not a sealed file, or its header is damaged.")
    prefix = header[len(STREAM_MAGIC) : len(STREAM_MAGIC) + NONCE_PREFIX_SIZE]
    (chunk_size,) = struct.unpack(">I", header[-4:])
    aead = AESGCM(data_key)
    aad_bytes = aad.encode()
    sealed_size = chunk_size + TAG_SIZE
    counter = 0
    chunk = source.read(sealed_size)
    while True:
        following = source.read(sealed_size) if len(chunk) == sealed_size else b""
        last = not following
        try:
            yield aead.decrypt(_chunk_nonce(prefix, counter, last), chunk, aad_bytes)
        except InvalidTag as exc:
            raise DecryptionError(
                f"Chunk {counter} does not open: the file was altered, truncated, reordered or mixed."
            ) from exc
        if last:
            return
        counter += 1
        chunk = following


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
