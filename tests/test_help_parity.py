"""scripts/help_parity.py on captures written here: what it compares and how it reports.
(It is meant for the official plugins' own captures; see its docstring.)"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from docgen.pipeline import help_of, help_text
from tests.plugin_factory import REPO, SAMPLE

sys.path.insert(0, str(REPO / "scripts"))
import help_parity


def _write(folder: Path, name: str, text: str, status: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / f"{name}.rc").write_text(f"{status}\n", encoding="utf-8")


@pytest.fixture
def captures(tmp_path: Path) -> Path:
    """Captures of the sample plugin as capture.sh writes them: stderr merged in."""
    result = help_of(SAMPLE)
    root = tmp_path / "captures"
    _write(root / "sample-plugin", "overview", help_text(result), 0)
    link = help_text(result, "link").replace(
        "\n\n", "\n/x/help-functions: line 319: http: command not found\n\n", 1
    )
    _write(root / "sample-plugin" / "sub", "link", link, 0)
    _write(root / "sample-plugin" / "sub", "logs", help_text(result, "logs"), 0)
    _write(root / "sample-plugin" / "sub", "backup", "", 1)  # unimplemented
    return root


def test_identical(captures: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert help_parity.main(["--captures", str(captures), "--jobs", "1", str(SAMPLE)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "identical sample-plugin: 2/2 subcommands, overview identical, 1 refused by both",
        "2/2 subcommand outputs + 1/1 overviews identical; 1 unimplemented refused by both",
    ]


def test_different(captures: Path, capsys: pytest.CaptureFixture[str]) -> None:
    logs = captures / "sample-plugin" / "sub" / "logs.txt"
    logs.write_text(logs.read_text(encoding="utf-8").replace("<service>", "<svc>", 1))
    assert help_parity.main(["--captures", str(captures), "--jobs", "1", str(SAMPLE)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == [
        "DIFFERENT sample-plugin: 1/2 subcommands, overview identical, 1 refused by both",
        "DIFFERENT sample-plugin logs: differs",
    ]
    assert "-usage: dokku meilisearch:logs <svc> [-t|--tail] [<tail-num>]" in out
    assert (
        out[-1]
        == "1/2 subcommand outputs + 1/1 overviews identical; 1 unimplemented refused by both"
    )


def test_not_a_plugin(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert help_parity.main([str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"help_parity: error: {tmp_path} is no plugin checkout\n"
