"""Reader of ``docs/<command>.md``: hand-written fragments merged into the README."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from docgen.errors import DocgenError
from docgen.read.files import display, folder_inside, listing, outside_link, read_text
from docgen.read.records import DocFragment


def _fragment(root: Path, folder: Path, name: str, folder_outside: bool) -> DocFragment:
    """One fragment. As bin/generate tests ``os.path.isfile``, a name that is no regular
    file (a folder, a pipe, a dangling link) is no fragment. Problems are kept for the
    build to raise if a rendered command uses the fragment."""
    path = folder / name
    shown = display(path)
    try:
        regular = stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        regular = False
    if not regular:
        return DocFragment(name[:-3], shown, None)
    if folder_outside:
        return DocFragment(name[:-3], shown, None, outside_link(folder, folder=True))
    try:
        return DocFragment(
            name[:-3], shown, read_text(root, path, what="docs fragment", shown=shown)
        )
    except DocgenError as error:
        return DocFragment(name[:-3], shown, None, error)


def read_fragments(root: Path) -> tuple[DocFragment, ...]:
    """Every ``docs/*.md`` but ``README.md`` (the docs folder's own index)."""
    folder = root / "docs"
    if not folder.is_dir():
        return ()
    outside = not folder_inside(root, "docs")
    # name[:-3] is the Path stem for these names: a bare ".md" has no suffix
    return tuple(
        _fragment(root, folder, name, outside)
        for name, _ in listing(folder, follow_symlinks=False)
        if name.endswith(".md") and len(name) > 3 and name != "README.md"
    )
