"""Read a whole plugin folder into a PluginSource."""

from __future__ import annotations

from pathlib import Path

from docgen.errors import DocgenError
from docgen.read.config import read_config
from docgen.read.dockerfile import read_dockerfile
from docgen.read.docs import read_fragments
from docgen.read.files import read_bytes
from docgen.read.metadata import read_metadata
from docgen.read.records import PluginSource
from docgen.read.settings import check_commands, default_settings, read_settings
from docgen.read.subcommands import read_subcommands


def read_plugin(root: Path, *, settings: bool = True) -> PluginSource:
    """The plugin in folder ``root``; without its docgen.toml when ``settings`` is False."""
    if not root.is_dir():
        raise DocgenError(
            "is not a folder", path=str(root), hint="give the path of a plugin checkout"
        )
    if not (root / "config").exists() and not (root / "subcommands").exists():
        raise DocgenError(
            "is not a Dokku datastore plugin (no config, no subcommands/)",
            path=str(root),
            hint="run docgen on the plugin's root folder",
        )
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
