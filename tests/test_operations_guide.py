"""docs/operations.md and ops/production-check.sh (which CI runs) say the same commands, and the
guide's settings table names every environment variable the code reads."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUIDE = (ROOT / "docs" / "operations.md").read_text()
SCRIPT = (ROOT / "ops" / "production-check.sh").read_text()
ENV_READ = re.compile(
    r"""(?:environ\.get|environ\[|env_bool|env_int_list|env_required|getenv|environ\.setdefault)\(?\s*["']([A-Z][A-Z0-9_]+)["']"""
)
SKIP = {".venv", "tests", "bench", "build", "var", "node_modules", "mutants"}  # mutants: make mutants' copy


def guide_commands() -> list[str]:
    commands = []
    for line in SCRIPT.splitlines():
        if "# guide:" in line:
            command = line.split("# guide:")[0]
            command = re.split(r"\s+(?:>|2>|&\s*$)", command)[0].strip()
            commands.append(command)
    return commands


def test_the_production_check_runs_the_guides_commands_word_for_word():
    commands = guide_commands()
    assert len(commands) >= 9
    for needed in ["migrate", "compilemessages", "collectstatic", "create_admin", "invite_staff", "check --deploy",
                   "gunicorn", "worker", "beat", "/health/"]:
        assert any(needed in command for command in commands), needed
    missing = [command for command in commands if command not in GUIDE]
    assert not missing, f"in ops/production-check.sh but not in docs/operations.md: {missing}"


def settings_read_by_the_code() -> set[str]:
    names = set()
    for path in ROOT.rglob("*.py"):
        relative = path.relative_to(ROOT)
        if relative.parts[0] in SKIP or path.name in {"settings_test.py", "settings_bench.py"}:
            continue
        names |= set(ENV_READ.findall(path.read_text()))
    return names


def test_every_setting_the_code_reads_is_in_the_guides_table():
    table = "\n".join(line for line in GUIDE.splitlines() if line.startswith("| `"))
    documented = set(re.findall(r"`([A-Z][A-Z0-9_]+)`", table))
    missing = sorted(settings_read_by_the_code() - documented)
    assert not missing, f"settings read by the code but not in docs/operations.md's table: {missing}"
