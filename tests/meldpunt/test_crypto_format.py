"""The sealed formats stay what they are, and the stream's edges hold.

Evidence sealed today must open in every later version, so the exact bytes of a field and of a file
are pinned here against known answers; and the limits, the reads of a pipe that ends and the reader that
S3 pulls from are checked at their edges, where a small slip would pass a round trip unnoticed.
"""

import hashlib
import io
import threading
import time

import pytest

from meldpunt import crypto

KEY = bytes(range(32))
AAD = "vault_evidencefile:1:original"


def fixed_randomness(monkeypatch, byte=0x11):
    monkeypatch.setattr(crypto.os, "urandom", lambda n: bytes([byte]) * n)


def seal(data: bytes, *, chunk_size: int, aad: str = AAD) -> bytes:
    target = io.BytesIO()
    crypto.encrypt_stream(KEY, io.BytesIO(data), target, aad=aad, chunk_size=chunk_size)
    return target.getvalue()


def unseal(sealed: bytes, *, aad: str = AAD) -> bytes:
    return b"".join(crypto.decrypt_stream(KEY, io.BytesIO(sealed), aad=aad))


# --- known answers: the formats never drift -------------------------------------------------------------

THREE_CHUNKS = b"0123456789abcdef" * 2 + b"xyz"  # two full chunks of 16 bytes and a short last one
# Sealed by this code on 2 December 2026 with KEY, a nonce prefix of seven 0x11 bytes and chunks of 16 bytes.
SEALED_THREE_CHUNKS = bytes.fromhex(
    "4d50533111111111111111000000107878ffa150805cfa0d2ff0191b64d95a279eeb8b711edb7afd7b0041e28f28710dfc53bf98"
    "ad22c301b30b69c34c255d6156a0c2453b52011e5e448dabe9b9c49f0252a4baca5cacea1e15ba09ff5d76c79488"
)


def test_a_file_sealed_with_a_known_key_and_nonce_gives_the_same_bytes_in_every_version(monkeypatch):
    fixed_randomness(monkeypatch)
    sealed = seal(THREE_CHUNKS, chunk_size=16)
    assert sealed[: crypto.HEADER_SIZE] == b"MPS1" + b"\x11" * 7 + b"\x00\x00\x00\x10"
    assert len(sealed) == crypto.HEADER_SIZE + len(THREE_CHUNKS) + 3 * crypto.TAG_SIZE
    # Chunk i's nonce is the prefix, i as four bytes, then 1 for the last chunk and 0 for the others.
    aad = sealed[: crypto.HEADER_SIZE] + AAD.encode()
    body = sealed[crypto.HEADER_SIZE :]
    expected = b"".join(
        crypto.AESGCM(KEY).encrypt(b"\x11" * 7 + counter.to_bytes(4, "big") + last, piece, aad)
        for counter, (piece, last) in enumerate(
            [(THREE_CHUNKS[:16], b"\x00"), (THREE_CHUNKS[16:32], b"\x00"), (THREE_CHUNKS[32:], b"\x01")]
        )
    )
    assert body == expected
    assert sealed == SEALED_THREE_CHUNKS


def test_a_file_sealed_by_an_earlier_version_still_opens():
    assert unseal(SEALED_THREE_CHUNKS) == THREE_CHUNKS
    assert hashlib.sha256(SEALED_THREE_CHUNKS).hexdigest() == "24b1cc5221942ff62c739d4012f26b6b7395a97a8fab56a3bc317c5a67ce2137"


def test_a_sealed_field_is_version_byte_nonce_then_aes_gcm(monkeypatch):
    fixed_randomness(monkeypatch, 0x22)
    sealed = crypto.seal_text(KEY, "vertrouwelijk", aad="intake_report:1:narrative")
    nonce = b"\x22" * 12
    assert sealed == b"\x01" + nonce + crypto.AESGCM(KEY).encrypt(nonce, b"vertrouwelijk", b"intake_report:1:narrative")


@pytest.mark.parametrize("counter", [0, 1, 2**31 - 1, 2**31, 2**32 - 1])
def test_every_chunk_number_a_stream_allows_makes_its_own_twelve_byte_nonce(counter):
    prefix = b"\x33" * 7
    nonce = crypto._chunk_nonce(prefix, counter, False)
    assert nonce == prefix + counter.to_bytes(4, "big") + b"\x00"
    assert crypto._chunk_nonce(prefix, counter, True) == prefix + counter.to_bytes(4, "big") + b"\x01"


# --- the limits ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("chunk_size", [0, -1, crypto.MAX_STREAM_CHUNK_SIZE + 1])
def test_a_chunk_size_out_of_range_is_refused_when_sealing(chunk_size):
    with pytest.raises(ValueError) as refused:
        crypto.StreamSealer(KEY, io.BytesIO(b"x"), aad=AAD, chunk_size=chunk_size)
    assert str(refused.value) == "Chunk size out of range."


@pytest.mark.parametrize("chunk_size", [1, crypto.MAX_STREAM_CHUNK_SIZE])
def test_the_smallest_and_the_largest_chunk_size_seal_and_open(chunk_size):
    data = b"abc"
    assert unseal(seal(data, chunk_size=chunk_size)) == data


def header_claiming(chunk_size: int) -> bytes:
    return b"MPS1" + b"\x00" * 7 + chunk_size.to_bytes(4, "big")


@pytest.mark.parametrize("chunk_size", [0, crypto.MAX_STREAM_CHUNK_SIZE + 1, 2**31, 2**32 - 1])
def test_a_header_with_a_chunk_size_out_of_range_is_refused_as_damaged(chunk_size):
    with pytest.raises(crypto.DecryptionError) as refused:
        unseal(header_claiming(chunk_size) + b"\x00" * 32)
    assert str(refused.value) == "Not a sealed file, or its header is damaged."


def test_a_header_claiming_the_largest_chunk_size_is_read_as_a_stream():
    # Accepted as a header; its (made-up) chunk then fails to open, which is the chunk's message, not the header's.
    with pytest.raises(crypto.DecryptionError) as refused:
        unseal(header_claiming(crypto.MAX_STREAM_CHUNK_SIZE) + b"\x00" * 32)
    assert str(refused.value).startswith("Chunk 0 does not open")


@pytest.mark.parametrize(
    "header", [b"MPS2" + b"\x00" * 7 + b"\x00\x00\x00\x10", b"MPS1" + b"\x00" * 6], ids=["wrong magic", "short header"]
)
def test_a_file_that_is_not_a_stream_is_refused_with_one_message(header):
    with pytest.raises(crypto.DecryptionError) as refused:
        unseal(header + b"\x00" * 40)
    assert str(refused.value) == "Not a sealed file, or its header is damaged."


def test_a_chunk_that_does_not_open_says_which_and_every_reason_it_may_have():
    sealed = bytearray(seal(b"z" * 40, chunk_size=16))
    sealed[crypto.HEADER_SIZE + 16 + crypto.TAG_SIZE + 3] ^= 1  # inside chunk 1
    with pytest.raises(crypto.DecryptionError) as refused:
        unseal(bytes(sealed))
    assert str(refused.value) == (
        "Chunk 1 does not open: the file was altered, truncated, reordered or mixed with another file, or the key is wrong."
    )


def test_a_stream_stops_at_its_largest_number_of_chunks(monkeypatch):
    monkeypatch.setattr(crypto, "MAX_STREAM_CHUNKS", 3)
    assert unseal(seal(b"q" * 48, chunk_size=16)) == b"q" * 48  # three full chunks: the last is chunk 2
    with pytest.raises(ValueError) as refused:
        seal(b"q" * 49, chunk_size=16)
    assert str(refused.value) == "File too large for one stream."


def test_hash_and_size_are_unknown_until_the_file_was_read():
    sealer = crypto.StreamSealer(KEY, io.BytesIO(b"abc"), aad=AAD, chunk_size=16)
    assert sealer.sha256 is None and sealer.size is None
    b"".join(sealer)
    assert sealer.sha256 == crypto.sha256_hex(b"abc") and sealer.size == 3


def test_a_malformed_key_setting_is_refused_with_a_clear_message():
    with pytest.raises(ValueError, match="each key-encryption key must be 'id:base64' with 32 bytes"):
        crypto.check_kek_spec("k1:not-base64")
    crypto.check_kek_spec(crypto.generate_kek_entry("k2"))  # a good one passes


# --- reading a source that ends ----------------------------------------------------------------------


class Pipe(io.RawIOBase):
    """A pipe that hands out at most `step` bytes a read and must not be read again once it said it ended
    (a socket would wait there for bytes that never come)."""

    def __init__(self, data: bytes, step: int = 7):
        self.data, self.step, self.ended = io.BytesIO(data), step, False

    def readable(self):
        return True

    def read(self, size=-1):
        assert not self.ended, "read again after the end"
        piece = self.data.read(min(size, self.step))
        self.ended = not piece
        return piece


@pytest.mark.parametrize("size", [0, 5, 16, 40, 48])
def test_a_pipe_is_not_read_again_after_it_ended(size):
    data = bytes(range(size))
    target = io.BytesIO()
    digest, measured = crypto.encrypt_stream(KEY, Pipe(data), target, aad=AAD, chunk_size=16)
    assert (digest, measured) == (crypto.sha256_hex(data), size)
    assert b"".join(crypto.decrypt_stream(KEY, Pipe(target.getvalue()), aad=AAD)) == data


class NothingYet(io.RawIOBase):
    """A non-blocking source with nothing to give: its read returns None."""

    def readable(self):
        return True

    def read(self, size=-1):
        return None


def test_a_source_with_nothing_to_give_reads_as_its_end():
    assert crypto._read_full(NothingYet(), 10) == b""


# --- the hash of a long file, on a thread of its own -------------------------------------------------


def hash_threads_while_sealing(data: bytes) -> list[threading.Thread]:
    seen = []
    for _piece in crypto.StreamSealer(KEY, io.BytesIO(data), aad=AAD, chunk_size=16):
        seen.extend(t for t in threading.enumerate() if t.name == "stream-sha256" and t not in seen)
    return seen


def test_a_file_of_several_chunks_is_hashed_on_a_daemon_thread_that_ends_with_it():
    threads = hash_threads_while_sealing(b"m" * 40)
    assert len(threads) == 1 and threads[0].daemon  # a stuck hash never keeps a worker from stopping
    assert not threads[0].is_alive()


def test_a_file_of_one_chunk_is_hashed_without_a_thread():
    assert hash_threads_while_sealing(b"m" * 10) == []


# --- the reader S3 pulls from -----------------------------------------------------------------------

DATA = bytes(range(256)) * 3  # 768 bytes: 48 chunks of 16


def reader_of(data: bytes = DATA) -> crypto.SealingReader:
    return crypto.SealingReader(crypto.StreamSealer(KEY, io.BytesIO(data), aad=AAD, chunk_size=16))


@pytest.mark.parametrize("read_size", [1, 10, 15, 32, 100])
def test_every_read_but_the_last_is_exactly_as_long_as_asked(read_size):
    reader = reader_of()
    pieces = []
    while piece := reader.read(read_size):
        pieces.append(piece)
    total = crypto.sealed_stream_size(len(DATA), 16)
    assert [len(p) for p in pieces] == [read_size] * (total // read_size) + ([total % read_size] if total % read_size else [])
    assert unseal(b"".join(pieces)) == DATA


@pytest.mark.parametrize("size", [-1, None])
def test_a_read_without_a_size_gives_the_whole_stream(size):
    assert unseal(reader_of().read(size)) == DATA
    assert unseal(reader_of().readall()) == DATA


def test_a_read_of_nothing_gives_nothing_and_loses_nothing():
    reader = reader_of()
    assert reader.read(0) == b""
    assert unseal(reader.read()) == DATA


def test_the_reader_is_a_readable_file_for_buffered_readers():
    reader = reader_of()
    assert reader.readable() and reader.sealer.size is None
    buffered = io.BufferedReader(reader, buffer_size=50)
    assert unseal(buffered.read()) == DATA
    assert reader.sealer.size == len(DATA)


def test_readinto_fills_the_buffer_it_is_given():
    reader = reader_of()
    buffer = bytearray(20)
    assert reader.readinto(buffer) == 20 and len(buffer) == 20
    assert buffer[:4] == b"MPS1"


def test_pieces_after_a_partial_read_hand_over_the_rest_without_empty_pieces_and_then_nothing():
    reader = reader_of()
    start = reader.read(crypto.HEADER_SIZE)  # exactly the header: nothing of it is left over
    pieces = list(reader.pieces())
    assert all(pieces)
    assert unseal(start + b"".join(pieces)) == DATA
    assert reader.read(10) == b"" and reader.read() == b""


# --- the vault benchmark's own figure ---------------------------------------------------------------


def test_the_aes_gcm_benchmark_seals_and_opens_the_amount_it_is_asked_to(monkeypatch):
    calls = []
    real = crypto.AESGCM

    class Counting:
        generate_key = staticmethod(real.generate_key)

        def __init__(self, key):
            self.aead = real(key)

        def encrypt(self, nonce, data, aad):
            calls.append(("seal", len(nonce), len(data), aad))
            return self.aead.encrypt(nonce, data, aad)

        def decrypt(self, nonce, data, aad):
            calls.append(("open", len(nonce), len(data), aad))
            return self.aead.decrypt(nonce, data, aad)

    monkeypatch.setattr(crypto, "AESGCM", Counting)
    started = time.perf_counter()
    sealing, opening = crypto.aes_gcm_benchmark(5 * 64, chunk_size=64)
    elapsed = time.perf_counter() - started
    assert calls == [("seal", 12, 64, b"bench")] * 5 + [("open", 12, 64 + crypto.TAG_SIZE, b"bench")] * 5
    assert 0 < sealing < elapsed and 0 < opening < elapsed  # both measured, neither counted from elsewhere
    calls.clear()
    crypto.aes_gcm_benchmark(10, chunk_size=64)  # less than one chunk still measures one
    assert [c[0] for c in calls] == ["seal", "open"]
