"""The lock files agree with pyproject.toml (offline; CI also runs `make lock-check` against PyPI)."""

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s;\\]+)", re.M)


def pins(name: str) -> dict[str, str]:
    text = (ROOT / "requirements" / name).read_text()
    return {canonicalize_name(m.group(1)): m.group(2) for m in PIN.finditer(text)}


def declared(*extras: str) -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    requirements = list(project["dependencies"])
    for extra in extras:
        requirements += project["optional-dependencies"][extra]
    return [Requirement(r) for r in requirements]


def test_every_dependency_is_locked_at_a_version_pyproject_allows():
    for lock, extras in [("production.txt", ()), ("dev.txt", ("test",))]:
        locked = pins(lock)
        for requirement in declared(*extras):
            name = canonicalize_name(requirement.name)
            assert name in locked, f"{requirement.name} is not in requirements/{lock}: run make lock"
            assert requirement.specifier.contains(locked[name], prereleases=True), (
                f"requirements/{lock} pins {name}=={locked[name]}, pyproject.toml asks {requirement}: run make lock"
            )


def test_production_and_development_run_the_same_versions():
    production, development = pins("production.txt"), pins("dev.txt")
    assert {name: development.get(name) for name in production} == production


def test_nothing_is_locked_as_direct_that_pyproject_no_longer_asks_for():
    direct = {canonicalize_name(r.name) for r in declared("test")}
    for lock in ["production.txt", "dev.txt"]:
        text = (ROOT / "requirements" / lock).read_text()
        for block in re.split(r"\n(?=\S)", text):
            match = PIN.match(block)
            only_via_us = match and "via" in block and all(
                "meldpunt-integriteit" in line or "-c requirements" in line or line.strip() in {"# via", "#"}
                for line in block.splitlines()[1:]
            )
            if only_via_us and "meldpunt-integriteit" in block:
                assert canonicalize_name(match.group(1)) in direct, f"{match.group(1)} is stale in {lock}: run make lock"
