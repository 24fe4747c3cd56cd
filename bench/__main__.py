"""`make bench`: run every benchmark module in bench/ (each has `run()`), print figures, never fail on time.

Benchmarks are not tests: they measure and print. Pass module names to run a few:
`python -m bench pages vault`.
"""

import importlib
import os
import pkgutil
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "meldpunt.settings_bench")


def main(argv: list[str]) -> int:
    import django

    django.setup()
    here = os.path.dirname(__file__)
    names = argv or sorted(m.name for m in pkgutil.iter_modules([here]) if not m.name.startswith("_"))
    for name in names:
        module = importlib.import_module(f"bench.{name}")
        print(f"\n=== bench.{name} ===", flush=True)
        started = time.perf_counter()
        module.run()
        print(f"(bench.{name} took {time.perf_counter() - started:.1f} s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
