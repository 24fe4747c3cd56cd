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


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _rss_mib() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / MiB


class _PeakRss:
    """The largest resident size while an operation runs. Linux keeps it as VmHWM, which writing 5
    to /proc/self/clear_refs resets, so the imports before the operation do not count and no
    sampling thread competes with the one being measured."""

    def __enter__(self):
        with open("/proc/self/clear_refs", "w") as clear:
            clear.write("5")
        return self

    def __exit__(self, *exc):
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    self.peak = int(line.split()[1]) / 1024  # kB
        return False


OPERATIONS = (
    ("plain-copy", "plain copy to storage (as Django)"),
    ("plain-copy+fsync", "plain copy to storage + fsync"),
    ("encrypt", "vault encrypt (seal, SHA-256, fsync)"),
    ("decrypt", "vault decrypt (open, authenticate)"),
    ("plain-read", "plain streamed read from storage"),
    ("aes-gcm", "raw AES-256-GCM seal (library)"),
)


def _sha256_rate() -> float:
    data = os.urandom(256 * MiB)
    best = min(_timed(lambda: hashlib.sha256(data).digest()) for _run in range(3))
    return 256 / best


def _timed(work) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


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
    durable = operation.endswith("+fsync")
    operation = operation.removesuffix("+fsync")
    before = _rss_mib()
    sampler = _PeakRss().__enter__()
    cpu_started = _cpu_seconds()
    started = time.perf_counter()
    if operation == "plain-copy":
        with open(source, "rb") as handle:
            name = store.save("plain/copy.bin", File(handle, name="copy.bin"))
    elif operation == "plain-read":
        with store.open("plain/copy.bin", "rb") as handle:
            for _chunk in File(handle).chunks(crypto.STREAM_CHUNK_SIZE):
                pass
    elif operation == "encrypt":
        with open(source, "rb") as handle:
            stored = vault_storage.store_sealed(key=key, source=handle, aad="bench:original", name="sealed/file.sealed")
        assert stored.size == size
        name = stored.name
    elif operation == "decrypt":
        for _chunk in vault_storage.open_plain(key=key, stored_name="sealed/file.sealed", aad="bench:original"):
            pass
    elif operation == "aes-gcm":
        seal_seconds, open_seconds = crypto.aes_gcm_benchmark(size)
    else:
        raise SystemExit(f"unknown operation {operation}")
    if durable:  # on disk, not only in the page cache
        with open(store.path(name), "rb") as written:
            os.fsync(written.fileno())
    seconds = time.perf_counter() - started
    cpu = _cpu_seconds() - cpu_started
    sampler.__exit__()
    if operation in ("plain-copy", "encrypt") and name not in ("plain/copy.bin", "sealed/file.sealed"):
        store.delete(name)  # a repeat run: keep one copy for the reads
    figures = {"seconds": seconds, "cpu": cpu, "before": before, "peak": sampler.peak, "maxrss": _peak_rss_mib()}
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
    print("process's size just before the operation (Django and the libraries loaded). Writes: best of five runs.")
    print("MiB/s: wall clock; per CPU s: MiB per second of this process's CPU time (steadier on a busy machine).")
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"{'operation':<36}{'file':>9}{'MiB/s':>8}{'per CPU s':>10}{'peak RSS':>11}{'growth':>9}")
    results: dict[tuple[str, int], dict] = {}
    try:
        for size in SIZES:
            source = os.path.join(workdir, "source.bin")
            location = os.path.join(workdir, "storage")
            shutil.rmtree(location, ignore_errors=True)
            _make_source(source, size)
            for operation, label in OPERATIONS:
                repeats = 5 if "+" in operation or operation in ("plain-copy", "encrypt") else 1
                runs = [_measure(operation, source, location) for _run in range(repeats)]
                figures = min(runs, key=lambda f: f["seconds"])  # best of five writes: other work on the machine only slows
                results[(operation, size)] = figures
                rate = size / MiB / figures["seconds"]
                cpu_rate = size / MiB / figures["cpu"] if figures["cpu"] else float("inf")
                print(
                    f"{label:<36}{size // MiB:>5} MiB{rate:>8.0f}{cpu_rate:>9.0f}{figures['peak']:>8.1f} MiB"
                    f"{figures['peak'] - figures['before']:>6.1f} MiB",
                    flush=True,
                )
                if operation == "aes-gcm":
                    print(f"{'raw AES-256-GCM open (library)':<36}{size // MiB:>5} MiB{size / MiB / figures['open_seconds']:>8.0f}")
            os.remove(source)
            shutil.rmtree(location, ignore_errors=True)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    big = SIZES[-1]

    def rate(operation):
        return big / results[(operation, big)]["seconds"]

    sha_rate = _sha256_rate()
    print(f"1 GiB: vault encrypt = {100 * rate('encrypt') / rate('plain-copy+fsync'):.0f}% of the plain copy made as "
          f"durable (target >= 50%), {100 * rate('encrypt') / rate('plain-copy'):.0f}% of the plain copy left in the page "
          f"cache; vault decrypt = {100 * rate('decrypt') / rate('plain-copy'):.0f}% of the plain copy")
    print(f"SHA-256 alone runs at {sha_rate:.0f} MiB/s on this CPU: sealing cannot be faster than that; it reaches "
          f"{100 * rate('encrypt') / MiB / sha_rate:.0f}% of it")
    for operation in ("plain-copy", "encrypt", "decrypt"):
        small, large = results[(operation, SIZES[0])], results[(operation, big)]
        print(f"{operation}: peak RSS growth {small['peak'] - small['before']:.1f} MiB for 64 MiB, "
              f"{large['peak'] - large['before']:.1f} MiB for 1 GiB (flat in file size)")


if __name__ == "__main__":
    print(json.dumps(_child(*sys.argv[1:4])))
