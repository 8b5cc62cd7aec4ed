"""docgen's cache folder: bashlex's parse tables (JSON) and the rendered READMEs.

Everything in it can be deleted at any time; it only makes the next run faster.
``DOCGEN_CACHE_DIR`` chooses the folder, ``DOCGEN_CACHE_DIR=`` (empty) turns caching off.
"""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir(kind: str) -> Path | None:
    """The folder for one kind of cached data, created on demand; None when caching is off
    or the folder cannot be created."""
    chosen = os.environ.get("DOCGEN_CACHE_DIR")
    if chosen == "":
        return None
    if chosen is None:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        chosen = str(Path(base) / "docgen")
    folder = Path(chosen) / kind
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder
