"""--check: the report, the diff, colours, many plugins in one run."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.conftest import (
    SENTINEL,
    run,
    temp_files,
    with_readme,
)
from tests.plugin_factory import make_plugin

# --- --check output -------------------------------------------------------------------------


def test_check_reports_a_stale_readme(
    plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = with_readme(plugin())
    code, out, err = run(capsys, "--check", root)
    lines = out.splitlines()
    assert code == 1
    assert err == []
    assert lines[0] == f"{root}/README.md is out of date"
    assert lines[1] == "--- README.md (committed)"
    assert lines[2] == "+++ README.md (generated)"
    assert lines[3].startswith("@@ ")
    assert f"-{SENTINEL.rstrip()}" in lines
    assert lines[-1] == "0 current, 1 out of date, 0 errors"
    assert "\x1b" not in out
    assert (root / "README.md").read_text(encoding="utf-8") == SENTINEL
    assert temp_files(root) == []


def test_check_reports_a_missing_readme(
    plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = plugin()
    code, out, err = run(capsys, "--check", root)
    assert (code, err) == (1, [])
    assert out.splitlines()[0] == f"{root}/README.md is out of date"
    assert not (root / "README.md").exists()


@pytest.mark.parametrize("flag", ["--quiet", "-q"])
def test_check_quiet_drops_the_diff(
    flag: str, plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = with_readme(plugin())
    code, out, err = run(capsys, "--check", flag, root)
    assert (code, err) == (1, [])
    assert out == f"{root}/README.md is out of date\n"
    assert (root / "README.md").read_text(encoding="utf-8") == SENTINEL


@pytest.mark.parametrize(
    ("no_color", "tty", "coloured"),
    [(True, True, False), (True, False, False), (False, False, False), (False, True, True)],
)
def test_check_colour_only_on_a_tty_without_no_color(
    no_color: bool,
    tty: bool,
    coloured: bool,
    plugin: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = with_readme(plugin())
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    else:
        monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: tty)
    code, out, err = run(capsys, "--check", root)
    assert code == 1
    assert ("\x1b" in out) is coloured
    assert "\x1b" not in "".join(err)


def _three_plugins(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path, Path]:
    current = make_plugin(tmp_path / "current")
    assert run(capsys, current)[0] == 1
    stale = with_readme(make_plugin(tmp_path / "stale"))
    broken = with_readme(make_plugin(tmp_path / "broken", dockerfile="RUN true\n"))
    return current, stale, broken


def test_check_many_plugins(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    current, stale, broken = _three_plugins(tmp_path, capsys)
    code, out, err = run(capsys, "--check", current, stale, broken)
    assert code == 2
    assert out.splitlines()[-1] == "1 current, 1 out of date, 1 error"
    assert f"{stale}/README.md is out of date" in out.splitlines()
    assert err == [
        f"{broken}/Dockerfile: error: no FROM instruction (the Dockerfile's FROM names the plugin's default image)"
    ]
    assert (stale / "README.md").read_text(encoding="utf-8") == SENTINEL
    assert (broken / "README.md").read_text(encoding="utf-8") == SENTINEL


def test_write_many_plugins(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    current, stale, broken = _three_plugins(tmp_path, capsys)
    current_before = (current / "README.md").stat()
    code, out, err = run(capsys, current, stale, broken)
    assert code == 2
    assert out.splitlines() == [f"wrote {stale}/README.md", "1 current, 1 rewritten, 1 error"]
    assert err == [
        f"{broken}/Dockerfile: error: no FROM instruction (the Dockerfile's FROM names the plugin's default image)"
    ]
    assert (stale / "README.md").read_text(encoding="utf-8") != SENTINEL
    assert (broken / "README.md").read_text(encoding="utf-8") == SENTINEL
    assert (current / "README.md").stat().st_mtime_ns == current_before.st_mtime_ns
    # the rewritten one is current now, and the broken one still fails
    code, out, err = run(capsys, "--check", current, stale, broken)
    assert code == 2
    assert out.splitlines()[-1] == "2 current, 0 out of date, 1 error"


@pytest.mark.parametrize("flag", ["--quiet", "-q"])
def test_write_quiet_drops_the_summary(
    flag: str, plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = with_readme(plugin())
    assert run(capsys, flag, root) == (1, f"wrote {root}/README.md\n", [])
    assert run(capsys, flag, root) == (0, "", [])


def test_write_ends_with_a_summary_line(
    plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = with_readme(plugin())
    assert run(capsys, root) == (
        1,
        f"wrote {root}/README.md\n0 current, 1 rewritten, 0 errors\n",
        [],
    )
    assert run(capsys, root) == (0, "1 current, 0 rewritten, 0 errors\n", [])
