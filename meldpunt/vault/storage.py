"""The vault's side of Django's storage API: sealed files in, plaintext chunks out, both streamed."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from django.core.files import File
from django.core.files.storage import storages

from meldpunt import crypto


def vault_storage():
    return storages["vault"]


WRITEBACK_EVERY = 16 * 1024 * 1024


class _SealedFile(File):
    """What the storage saves. A filesystem storage writes the sealed chunks as they come
    (chunks()); an object store reads full parts (read(n)). Neither copies a whole file."""

    def __init__(self, file, name, path=None):
        super().__init__(file, name=name)
        self._path = path

    def chunks(self, chunk_size=None):
        # On a filesystem, ask the kernel to start writing back what is written, every 16 MiB, so
        # the disk works while we encrypt and the final fsync has little left to wait for. The
        # written pages may then leave the cache: the ciphertext of evidence is rarely read twice.
        hint = None
        if self._path and hasattr(os, "posix_fadvise"):
            try:
                hint = os.open(self._path, os.O_RDONLY)
                if os.fstat(hint).st_size:  # not the file the storage just created: no hints
                    os.close(hint)
                    hint = None
            except OSError:
                hint = None
        written = flushed = 0
        try:
            for piece in self.file.pieces():
                yield piece
                written += len(piece)
                if hint is not None and written - flushed >= WRITEBACK_EVERY:
                    os.posix_fadvise(hint, flushed, written - flushed, os.POSIX_FADV_DONTNEED)
                    flushed = written
        finally:
            if hint is not None:
                os.close(hint)

    def multiple_chunks(self, chunk_size=None):
        return True


@dataclass(frozen=True)
class Stored:
    name: str
    sha256: str
    size: int


def _make_durable(storage, name: str) -> None:
    """On a filesystem, wait until the sealed file is on disk: its database row is committed next,
    and a row whose file a crash lost is evidence lost. (Object stores acknowledge durable writes.)"""
    try:
        path = storage.path(name)
    except NotImplementedError:
        return
    with open(path, "rb") as written:
        os.fsync(written.fileno())
    directory = os.open(os.path.dirname(path), os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def store_sealed(*, key: bytes, source: BinaryIO, aad: str, name: str) -> Stored:
    """Encrypt `source` chunk by chunk straight into the vault storage, durably."""
    sealer = crypto.StreamSealer(key, source, aad=aad)
    storage = vault_storage()
    try:
        path = storage.path(name)
    except NotImplementedError:
        path = None
    stored_name = storage.save(name, _SealedFile(crypto.SealingReader(sealer), name=name, path=path))
    _make_durable(storage, stored_name)
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
