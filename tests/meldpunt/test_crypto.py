"""Envelope encryption and the STREAM file format: what opens, and everything that must not."""

import ast
import io
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings

from meldpunt import crypto

KEY = bytes(range(32))
OTHER_KEY = bytes(reversed(range(32)))
CHUNK = 1024  # small chunks keep the tests quick; the format is the same at any size


def seal(data: bytes, *, key=KEY, aad="vault_evidencefile:1:original", chunk_size=CHUNK) -> tuple[bytes, str, int]:
    target = io.BytesIO()
    digest, size = crypto.encrypt_stream(key, io.BytesIO(data), target, aad=aad, chunk_size=chunk_size)
    return target.getvalue(), digest, size


def unseal(sealed: bytes, *, key=KEY, aad="vault_evidencefile:1:original") -> bytes:
    return b"".join(crypto.decrypt_stream(key, io.BytesIO(sealed), aad=aad))


def chunks_of(sealed: bytes, chunk_size=CHUNK) -> tuple[bytes, list[bytes]]:
    header, body = sealed[: crypto.HEADER_SIZE], sealed[crypto.HEADER_SIZE :]
    step = chunk_size + crypto.TAG_SIZE
    return header, [body[i : i + step] for i in range(0, len(body), step)]


# --- fields ----------------------------------------------------------------------------------------


def test_a_sealed_field_opens_with_its_key_and_associated_data():
    sealed = crypto.seal_text(KEY, "Mijn leidinggevende maakte racistische opmerkingen.", aad="intake_report:1:narrative")
    assert b"racist" not in sealed
    assert crypto.open_text(KEY, sealed, aad="intake_report:1:narrative").startswith("Mijn leidinggevende")


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda s: s[:20] + bytes([s[20] ^ 1]) + s[21:], id="flipped byte"),
        pytest.param(lambda s: s[:-1], id="truncated"),
        pytest.param(lambda s: b"", id="empty"),
        pytest.param(lambda s: b"\x02" + s[1:], id="unknown format"),
    ],
)
def test_an_altered_field_does_not_open(change):
    sealed = crypto.seal_text(KEY, "secret", aad="t:1:f")
    with pytest.raises(crypto.DecryptionError):
        crypto.open_text(KEY, change(sealed), aad="t:1:f")


def test_a_field_does_not_open_in_another_row_or_field_or_under_another_key():
    sealed = crypto.seal_text(KEY, "secret", aad="intake_report:1:narrative")
    for aad in ("intake_report:2:narrative", "intake_report:1:witnesses"):
        with pytest.raises(crypto.DecryptionError):
            crypto.open_text(KEY, sealed, aad=aad)
    with pytest.raises(crypto.DecryptionError):
        crypto.open_text(OTHER_KEY, sealed, aad="intake_report:1:narrative")


# --- data keys and key-encryption keys -----------------------------------------------------------


def test_a_data_key_is_wrapped_by_the_current_kek_and_unwraps():
    data_key = crypto.generate_data_key()
    wrapped = crypto.wrap_data_key(data_key)
    assert crypto.wrapped_key_id(wrapped) == crypto.current_kek_id()
    assert data_key.hex() not in wrapped
    assert crypto.unwrap_data_key(wrapped) == data_key


def test_rewrapping_moves_a_data_key_to_the_new_kek_and_keeps_it_the_same():
    data_key = crypto.generate_data_key()
    old = crypto.wrap_data_key(data_key)
    new_entry = crypto.generate_kek_entry("k2")
    with override_settings(MELDPUNT_KEKS=f"{new_entry},{settings.MELDPUNT_KEKS}"):
        rewrapped = crypto.rewrap_data_key(old)
        assert crypto.wrapped_key_id(rewrapped) == "k2"
        assert crypto.unwrap_data_key(rewrapped) == data_key
        assert crypto.rewrap_data_key(rewrapped) == rewrapped  # idempotent
    with override_settings(MELDPUNT_KEKS=new_entry):
        assert crypto.unwrap_data_key(rewrapped) == data_key  # the old KEK may now go
        with pytest.raises(crypto.DecryptionError, match="not configured"):
            crypto.unwrap_data_key(old)


@pytest.mark.parametrize("wrapped", ["", "test1:not-base64!", "test1:" + "A" * 20, "nokey"])
def test_a_destroyed_or_damaged_wrapped_key_raises_a_decryption_error(wrapped):
    with pytest.raises(crypto.DecryptionError):
        crypto.unwrap_data_key(wrapped)


def test_an_empty_wrapped_key_means_shredded():
    with pytest.raises(crypto.KeyDestroyedError):
        crypto.unwrap_data_key("")


def test_a_wrapped_key_altered_by_one_byte_does_not_unwrap():
    wrapped = crypto.wrap_data_key(crypto.generate_data_key())
    key_id, _, encoded = wrapped.partition(":")
    import base64

    raw = bytearray(base64.b64decode(encoded))
    raw[-1] ^= 1
    with pytest.raises(crypto.DecryptionError):
        crypto.unwrap_data_key(f"{key_id}:{base64.b64encode(bytes(raw)).decode()}")


# --- streams -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "size", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 17], ids=lambda n: f"{n} bytes"
)
def test_a_stream_round_trips_and_reports_hash_and_size(size):
    data = bytes((i * 7 + 3) % 256 for i in range(size))
    sealed, digest, measured = seal(data)
    assert measured == size
    assert digest == crypto.sha256_hex(data)
    assert unseal(sealed) == data
    assert len(sealed) == crypto.sealed_stream_size(size, CHUNK)


def test_an_empty_file_is_one_authenticated_empty_chunk():
    sealed, digest, size = seal(b"")
    assert size == 0 and digest == crypto.sha256_hex(b"")
    assert len(sealed) == crypto.HEADER_SIZE + crypto.TAG_SIZE
    with pytest.raises(crypto.DecryptionError):
        unseal(sealed[: crypto.HEADER_SIZE])  # the empty chunk cut off


def test_an_exact_multiple_of_the_chunk_size_ends_on_a_full_last_chunk():
    data = b"x" * (4 * CHUNK)
    sealed, _digest, _size = seal(data)
    _header, chunks = chunks_of(sealed)
    assert len(chunks) == 4 and all(len(c) == CHUNK + crypto.TAG_SIZE for c in chunks)
    assert unseal(sealed) == data
    # Dropping the whole last chunk leaves a file that ends on a chunk not marked last.
    with pytest.raises(crypto.DecryptionError):
        unseal(sealed[: -(CHUNK + crypto.TAG_SIZE)])


DATA = bytes(range(256)) * 20  # 5 chunks, the last one short


@pytest.mark.parametrize(
    "position", [crypto.HEADER_SIZE, crypto.HEADER_SIZE + CHUNK + 40, -1], ids=["first chunk", "middle chunk", "last byte"]
)
def test_a_flipped_byte_fails_to_decrypt(position):
    sealed = bytearray(seal(DATA)[0])
    sealed[position] ^= 0x01
    with pytest.raises(crypto.DecryptionError, match="altered, truncated, reordered"):
        unseal(bytes(sealed))


@pytest.mark.parametrize("field", ["magic", "nonce prefix", "chunk size"])
def test_a_changed_header_fails_to_decrypt(field):
    sealed = bytearray(seal(DATA)[0])
    position = {"magic": 0, "nonce prefix": 5, "chunk size": crypto.HEADER_SIZE - 1}[field]
    sealed[position] ^= 0x01
    with pytest.raises(crypto.DecryptionError):
        unseal(bytes(sealed))


def test_a_header_claiming_huge_chunks_is_refused_before_reading_them():
    sealed = bytearray(seal(DATA)[0])
    sealed[crypto.HEADER_SIZE - 4 : crypto.HEADER_SIZE] = (2**31).to_bytes(4, "big")
    with pytest.raises(crypto.DecryptionError, match="header"):
        unseal(bytes(sealed))


@pytest.mark.parametrize("cut", [1, crypto.TAG_SIZE, CHUNK + crypto.TAG_SIZE, len(DATA) // 2], ids=lambda n: f"minus {n}")
def test_a_truncated_file_fails_to_decrypt(cut):
    sealed = seal(DATA)[0]
    with pytest.raises(crypto.DecryptionError):
        unseal(sealed[:-cut])


def test_a_file_with_bytes_appended_fails_to_decrypt():
    sealed = seal(DATA)[0]
    with pytest.raises(crypto.DecryptionError):
        unseal(sealed + b"\x00" * 16)


def test_reordered_chunks_fail_to_decrypt():
    header, chunks = chunks_of(seal(DATA)[0])
    chunks[1], chunks[2] = chunks[2], chunks[1]
    with pytest.raises(crypto.DecryptionError, match="Chunk 1"):
        unseal(header + b"".join(chunks))


def test_a_dropped_middle_chunk_fails_to_decrypt():
    header, chunks = chunks_of(seal(DATA)[0])
    del chunks[2]
    with pytest.raises(crypto.DecryptionError):
        unseal(header + b"".join(chunks))


def test_a_chunk_from_another_file_fails_to_decrypt_even_under_the_same_key_and_aad():
    first = seal(DATA)[0]
    second = seal(DATA)[0]  # same key, same content, same associated data: only the nonce prefix differs
    header, chunks = chunks_of(first)
    _other_header, other_chunks = chunks_of(second)
    chunks[2] = other_chunks[2]
    with pytest.raises(crypto.DecryptionError, match="Chunk 2"):
        unseal(header + b"".join(chunks))


def test_another_files_header_on_this_file_fails():
    first, second = seal(DATA)[0], seal(DATA)[0]
    with pytest.raises(crypto.DecryptionError):
        unseal(second[: crypto.HEADER_SIZE] + first[crypto.HEADER_SIZE :])


def test_wrong_associated_data_fails_to_decrypt():
    sealed = seal(DATA, aad="vault_evidencefile:1:original")[0]
    for aad in ("vault_evidencefile:2:original", "vault_evidencefile:1:working"):
        with pytest.raises(crypto.DecryptionError):
            unseal(sealed, aad=aad)


def test_the_wrong_key_fails_to_decrypt():
    sealed = seal(DATA)[0]
    with pytest.raises(crypto.DecryptionError):
        unseal(sealed, key=OTHER_KEY)


def test_not_a_sealed_file_is_refused():
    for junk in (b"", b"MPS1", b"%PDF-1.7 " + b"x" * 100):
        with pytest.raises(crypto.DecryptionError, match="header"):
            unseal(junk)


class Dribble(io.RawIOBase):
    """A source that returns at most 100 bytes per read, like a pipe or a socket."""

    def __init__(self, data):
        self.data = io.BytesIO(data)

    def readable(self):
        return True

    def readinto(self, buffer):
        piece = self.data.read(min(len(buffer), 100))
        buffer[: len(piece)] = piece
        return len(piece)


def test_short_reads_do_not_end_a_stream_early():
    target = io.BytesIO()
    digest, size = crypto.encrypt_stream(KEY, Dribble(DATA), target, aad="a", chunk_size=CHUNK)
    assert size == len(DATA)
    assert b"".join(crypto.decrypt_stream(KEY, Dribble(target.getvalue()), aad="a")) == DATA


@pytest.mark.parametrize("read_size", [1, 333, CHUNK + crypto.TAG_SIZE, 8 * CHUNK])
def test_the_sealing_reader_gives_full_reads_of_the_same_stream(read_size):
    sealer = crypto.StreamSealer(KEY, io.BytesIO(DATA), aad="a", chunk_size=CHUNK)
    reader = crypto.SealingReader(sealer)
    pieces = []
    while piece := reader.read(read_size):
        pieces.append(piece)
    assert all(len(p) == read_size for p in pieces[:-1])  # full reads, as S3 multipart parts need
    assert sealer.size == len(DATA) and sealer.sha256 == crypto.sha256_hex(DATA)
    assert b"".join(crypto.decrypt_stream(KEY, io.BytesIO(b"".join(pieces)), aad="a")) == DATA


def test_the_sealing_reader_hands_over_chunks_after_a_partial_read():
    reader = crypto.SealingReader(crypto.StreamSealer(KEY, io.BytesIO(DATA), aad="a", chunk_size=CHUNK))
    start = reader.read(5)
    sealed = start + b"".join(reader.pieces())
    assert b"".join(crypto.decrypt_stream(KEY, io.BytesIO(sealed), aad="a")) == DATA


def test_the_default_chunk_size_handles_a_multi_chunk_file():
    data = b"\x5a" * (crypto.STREAM_CHUNK_SIZE * 2 + 5)
    target = io.BytesIO()
    crypto.encrypt_stream(KEY, io.BytesIO(data), target, aad="a")
    assert b"".join(crypto.decrypt_stream(KEY, io.BytesIO(target.getvalue()), aad="a")) == data


# --- only crypto.py imports cryptography ---------------------------------------------------------


def test_only_meldpunt_crypto_imports_cryptography():
    root = Path(settings.BASE_DIR)
    skip = {".venv", "var", "node_modules", ".git", "mutants"}  # mutants: make mutants
    offenders = []
    for path in root.rglob("*.py"):
        if skip & set(path.relative_to(root).parts):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            elif isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) in (
                "import_module", "__import__",
            ) and node.args and isinstance(node.args[0], ast.Constant):
                names = [str(node.args[0].value)]
            if any(name == "cryptography" or name.startswith("cryptography.") for name in names):
                offenders.append(f"{path.relative_to(root)}:{node.lineno}")
    assert [o for o in offenders if not o.startswith("meldpunt/crypto.py:")] == []
    assert any(o.startswith("meldpunt/crypto.py:") for o in offenders), "the scan must see crypto.py's own imports"
