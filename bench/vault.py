"""The evidence vault: throughput and peak memory of sealing and opening files, next to a plain copy.

One run prints, for a 64 MiB and a 1 GiB file: a plain streamed copy into the same storage (as Django
stores an upload), the vault's encrypt (STREAM sealing with SHA-256, into that storage) and decrypt
(chunk by chunk, every chunk authenticated), a plain streamed read for comparison, and the raw
AES-256-GCM speed of the library. Each file operation runs in a fresh process, whose peak RSS
(ru_maxrss) is reported with its growth over the process's size before the operation: flat in file
size means the same growth for 64 MiB and 1 GiB. The files are removed afterwards.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import shutil
import subprocess
import sys
import time

MiB = 1024 * 1024
SIZES = [64 * MiB, 1024 * MiB]
PIECE = 4 * MiB  # the benchmark's own writes/reads of its source file; not what is measured


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _rss_mib() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / MiB


class _RssSampler:
    """The largest resident size seen while an operation runs (sampled every 2 ms), next to
    ru_maxrss, which also counts what the imports before it took."""

    def __init__(self):
        import threading

        self.peak = _rss_mib()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self):
        while not self._stop.wait(0.002):
            self.peak = max(self.peak, _rss_mib())

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, _rss_mib())


def _make_source(path: str, size: int) -> None:
    block = os.urandom(PIECE)  # incompressible: nothing on the way gets an easy ride
    with open(path, "wb") as out:
        for offset in range(0, size, PIECE):
            out.write(block[: min(PIECE, size - offset)])
            block = hashlib.sha256(block[:64]).digest() + block[32:]  # no two pieces alike


def _storage(location: str):
    from django.core.files.storage import FileSystemStorage

    return FileSystemStorage(location=location, file_permissions_mode=0o600, directory_permissions_mode=0o700)


# --- run in a child process: one operation, then a JSON line with its figures ------------------------


def _child(operation: str, source: str, location: str) -> dict:
    import django

    django.setup()
    from django.core.files import File

    from meldpunt import crypto
    from meldpunt.vault import storage as vault_storage

    store = _storage(location)
    vault_storage.storages._storages["vault"] = store  # the vault's own code path, on this storage
    key = bytes(range(32))
    size = os.path.getsize(source)
    before = _rss_mib()
    sampler = _RssSampler().__enter__()
    started = time.perf_counter()
    if operation == "plain-copy":
        with open(source, "rb") as handle:
            store.save("plain/copy.bin", File(handle, name="copy.bin"))
    elif operation == "plain-read":
        with store.open("plain/copy.bin", "rb") as handle:
            for _chunk in File(handle).chunks(crypto.STREAM_CHUNK_SIZE):
                pass
    elif operation == "encrypt":
        with open(source, "rb") as handle:
            stored = vault_storage.store_sealed(key=key, source=handle, aad="bench:original", name="sealed/file.sealed")
        assert stored.size == size
    elif operation == "decrypt":
        for _chunk in vault_storage.open_plain(key=key, stored_name="sealed/file.sealed", aad="bench:original"):
            pass
    elif operation == "aes-gcm":
        seal_seconds, open_seconds = crypto.aes_gcm_benchmark(size)
    else:
        raise SystemExit(f"unknown operation {operation}")
    seconds = time.perf_counter() - started
    sampler.__exit__()
    figures = {"seconds": seconds, "before": before, "peak": sampler.peak, "maxrss": _peak_rss_mib()}
    if operation == "aes-gcm":
        figures.update(seconds=seal_seconds, open_seconds=open_seconds)
    return figures


def _measure(operation: str, source: str, location: str) -> dict:
    os.sync()  # start every operation with nothing of the one before still being written back
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "meldpunt.settings_bench")}
    done = subprocess.run(
        [sys.executable, "-m", "bench.vault", operation, source, location],
        check=True, capture_output=True, text=True, env=env, cwd=os.path.dirname(os.path.dirname(__file__)),
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def run() -> None:
    from django.conf import settings

    from meldpunt import crypto

    workdir = os.path.join(settings.VAR_DIR, "vault-bench")
    os.makedirs(workdir, exist_ok=True)
    print(f"STREAM chunk size {crypto.STREAM_CHUNK_SIZE // 1024} KiB; files in {workdir} (FileSystemStorage)")
    print("peak RSS: the largest resident size while the operation ran, in a fresh process; growth: over that")
    print("process's size just before the operation (Django and the libraries loaded). Writes: best of two runs.")
    print(f"{'operation':<34}{'file':>9}{'MiB/s':>9}{'peak RSS':>11}{'growth':>9}")
    results: dict[tuple[str, int], dict] = {}
    try:
        for size in SIZES:
            source = os.path.join(workdir, "source.bin")
            location = os.path.join(workdir, "storage")
            shutil.rmtree(location, ignore_errors=True)
            _make_source(source, size)
            for operation, label in (
                ("plain-copy", "plain streamed copy to storage"),
                ("encrypt", "vault encrypt (seal + SHA-256)"),
                ("decrypt", "vault decrypt (open, authenticate)"),
                ("plain-read", "plain streamed read from storage"),
                ("aes-gcm", "raw AES-256-GCM seal (library)"),
            ):
                figures = _measure(operation, source, location)
                if operation in ("plain-copy", "encrypt"):  # writes: the page cache makes single runs noisy
                    again = _measure(operation, source, location)
                    figures = again if again["seconds"] < figures["seconds"] else figures
                results[(operation, size)] = figures
                rate = size / MiB / figures["seconds"]
                print(
                    f"{label:<34}{size // MiB:>5} MiB{rate:>9.0f}{figures['peak']:>8.1f} MiB"
                    f"{figures['peak'] - figures['before']:>6.1f} MiB",
                    flush=True,
                )
                if operation == "aes-gcm":
                    print(f"{'raw AES-256-GCM open (library)':<34}{size // MiB:>5} MiB{size / MiB / figures['open_seconds']:>9.0f}")
            os.remove(source)
            shutil.rmtree(location, ignore_errors=True)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    big = SIZES[-1]
    copy_rate = big / results[("plain-copy", big)]["seconds"]
    read_rate = big / results[("plain-read", big)]["seconds"]
    encrypt_rate = big / results[("encrypt", big)]["seconds"]
    decrypt_rate = big / results[("decrypt", big)]["seconds"]
    print(f"1 GiB: vault encrypt = {100 * encrypt_rate / copy_rate:.0f}% and vault decrypt = "
          f"{100 * decrypt_rate / copy_rate:.0f}% of the plain copy (target >= 50%); "
          f"decrypt = {100 * decrypt_rate / read_rate:.0f}% of a plain read from the page cache")
    for operation in ("plain-copy", "encrypt", "decrypt"):
        small, large = results[(operation, SIZES[0])], results[(operation, big)]
        print(f"{operation}: peak RSS growth {small['peak'] - small['before']:.1f} MiB for 64 MiB, "
              f"{large['peak'] - large['before']:.1f} MiB for 1 GiB (flat in file size)")


if __name__ == "__main__":
    print(json.dumps(_child(*sys.argv[1:4])))
