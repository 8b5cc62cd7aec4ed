"""Reader of ``docs/<command>.md``: hand-written fragments merged into the README."""

from __future__ import annotations

from pathlib import Path

from docgen.read.files import display, inside, listing, outside_link, read_text
from docgen.read.records import DocFragment


def read_fragments(root: Path) -> tuple[DocFragment, ...]:
    """Every ``docs/*.md`` but ``README.md`` (the docs folder's own index)."""
    folder = root / "docs"
    if not folder.is_dir():
        return ()
    if not inside(root, folder):
        raise outside_link(folder, folder=True)
    fragments = []
    for name, is_dir in listing(folder, follow_symlinks=False):
        # name[:-3] is the Path stem for these names: a bare ".md" has no suffix
        if not name.endswith(".md") or len(name) == 3 or name == "README.md" or is_dir:
            continue
        path = folder / name
        text = read_text(root, path, what="docs fragment")
        fragments.append(DocFragment(name[:-3], display(path), text))
    return tuple(fragments)
