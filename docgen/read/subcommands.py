"""Reader of ``subcommands/``: one script per command, in code point order of file names."""

from __future__ import annotations

from pathlib import Path

from docgen.errors import Diagnostic, DocgenError
from docgen.read.files import (
    display,
    inside,
    listing,
    outside_link,
    read_text,
    unprintable_name,
)
from docgen.read.records import SourceLine, SubcommandSource

_ANNOTATIONS = ("#A", "#F", "#E")


def documentation_lines(text: str) -> tuple[SourceLine, ...]:
    """The lines that can carry documentation: annotations, ``declare``s and ``$1`` lines."""
    kept = []
    for number, line in enumerate(text.split("\n"), start=1):
        if "#" not in line and "declare" not in line and "$1" not in line:
            continue  # cannot be kept: a cheap test before the strip
        stripped = line.strip()
        if stripped.startswith(_ANNOTATIONS) or "declare" in stripped or "$1" in stripped:
            kept.append(SourceLine(number, stripped))
    return tuple(kept)


def read_subcommands(root: Path) -> tuple[tuple[SubcommandSource, ...], tuple[Diagnostic, ...]]:
    folder = root / "subcommands"
    shown = display(folder)
    if not folder.is_dir():
        raise DocgenError(
            "no subcommands/ folder: this is not a Dokku datastore plugin",
            path=str(root),
            hint="run docgen on the plugin's root folder",
        )
    if not inside(root, folder):
        raise outside_link(folder, folder=True)
    warnings: list[Diagnostic] = []
    sources: list[SubcommandSource] = []
    for name, is_dir in listing(folder, follow_symlinks=True):
        path = folder / name
        if unprintable_name(name):
            warnings.append(
                Diagnostic(
                    display(path),
                    None,
                    "skipped: a file name with a control character or bytes that are not UTF-8",
                )
            )
            continue
        if name.startswith("."):
            warnings.append(Diagnostic(display(path), None, "skipped: a dotfile is not a command"))
            continue
        if is_dir:
            if not inside(root, path):
                raise outside_link(path, folder=True)
            warnings.append(
                Diagnostic(display(path), None, "skipped: a directory is not a command")
            )
            continue
        text = read_text(root, path, what="subcommand script")
        sources.append(SubcommandSource(name, display(path), documentation_lines(text)))
    if not sources:
        raise DocgenError(
            "has no subcommand scripts", path=shown, hint="add one bash script per command"
        )
    return tuple(sources), tuple(warnings)
