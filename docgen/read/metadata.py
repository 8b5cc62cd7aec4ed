"""Reader of ``plugin.toml``: description, version and sponsors."""

from __future__ import annotations

from pathlib import Path

from docgen.errors import DocgenError
from docgen.read.files import display, read_text
from docgen.read.records import PluginMetadata
from docgen.read.toml import parse_toml


def parse_metadata(text: str, path: str) -> PluginMetadata:
    data = parse_toml(text, path)
    plugin = data.get("plugin")
    plugin = plugin if isinstance(plugin, dict) else {}
    sponsors = plugin.get("sponsors", data.get("sponsors", []))
    if not isinstance(sponsors, list) or not all(isinstance(s, str) for s in sponsors):
        raise DocgenError(
            "sponsors must be a list of GitHub names", path=path, hint='write sponsors = ["name"]'
        )
    raw_line = next((line for line in text.split("\n") if line.startswith("sponsors")), None)
    return PluginMetadata(
        path=path,
        description=str(plugin.get("description", "")),
        version=str(plugin.get("version", "")),
        sponsors=tuple(sponsors),
        sponsors_line=raw_line,
    )


def read_metadata(root: Path) -> PluginMetadata:
    path = root / "plugin.toml"
    return parse_metadata(read_text(root, path, what="plugin.toml"), display(path))
