"""Reader of the optional ``docgen.toml`` in the plugin root."""

from __future__ import annotations

from pathlib import Path

from docgen.readers.files import display, read_text
from docgen.settings import SETTINGS_FILE, Settings, default_settings, parse_settings


def read_settings(root: Path) -> Settings:
    path = root / SETTINGS_FILE
    if not path.exists() and not path.is_symlink():
        return default_settings()
    return parse_settings(read_text(root, path, what=SETTINGS_FILE), display(root, path), root)
