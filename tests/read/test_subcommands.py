"""docgen.read.subcommands: every entry of subcommands/, in code point order (the build
decides which are commands); the lines that can carry documentation, with their numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.errors import DocgenError
from docgen.read.records import SourceLine, documentation_lines
from docgen.read.subcommands import read_subcommands

SCRIPT = """\
#!/usr/bin/env bash
source "$(dirname "$0")/config"
set -eo pipefail

service-create-cmd() {
  #E create a service
  #A service, the service
  #F -f|--force, force it
  declare desc="create a service"
  local cmd="$PLUGIN_COMMAND_PREFIX:create"
  # an ordinary comment
  declare SERVICE="$1"

  [[ -z $1 ]] && exit 1
  echo "$SERVICE"
}
"""


def test_documentation_lines() -> None:
    assert documentation_lines(SCRIPT) == (
        SourceLine(6, "#E create a service"),
        SourceLine(7, "#A service, the service"),
        SourceLine(8, "#F -f|--force, force it"),
        SourceLine(9, 'declare desc="create a service"'),
        SourceLine(10, 'local cmd="$PLUGIN_COMMAND_PREFIX:create"'),
        SourceLine(12, 'declare SERVICE="$1"'),
        SourceLine(14, "[[ -z $1 ]] && exit 1"),
    )


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("#E", True),
        ("  #E  ", True),
        ("#Example", True),
        ("#A", True),
        ("#F", True),
        ("# E not an annotation", False),
        ("local declared=1", True),
        ('foo "$1"', True),
        ("echo $10", True),
        ("echo $2", False),
        ("", False),
        ("echo hi", False),
        # substituting a PLUGIN_ variable can make a $1 line (A10, G9)
        ('echo "${PLUGIN_SCHEME}://"', True),
        # a BOM stays on the line; the compat rules decide whether it hides the marker
        ("\ufeff#E bom", True),
    ],
)
def test_documentation_line_kinds(line: str, kept: bool) -> None:
    assert documentation_lines(f"first\n{line}\n") == (
        (SourceLine(2, line.strip()),) if kept else ()
    )


def _plugin(root: Path, names: list[str]) -> Path:
    folder = root / "subcommands"
    folder.mkdir(parents=True)
    for name in names:
        (folder / name).write_text(f'declare desc="{name}"\n', encoding="utf-8")
    return root


def test_read_subcommands_code_point_order(tmp_path: Path) -> None:
    root = _plugin(
        tmp_path, ["backup_x", "backup.x", "backup-unset", "Zeta", "backup", "café", "cafe"]
    )
    sources, warnings = read_subcommands(root)
    assert [s.name for s in sources] == [
        "Zeta",
        "backup",
        "backup-unset",
        "backup.x",
        "backup_x",
        "cafe",
        "café",
    ]
    assert warnings == ()


def test_read_subcommands_source(tmp_path: Path) -> None:
    root = _plugin(tmp_path, ["create"])
    (sources, _) = read_subcommands(root)
    assert [(s.name, s.path, s.lines) for s in sources] == [
        ("create", str(root / "subcommands" / "create"), (SourceLine(1, 'declare desc="create"'),))
    ]


def test_read_subcommands_lists_dotfiles_and_directories(tmp_path: Path) -> None:
    """Every entry is read; the build decides which are commands (compat.skipped_entry)."""
    root = _plugin(tmp_path, ["create", ".gitkeep", ".hidden"])
    (root / "subcommands" / "lib").mkdir()
    sources, warnings = read_subcommands(root)
    assert [(s.name, s.folder) for s in sources] == [
        (".gitkeep", False),
        (".hidden", False),
        ("create", False),
        ("lib", True),
    ]
    assert warnings == ()


def test_read_problems_are_kept(tmp_path: Path) -> None:
    """An entry that cannot be read is an error only if the command is rendered."""
    root = _plugin(tmp_path, ["create"])
    (root / "subcommands" / "stop").write_bytes(b"caf\xe9\n")
    (root / "subcommands" / "ghost").symlink_to(root / "nowhere")
    sources, _ = read_subcommands(root)
    assert [(s.name, str(s.problem) if s.problem else None) for s in sources] == [
        ("create", None),
        (
            "ghost",
            f"{root / 'subcommands' / 'ghost'}: error: is a dangling symlink "
            "(its target is missing, or a loop) (fix the link, or remove it)",
        ),
        (
            "stop",
            f"{root / 'subcommands' / 'stop'}:1: error: not valid UTF-8 (byte 0xe9) "
            "(save the file as UTF-8)",
        ),
    ]


def test_read_subcommands_crlf(tmp_path: Path) -> None:
    (tmp_path / "subcommands").mkdir()
    (tmp_path / "subcommands" / "x").write_bytes(b'#!/bin/bash\r\n  declare desc="x"\r\n')
    sources, _ = read_subcommands(tmp_path)
    assert sources[0].lines == (SourceLine(2, 'declare desc="x"'),)


def test_read_subcommands_without_folder(tmp_path: Path) -> None:
    with pytest.raises(DocgenError) as raised:
        read_subcommands(tmp_path)
    assert str(raised.value) == (
        f"{tmp_path}: error: no subcommands/ folder: this is not a Dokku datastore plugin "
        "(run docgen on the plugin's root folder)"
    )


def test_read_subcommands_empty(tmp_path: Path) -> None:
    root = _plugin(tmp_path, [])
    with pytest.raises(DocgenError) as raised:
        read_subcommands(root)
    assert str(raised.value) == (
        f"{root / 'subcommands'}: error: has no subcommand scripts (add one bash script per command)"
    )
