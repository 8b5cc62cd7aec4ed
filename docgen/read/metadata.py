"""Reader of ``plugin.toml``: description, version and sponsors.

Two readings, as with the Dockerfile: TOML's, and the raw last line that starts with
``sponsors``, which is all bin/generate reads (A17). A file TOML cannot read is an error
only where its sponsors are needed (corrected mode), since the script never parses it.
"""

from __future__ import annotations

from pathlib import Path

from docgen.errors import DocgenError
from docgen.read.files import BOM, display, read_text
from docgen.read.records import PluginMetadata
from docgen.read.toml import parse_toml


def _sponsors_line(text: str) -> tuple[int, str] | None:
    """The last line that starts with ``sponsors`` (a BOM before it hides it, A1)."""
    found = None
    for number, line in enumerate(text.split("\n"), start=1):
        if line.startswith("sponsors"):
            found = (number, line)
    return found


def parse_metadata(text: str, path: str) -> PluginMetadata:
    raw_line = _sponsors_line(text)
    try:
        data = parse_toml(text.removeprefix(BOM), path)
    except DocgenError as error:
        return PluginMetadata(path, "", "", (), raw_line, error)
    plugin = data.get("plugin")
    plugin = plugin if isinstance(plugin, dict) else {}
    sponsors = plugin.get("sponsors", data.get("sponsors", []))
    problem = None
    if not isinstance(sponsors, list) or not all(isinstance(s, str) for s in sponsors):
        problem = DocgenError(
            "sponsors must be a list of GitHub names", path=path, hint='write sponsors = ["name"]'
        )
        sponsors = []
    return PluginMetadata(
        path=path,
        description=str(plugin.get("description", "")),
        version=str(plugin.get("version", "")),
        sponsors=tuple(sponsors),
        sponsors_line=raw_line,
        problem=problem,
    )


def read_metadata(root: Path) -> PluginMetadata:
    """plugin.toml's readings. A missing one is an error only where its sponsors are needed:
    versions of bin/generate before 2020-09a read none."""
    path = root / "plugin.toml"
    if not path.exists() and not path.is_symlink():
        missing = DocgenError(
            "missing plugin.toml",
            path=display(path),
            hint="a Dokku datastore plugin needs a plugin.toml",
        )
        return PluginMetadata(display(path), "", "", (), None, missing, exists=False)
    return parse_metadata(read_text(root, path, what="plugin.toml"), display(path))
