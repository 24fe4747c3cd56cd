"""Side by side over HTTP: the portal's pages against a bare Django floor, under the same gunicorn.

Both run as gunicorn with 2 sync workers on this machine, with DEBUG off, on one SQLite database;
wrk (-t2 -c16) loads each page in turn and the share of its floor is printed: public pages against
the bare template, mailbox and staff pages against the template plus one read. Figures only, never
pass or fail. The floor app listens on BENCH_HTTP_PORT and the portal on the next port; each page is
loaded right after its floor, so that both meet the same load on a shared machine (the share is what
to compare). Environment: BENCH_HTTP_SECONDS (default 5 per page), BENCH_HTTP_PORT (default 8390),
BENCH_HTTP_ONLY (labels to load, comma-separated; default every page), BENCH_SUBMIT_COUNT (default 100).

Then, on the same server: what each reporter page weighs as it travels (the HTML as sent, plus each
stylesheet and script as WhiteNoise serves it compressed; the limit is 50 KB), and how long filing a
report takes (BENCH_SUBMIT_COUNT posts of the form, one after another, p50 and p95). The portal runs
with a cheap Argon2id for receipt codes here (RECEIPT_HASH_TIME_COST=1, RECEIPT_HASH_MEMORY_KIB=1024),
so the submission figures leave out the deliberate hash; its cost at the production settings is
printed beside them.
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
BENCH_HASH_TIME_COST, BENCH_HASH_MEMORY_KIB = 1, 1024
WEIGHT_LIMIT = 50 * 1024
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
        # The receipt code's deliberate slow hash is left out of the submission figures (printed apart).
        "RECEIPT_HASH_TIME_COST": str(BENCH_HASH_TIME_COST),
        "RECEIPT_HASH_MEMORY_KIB": str(BENCH_HASH_MEMORY_KIB),
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
    if process.poll() is not None:
        return  # stopped already
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    except ProcessLookupError:
        pass


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
        ("staff inbox, last page", ids.get("deep_inbox") or "/staff/desk/", "read", staff),
        ("staff worklist", "/staff/desk/worklist/", "read", staff),
        ("report page (staff)", f"/staff/desk/reports/{ids['report_id']}/", "read", staff),
    ]
    if ids.get("case_id"):
        pages.append(("case page (staff)", f"/staff/desk/cases/{ids['case_id']}/", "read", staff))
    only = os.environ.get("BENCH_HTTP_ONLY")  # e.g. "home,report form": a few pages while working on them
    loaded = [page for page in pages if not only or any(word.strip() in page[0] for word in only.split(","))]

    try:
        portal = _serve("meldpunt.wsgi:application", port + 1, env)
    except Exception:
        _stop(floor)
        raise
    print(f"\n  gunicorn, 2 sync workers; wrk -t2 -c16, {seconds} s per page; SQLite")
    print("  Each page is loaded right after its floor, so both meet the same load on a shared machine.")
    print(f"  {'page':<34} {'lang':<5} {'req/s':>8}  {'floor':>8} {'req/s':>7}  share")
    try:
        for label, path, floor_name, extra in loaded:
            for language in ("en", "ar"):
                headers = {**base, **extra}
                cookie = f"django_language={language}"
                headers["Cookie"] = f"{headers['Cookie']}; {cookie}" if "Cookie" in headers else cookie
                url = f"http://127.0.0.1:{port + 1}{path}"
                status = _status(url, headers)
                if status != 200:
                    print(f"  {label:<34} {language:<5} answered {status}: left out")
                    continue
                floor_per_s = _load(wrk, f"http://127.0.0.1:{port}/{floor_name}/", headers=base, seconds=seconds)[0]
                per_s, bad = _load(wrk, url, headers=headers, seconds=seconds)
                share = per_s / floor_per_s * 100
                note = f"  ({bad} non-2xx)" if bad else ""
                print(f"  {label:<34} {language:<5} {per_s:8.0f}  {floor_name:>8} {floor_per_s:7.0f}  {share:3.0f} %{note}", flush=True)
        weighed = [(label, path, extra) for label, path, _floor, extra in pages if extra is not staff] + [
            ("report form, external point", "/report/external/", {}), ("lost code", "/mailbox/lost-code/", {}),
            ("transparency", "/transparency/", {}),
        ]
        _stop(floor)  # the rest measures the portal alone
        _print_weights(port + 1, weighed, base)
        _print_submissions(port + 1, ids, count=int(os.environ.get("BENCH_SUBMIT_COUNT", "100")))
    finally:
        _stop(floor)
        _stop(portal)


def _fetch(url: str, headers: dict, data: bytes | None = None):
    """(status, headers, body) without following redirects."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(url, headers=headers, data=data)
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def _print_weights(port: int, pages: list, base: dict) -> None:
    """What each reporter page weighs as it travels: its HTML as sent and its stylesheets and scripts as
    WhiteNoise serves them (compressed), in English, Arabic and Russian."""
    import gzip

    print(f"\n  page weight as it travels (limit {WEIGHT_LIMIT // 1024} KB): HTML as sent + CSS/JS compressed")
    print(f"  {'page':<34} {'lang':<5} {'HTML':>8} {'sent as':<8} {'CSS+JS':>8} {'total':>8}")
    assets: dict[str, int] = {}
    for label, path, extra in pages:
        for language in ("en", "ar", "ru"):
            headers = {**base, **extra}
            cookie = f"django_language={language}"
            headers["Cookie"] = f"{headers['Cookie']}; {cookie}" if "Cookie" in headers else cookie
            status, answer, body = _fetch(f"http://127.0.0.1:{port}{path}", headers)
            if status != 200:
                continue
            encoding = answer.get("Content-Encoding") or "plain"
            html = gzip.decompress(body).decode() if encoding == "gzip" else body.decode()
            total_assets = 0
            for asset in sorted(set(re.findall(r'(?:href|src)="(/static/[^"?]+\.(?:css|js))"', html))):
                if asset not in assets:
                    assets[asset] = len(_fetch(f"http://127.0.0.1:{port}{asset}", base)[2])
                total_assets += assets[asset]
            total = len(body) + total_assets
            over = "" if total < WEIGHT_LIMIT else "  OVER THE LIMIT"
            print(f"  {label:<34} {language:<5} {len(body):8,} {encoding:<8} {total_assets:8,} {total:8,}{over}", flush=True)


def _argon2_ms(time_cost: int, memory_kib: int) -> float:
    from argon2 import PasswordHasher

    hasher = PasswordHasher(time_cost=time_cost, memory_cost=memory_kib, parallelism=1)
    started = time.perf_counter()
    for _ in range(3):
        hasher.hash("0123456789012345")
    return (time.perf_counter() - started) / 3 * 1000


def _print_submissions(port: int, ids: dict, *, count: int) -> None:
    """Files `count` reports through the form, one after another, as a browser would (the form first,
    then the post with its CSRF and one-time tokens); times the post up to the redirect to the receipt."""
    import statistics
    import urllib.parse

    origin = f"https://127.0.0.1:{port}"
    base = {"X-Forwarded-Proto": "https", "Origin": origin, "Referer": f"{origin}/report/"}
    url = f"http://127.0.0.1:{port}/report/"
    samples, failed = [], 0
    for number in range(count):
        _status, answer, body = _fetch(url, base)
        page = body.decode()
        cookies = "; ".join(c.split(";", 1)[0] for c in answer.get_all("Set-Cookie") or [])
        form = {
            "csrfmiddlewaretoken": re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1),
            "submission_token": re.search(r'name="submission_token" value="([^"]+)"', page).group(1),
            "category": ids["category"], "post": ids["post"], "identity": "anonymous",
            "narrative": f"Bench report {number}: what happened, in a few sentences. " * 5,
        }
        data = urllib.parse.urlencode(form).encode()
        headers = {**base, "Cookie": cookies, "Content-Type": "application/x-www-form-urlencoded"}
        started = time.perf_counter()
        status, answer, _body = _fetch(url, headers, data)
        elapsed = (time.perf_counter() - started) * 1000
        if status == 302 and "/report/received/" in answer.get("Location", ""):
            samples.append(elapsed)
        else:
            failed += 1
    print(f"\n  report submission over HTTP, {count} posts one after another (receipt hash at time cost "
          f"{BENCH_HASH_TIME_COST}, {BENCH_HASH_MEMORY_KIB} KiB)")
    if samples:
        samples.sort()
        p95 = samples[max(0, int(len(samples) * 0.95) - 1)]
        print(f"  p50 {statistics.median(samples):7.1f} ms   p95 {p95:7.1f} ms   ({len(samples)} filed, {failed} not)")
    else:
        print(f"  no report was filed ({failed} posts refused): see var/bench-http/gunicorn-{port}.log")
    cheap, production = _argon2_ms(BENCH_HASH_TIME_COST, BENCH_HASH_MEMORY_KIB), _argon2_ms(3, 65536)
    print(f"  the receipt hash itself, in this process: {cheap:.1f} ms at the bench's cost, {production:.1f} ms at the"
          " production default (RECEIPT_HASH_TIME_COST=3, RECEIPT_HASH_MEMORY_KIB=65536), added to each filing")
