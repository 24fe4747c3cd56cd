"""The vault's side of Django's storage API: sealed files in, plaintext chunks out, both streamed."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from django.core.files import File
from django.core.files.storage import storages

from meldpunt import crypto


def vault_storage():
    return storages["vault"]


class _SealedFile(File):
    # Pull one sealed chunk per read, so the storage writes whole chunks.
    DEFAULT_CHUNK_SIZE = crypto.STREAM_CHUNK_SIZE + crypto.TAG_SIZE


@dataclass(frozen=True)
class Stored:
    name: str
    sha256: str
    size: int


def store_sealed(*, key: bytes, source: BinaryIO, aad: str, name: str) -> Stored:
    """Encrypt `source` chunk by chunk straight into the vault storage."""
    sealer = crypto.StreamSealer(key, source, aad=aad)
    # Buffered, so every read is full (S3 multipart parts must be), and one sealed chunk per read.
    reader = io.BufferedReader(crypto.SealingReader(sealer), buffer_size=_SealedFile.DEFAULT_CHUNK_SIZE)
    stored_name = vault_storage().save(name, _SealedFile(reader, name=name))
    return Stored(name=stored_name, sha256=sealer.sha256, size=sealer.size)


def open_plain(*, key: bytes, stored_name: str, aad: str) -> Iterator[bytes]:
    """Yield the plaintext of a sealed file; the storage file is closed when the iteration ends."""
    with vault_storage().open(stored_name, "rb") as sealed:
        yield from crypto.decrypt_stream(key, sealed, aad=aad)


def delete(name: str) -> None:
    if name:
        vault_storage().delete(name)


def exists(name: str) -> bool:
    return bool(name) and vault_storage().exists(name)
