"""Reader of ``subcommands/``: one script per command, in code point order of file names."""

from __future__ import annotations

from pathlib import Path

from docgen.errors import Diagnostic, DocgenError
from docgen.read.files import (
    display,
    folder_inside,
    inside,
    listing,
    outside_link,
    read_text,
    utf8_name,
)
from docgen.read.records import SubcommandSource


def read_subcommands(root: Path) -> tuple[tuple[SubcommandSource, ...], tuple[Diagnostic, ...]]:
    folder = root / "subcommands"
    shown = display(folder)
    if not folder.is_dir():
        raise DocgenError(
            "no subcommands/ folder: this is not a Dokku datastore plugin",
            path=str(root),
            hint="run docgen on the plugin's root folder",
        )
    if not folder_inside(root, "subcommands"):
        raise outside_link(folder, folder=True)
    warnings: list[Diagnostic] = []
    sources: list[SubcommandSource] = []
    for name, is_dir in listing(folder, follow_symlinks=True):
        path = folder / name
        if not utf8_name(name):  # bin/generate stops when it writes such a name out
            message = "skipped: a file name with bytes that are not UTF-8"
            warnings.append(Diagnostic(display(path), None, message))
            continue
        if is_dir:
            if not inside(root, path):
                raise outside_link(path, folder=True)
            sources.append(SubcommandSource(name, display(path), folder=True))
            continue
        sources.append(_script(root, path))
    if not sources:
        raise DocgenError(
            "has no subcommand scripts", path=shown, hint="add one bash script per command"
        )
    return tuple(sources), tuple(warnings)


def _script(root: Path, path: Path) -> SubcommandSource:
    """One script, or the problem reading it, kept for the build to raise if the command
    is rendered (bin/generate never opens an unimplemented one)."""
    shown = display(path)
    try:
        text = read_text(root, path, what="subcommand script", shown=shown)
    except DocgenError as error:
        return SubcommandSource(path.name, shown, problem=error)
    return SubcommandSource(path.name, shown, text=text)
