"""Reader of ``docs/<command>.md``: hand-written fragments merged into the README."""

from __future__ import annotations

from pathlib import Path

from docgen.errors import DocgenError
from docgen.readers.files import display, inside, read_text
from docgen.source import DocFragment


def read_fragments(root: Path) -> tuple[DocFragment, ...]:
    """Every ``docs/*.md`` but ``README.md`` (the docs folder's own index)."""
    folder = root / "docs"
    if not folder.is_dir():
        return ()
    if not inside(root, folder):
        raise DocgenError(
            "is a symlink that points outside the plugin folder; docgen will not read it",
            path=display(root, folder),
            hint="replace the link with the folder itself",
        )
    fragments = []
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if path.suffix != ".md" or path.name == "README.md":
            continue
        if path.is_dir() and not path.is_symlink():
            continue
        text = read_text(root, path, what="docs fragment")
        fragments.append(DocFragment(path.stem, display(root, path), text))
    return tuple(fragments)
