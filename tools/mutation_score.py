"""Print the mutation score per module after `mutmut run` (used by `make mutants`).

Killed = a test failed (or the mutant timed out / was caught by the type check). Survived and "no
tests" count against the score; mutants not checked yet (a narrowed run) are left out and counted.
"""

import sys
from collections import Counter, defaultdict

from mutmut.mutation.data import SourceFileMutationData
from mutmut.stats import status_by_exit_code
from mutmut.utils.file_utils import walk_mutatable_files

KILLED = {"killed", "timeout", "caught by type check", "segfault"}
TARGET = 90.0


def module_of(path: str) -> str:
    return "meldpunt/audit/" if path.startswith("meldpunt/audit/") else path


def main() -> int:
    by_module: dict[str, Counter] = defaultdict(Counter)
    survivors: dict[str, list[str]] = defaultdict(list)
    for path in walk_mutatable_files():
        data = SourceFileMutationData(path=path)
        data.load()
        for name, exit_code in data.exit_code_by_key.items():
            status = status_by_exit_code[exit_code]
            by_module[module_of(str(path))][status] += 1
            if status in ("survived", "no tests"):
                survivors[module_of(str(path))].append(name)
    print(f"\n{'module':<42}{'killed':>8}{'checked':>9}{'score':>8}{'unchecked':>11}")
    below = 0
    for module in sorted(by_module):
        counts = by_module[module]
        unchecked = counts["not checked"] + counts["skipped"] + counts["check was interrupted by user"]
        checked = sum(counts.values()) - unchecked
        killed = sum(counts[s] for s in KILLED)
        score = 100.0 * killed / checked if checked else float("nan")
        below += checked > 0 and score < TARGET
        print(f"{module:<42}{killed:>8}{checked:>9}{score:>7.1f}%{unchecked:>11}")
    if "-v" in sys.argv:
        for module, names in sorted(survivors.items()):
            print(f"\nsurvivors in {module} (mutmut show NAME):")
            for name in names:
                print(f"  {name}")
    print(f"\nTarget {TARGET:.0f} % per module; {below} module(s) below it.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
