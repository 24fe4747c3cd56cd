"""The W3C Nu HTML checker, run locally: the npm package vnu-jar ships the jar; Java runs it.

`make validator` installs it into var/tools (CI does this in .ci/run). Tests that need it skip with a
clear message when Java or the jar is missing, never pass silently.
"""

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JAR_PLACES = [
    Path(os.environ["VNU_JAR"]) if os.environ.get("VNU_JAR") else None,
    ROOT / "var/tools/node_modules/vnu-jar/build/dist/vnu.jar",
]


def vnu_command() -> list[str] | None:
    java = shutil.which("java")
    jar = next((place for place in JAR_PLACES if place and place.is_file()), None)
    if not java or not jar:
        return None
    return [java, "-Xss2m", "-jar", str(jar)]


MISSING = "the W3C Nu validator needs java and vnu.jar: run `make validator` (npm install vnu-jar into var/tools)"


def validate(documents: dict[str, str]) -> dict[str, list[str]]:
    """Check every document in one Java run; return the errors per document name (empty when valid)."""
    command = vnu_command()
    assert command, MISSING
    with tempfile.TemporaryDirectory() as folder:
        paths = {}
        for number, (name, html) in enumerate(documents.items()):
            path = Path(folder) / f"page{number:04d}.html"
            path.write_text(html, encoding="utf-8")
            paths[str(path)] = name
        done = subprocess.run(
            [*command, "--format", "json", "--errors-only", "--exit-zero-always", *paths],
            capture_output=True, text=True, timeout=600,
        )
        report = json.loads(done.stderr or done.stdout)
    errors: dict[str, list[str]] = {name: [] for name in documents}
    for message in report["messages"]:
        if message.get("type") not in ("error", "non-document-error"):
            continue
        name = paths.get(message.get("url", "").removeprefix("file:"), "?")
        line = message.get("lastLine", "?")
        errors.setdefault(name, []).append(f"line {line}: {message['message']} [{message.get('extract', '').strip()}]")
    return errors
