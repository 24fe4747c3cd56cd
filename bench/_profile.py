"""Where a page's time goes: cProfile over many requests through the whole middleware stack, with the
portal's production settings on the HTTP benchmark's database (run `make bench` or `python -m bench http`
once first so that var/bench-http/ holds it).

    python -m bench._profile                       # every public page, English and Arabic
    python -m bench._profile /mailbox/sign-in/ ar  # one page in one language
    BENCH_PROFILE_TOP=40 BENCH_PROFILE_SORT=tottime python -m bench._profile /report/
    BENCH_PROFILE_SESSION=<mailbox_cookie from python -m bench._http_setup> python -m bench._profile /mailbox/

Prints, per page: the mean time per request, the number of queries, and the functions that take the
most time. A developer's tool, not a benchmark: profiling slows everything down evenly.
"""

import cProfile
import os
import pstats
import sys
import time

from bench.http import VAR, _portal_env

PAGES = ["/", "/guide/", "/report/", "/mailbox/sign-in/", "/procedure/", "/counsellors/", "/mailbox/lost-code/"]


def _setup() -> None:
    for key, value in _portal_env().items():
        os.environ.setdefault(key, value)
    os.environ["DJANGO_SETTINGS_MODULE"] = "meldpunt.settings"
    os.environ["DATABASE_URL"] = f"sqlite:///{VAR / 'portal.sqlite3'}"
    import django

    django.setup()


def profile(path: str, language: str, *, repeat: int) -> None:
    from django.db import connection
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https", HTTP_ACCEPT_ENCODING="gzip, br")
    client.cookies["django_language"] = language
    if os.environ.get("BENCH_PROFILE_SESSION"):  # a mailbox or staff page: a session id printed by bench._http_setup
        client.cookies["sessionid"] = os.environ["BENCH_PROFILE_SESSION"]
    for _ in range(20):  # warm: templates loaded, parts kept
        client.get(path)
    queries = []  # counted by a wrapper: the request_started signal empties Django's own query log

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(path)
    batches = []  # the best of five batches: the machine is shared, and others' load only adds
    for _ in range(5):
        started = time.perf_counter()
        for _ in range(max(1, repeat // 5)):
            client.get(path)
        batches.append((time.perf_counter() - started) / max(1, repeat // 5) * 1000)
    mean = min(batches)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(repeat):
        client.get(path)
    profiler.disable()
    encoding = response.get("Content-Encoding", "none")
    print(f"\n--- {path} [{language}] {response.status_code}, {len(response.content)} bytes ({encoding}), "
          f"{len(queries)} queries, {mean:.2f} ms a request (unprofiled, in-process, best of 5 batches)")
    for sql in queries:
        print(f"    q: {sql[:int(os.environ.get('BENCH_PROFILE_SQL_WIDTH', '150'))]}")
    stats = pstats.Stats(profiler)
    stats.sort_stats(os.environ.get("BENCH_PROFILE_SORT", "cumulative"))
    stats.print_stats(int(os.environ.get("BENCH_PROFILE_TOP", "25")))


def main(argv: list[str]) -> int:
    _setup()
    paths = [argv[0]] if argv else PAGES
    languages = [argv[1]] if len(argv) > 1 else ["en", "ar"]
    repeat = int(os.environ.get("BENCH_PROFILE_REPEAT", "200"))
    for path in paths:
        for language in languages:
            profile(path, language, repeat=repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
