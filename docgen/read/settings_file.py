"""Reader of the optional ``docgen.toml`` in the plugin root."""

from __future__ import annotations

from pathlib import Path

from docgen.errors import DocgenError
from docgen.read.files import display, inside, read_text
from docgen.read.settings import SETTINGS_FILE, Settings, default_settings, parse_settings


def _check_templates(root: Path, folder: Path) -> None:
    """A template override is read like any plugin file: never from outside the plugin, so
    that a change to docgen.toml or a symlinked template cannot leak a file into the README."""
    if not inside(root, folder):
        raise DocgenError(
            "the templates folder of docgen.toml is outside the plugin folder",
            path=display(root / SETTINGS_FILE),
            hint="keep template overrides inside the plugin",
        )
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() and not inside(root, path):
            raise DocgenError(
                "is a symlink that points outside the plugin folder; docgen will not read it",
                path=display(path),
                hint="replace the link with the file itself",
            )


def read_settings(root: Path) -> Settings:
    path = root / SETTINGS_FILE
    if not path.exists() and not path.is_symlink():
        return default_settings()
    settings = parse_settings(read_text(root, path, what=SETTINGS_FILE), display(path), root)
    if settings.templates is not None and settings.templates.is_dir():
        _check_templates(root, settings.templates)
    return settings
