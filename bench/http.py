"""Side by side over HTTP: the portal's pages against a bare Django floor, under the same gunicorn.

Both run as gunicorn with 2 sync workers on this machine, with DEBUG off, on one SQLite database;
wrk (-t2 -c16) loads each page in turn and the share of its floor is printed: public pages against
the bare template, mailbox and staff pages against the template plus one read. Figures only, never
pass or fail. Environment: BENCH_HTTP_SECONDS (default 5 per page), BENCH_HTTP_PORT (default 8390).
"""

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var" / "bench-http"
PY = sys.executable


def _local_env() -> dict:
    env = {}
    path = ROOT / "var" / "local.env"
    for line in path.read_text().splitlines():
        if "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            env[key.strip()] = value.strip()
    return env


def _ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    print("  installing wrk (Debian package)...", flush=True)
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=False, capture_output=True)
    found = shutil.which("wrk")
    if not found:
        subprocess.run(["apt-get", "update", "-qq"], check=False, capture_output=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, capture_output=True)
        found = shutil.which("wrk")
    return found


def _portal_env() -> dict:
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "DEBUG", "DATABASE_URL"}}
    env.update(_local_env())
    env.update({
        "DJANGO_SETTINGS_MODULE": "meldpunt.settings",
        "MELDPUNT_VAR_DIR": str(VAR),
        "DATABASE_URL": f"sqlite:///{VAR / 'portal.sqlite3'}",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SITE_URL": "https://127.0.0.1",
        "LOG_LEVEL": "WARNING",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",  # no mail server in a benchmark
        "SECURE_SSL_REDIRECT": "0",  # wrk plays the TLS proxy (X-Forwarded-Proto); the start-up probe is plain
        "PYTHONPATH": str(ROOT),
    })
    return env


def _serve(app: str, port: int, env: dict) -> subprocess.Popen:
    command = [PY, "-m", "gunicorn", app, "--bind", f"127.0.0.1:{port}", "--workers", "2",
               "--worker-class", "sync", "--log-level", "warning", "--access-logfile", "/dev/null"]
    process = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=open(VAR / f"gunicorn-{port}.log", "w"))
    for _ in range(600):  # the portal runs its start-up checks first
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/__nothing__", timeout=1)
        except urllib.error.HTTPError:
            return process
        except OSError:
            time.sleep(0.1)
    _stop(process)
    raise RuntimeError(f"gunicorn on {port} did not start: see {VAR}/gunicorn-{port}.log")


def _stop(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(process.pid, signal.SIGKILL)


def _load(wrk: str, url: str, *, headers: dict, seconds: int) -> tuple[float, int]:
    """Requests per second under wrk, and the number of non-2xx answers (which would make it meaningless)."""
    command = [wrk, "-t2", "-c16", f"-d{seconds}s", "--timeout", "5s"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    out = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout
    per_s = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    return per_s, int(bad.group(1)) if bad else 0


def _status(url: str, headers: dict) -> int:
    request = urllib.request.Request(url, headers=headers)
    try:
        return urllib.request.urlopen(request, timeout=10).status
    except urllib.error.HTTPError as error:
        return error.code


def run() -> None:
    seconds = int(os.environ.get("BENCH_HTTP_SECONDS", "5"))
    port = int(os.environ.get("BENCH_HTTP_PORT", "8390"))
    wrk = _ensure_wrk()
    for folder in ("broker/queue", "broker/processed", "log"):  # the filesystem broker takes queued notices
        (VAR / folder).mkdir(parents=True, exist_ok=True)
    env = _portal_env()
    print("  preparing the database (demo data, 2,000 reports, sessions)...", flush=True)
    prepared = subprocess.run([PY, "-m", "bench._http_setup"], cwd=ROOT, env=env, capture_output=True, text=True)
    if prepared.returncode:
        print(prepared.stderr[-3000:])
        raise RuntimeError("preparing the HTTP benchmark's database failed")
    ids = json.loads(prepared.stdout.strip().splitlines()[-1])
    subprocess.run([PY, "manage.py", "collectstatic", "--no-input", "-v", "0"], cwd=ROOT, env=env, check=True)

    floor_env = {**os.environ, "FLOOR_DATABASE": str(VAR / "portal.sqlite3"), "PYTHONPATH": str(ROOT)}
    floor_env.pop("DJANGO_SETTINGS_MODULE", None)
    base = {"X-Forwarded-Proto": "https", "Accept-Encoding": "gzip, br"}
    floor = _serve("bench._floor:application", port, floor_env)
    try:
        floors = {
            "template": _load(wrk, f"http://127.0.0.1:{port}/template/", headers=base, seconds=seconds)[0],
            "read": _load(wrk, f"http://127.0.0.1:{port}/read/", headers=base, seconds=seconds)[0],
        }
    finally:
        _stop(floor)

    mailbox = {"Cookie": f"sessionid={ids['mailbox_cookie']}"}
    staff = {"Cookie": f"sessionid={ids['staff_cookie']}"}
    pages = [  # (label, path, floor, extra headers)
        ("home", "/", "template", {}),
        ("channel guide", "/guide/", "template", {}),
        ("report form", "/report/", "template", {}),
        ("mailbox sign-in", "/mailbox/sign-in/", "template", {}),
        ("procedure index", "/procedure/", "template", {}),
        ("counsellor directory", "/counsellors/", "template", {}),
        ("directory, region + language", f"/counsellors/?region={ids['region']}&language=ar", "template", {}),
        ("mailbox", "/mailbox/", "read", mailbox),
        ("staff inbox", "/staff/desk/", "read", staff),
        ("staff worklist", "/staff/desk/worklist/", "read", staff),
        ("report page (staff)", f"/staff/desk/reports/{ids['report_id']}/", "read", staff),
    ]
    if ids.get("case_id"):
        pages.append(("case page (staff)", f"/staff/desk/cases/{ids['case_id']}/", "read", staff))

    portal = _serve("meldpunt.wsgi:application", port, env)
    print(f"\n  gunicorn, 2 sync workers; wrk -t2 -c16, {seconds} s per page; SQLite")
    print(f"  {'page':<34} {'lang':<5} {'req/s':>8}  {'floor':>8}  share")
    print(f"  {'bare template (floor)':<34} {'':<5} {floors['template']:8.0f}  {'':>8}  100 %")
    print(f"  {'bare template + one read (floor)':<34} {'':<5} {floors['read']:8.0f}  {'':>8}  100 %")
    try:
        for label, path, floor_name, extra in pages:
            for language in ("en", "ar"):
                headers = {**base, **extra}
                cookie = f"django_language={language}"
                headers["Cookie"] = f"{headers['Cookie']}; {cookie}" if "Cookie" in headers else cookie
                url = f"http://127.0.0.1:{port}{path}"
                status = _status(url, headers)
                if status != 200:
                    print(f"  {label:<34} {language:<5} answered {status}: left out")
                    continue
                per_s, bad = _load(wrk, url, headers=headers, seconds=seconds)
                share = per_s / floors[floor_name] * 100
                note = f"  ({bad} non-2xx)" if bad else ""
                print(f"  {label:<34} {language:<5} {per_s:8.0f}  {floor_name:>8}  {share:3.0f} %{note}", flush=True)
    finally:
        _stop(portal)
