"""Read a whole plugin folder into a PluginSource."""

from __future__ import annotations

import os
from pathlib import Path

from docgen.errors import DocgenError
from docgen.read.config import read_config
from docgen.read.dockerfile import read_dockerfile
from docgen.read.docs import read_fragments
from docgen.read.files import cannot_read, display, read_bytes
from docgen.read.metadata import read_metadata
from docgen.read.records import PluginSource
from docgen.read.settings import check_commands, default_settings, read_settings
from docgen.read.subcommands import read_subcommands


def read_plugin(root: Path, *, settings: bool = True) -> PluginSource:
    """The plugin in folder ``root``; without its docgen.toml when ``settings`` is False.
    A file or folder the system will not let docgen read (a permission, an I/O error) ends
    in one error naming it."""
    try:
        _check_root(root)
        return _read(root, settings)
    except OSError as error:
        shown = display(Path(os.fsdecode(error.filename))) if error.filename else str(root)
        raise cannot_read(shown, error) from None


def _is_plugin(folder: Path) -> bool:
    return (folder / "config").exists() or (folder / "subcommands").exists()


def _check_root(root: Path) -> None:
    if not root.exists() and not root.is_symlink():
        raise DocgenError(
            "does not exist", path=str(root), hint="give the path of a plugin checkout"
        )
    if not root.is_dir():
        raise DocgenError(
            "is not a folder", path=str(root), hint="give the path of a plugin checkout"
        )
    if not os.access(root, os.X_OK):
        raise cannot_read(str(root), PermissionError(13, os.strerror(13)))
    if not _is_plugin(root):
        raise DocgenError(
            "is not a Dokku datastore plugin (no config, no subcommands/)",
            path=str(root),
            hint=_enclosing_hint(root),
        )


def _enclosing_hint(root: Path) -> str:
    """Where to run docgen instead: the plugin folder that holds ``root`` (a run inside
    ``subcommands/``, say), shown as the user wrote ``root``: relative or absolute."""
    absolute = Path(os.path.abspath(root))
    for folder in absolute.parents:
        if _holds_a_plugin(folder):
            shown = str(folder) if root.is_absolute() else os.path.relpath(folder)
            return f"it is inside the plugin folder {display(Path(shown))}: give that path instead"
    return "run docgen on the plugin's root folder"


def _holds_a_plugin(folder: Path) -> bool:
    try:
        return (folder / "config").is_file() and (folder / "subcommands").is_dir()
    except OSError:  # a folder above the plugin that this user may not look into
        return False


def _read(root: Path, settings: bool) -> PluginSource:
    config = read_config(root)
    subcommands, warnings = read_subcommands(root)
    image, metadata, fragments = read_dockerfile(root), read_metadata(root), read_fragments(root)
    found = read_settings(root) if settings else default_settings()
    check_commands(found, (script.name for script in subcommands))
    return PluginSource(
        root=root,
        config=config,
        dockerfile=image,
        metadata=metadata,
        subcommands=subcommands,
        fragments=fragments,
        settings=found,
        warnings=warnings,
    )


def read_generate(root: Path) -> bytes | None:
    """The plugin's bin/generate, as bytes, for docgen init to recognise its version (it is
    never run); None where there is none."""
    path = root / "bin" / "generate"
    try:
        return read_bytes(root, path) if path.is_file() else None
    except DocgenError:
        return None
