"""The project's own checks: ruff and mypy clean, and the README in step with the code."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from docgen.build.compat import Quirks
from tests.plugin_factory import REPO


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)


def test_ruff_clean() -> None:
    result = _run(
        sys.executable,
        "-m",
        "ruff",
        "check",
        "docgen",
        "tests",
        "scripts",
        "benchmarks",
        "hatch_build.py",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_clean() -> None:
    pytest.importorskip("mypy")
    result = _run(sys.executable, "-m", "mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_readme_documents_every_quirk() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = {m.group(1) for m in re.finditer(r"^\| `([a-z_]+)` \|", readme, re.M)}
    assert {name for name, _, _ in Quirks.table()} <= table


def test_ci_runs_the_readme_test_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```shell\n(.+?)\n```", readme)
    test_command = next(c for c in commands if "pytest" in c)
    assert test_command in (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()


def test_quirk_flags_are_read_only_in_compat() -> None:
    """Every quirk is decided in docgen/build/compat.py: no other module or template tests
    a flag (``quirks.newline_collapse``); they call compat's function for it."""
    flags = "|".join(Quirks._fields)
    reading = re.compile(rf"\bquirks\.({flags})\b")
    compat = REPO / "docgen" / "build" / "compat.py"
    files = [*(REPO / "docgen").rglob("*.py"), *(REPO / "templates").rglob("*.j2")]
    offenders = [
        f"{path.relative_to(REPO)}:{number}"
        for path in files
        if path != compat
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if reading.search(line)
    ]
    assert offenders == []
    assert reading.search(compat.read_text(encoding="utf-8"))


def test_readme_lists_every_profile() -> None:
    """README.md's profile table names each profile, its blobs and what it changed."""
    from docgen.build.profiles import profiles

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for profile in profiles():
        blobs = ", ".join(f"`{blob}`" for blob in profile.blobs)
        assert f"| `{profile.name}` | {profile.shipped} | {blobs} | {profile.change} |" in readme


def test_readme_names_the_distribution_and_the_python_it_needs() -> None:
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert (project["name"], project["requires-python"]) == ("dokku-docgen", ">=3.11")
    assert project["scripts"] == {"docgen": "docgen.cli:console_entry"}
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "docgen needs Python 3.11 or later. Its distribution is named `dokku-docgen`" in readme
