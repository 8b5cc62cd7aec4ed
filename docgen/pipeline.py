"""The pipeline: read -> build -> render. ``from_source`` is its pure core, from the records
the readers return to the README text; ``generate`` reads a plugin folder first.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from docgen.build.compat import quirks_for
from docgen.build.model import Readme
from docgen.build.readme import build
from docgen.errors import Diagnostic
from docgen.read.plugin import read_plugin
from docgen.read.records import PluginSource
from docgen.render.markdown import render


class Result(NamedTuple):
    readme: Readme
    text: str
    warnings: tuple[Diagnostic, ...]


def from_source(source: PluginSource, *, compat: bool | None = None) -> Result:
    """The README of a plugin already read. It reads nothing of the plugin and writes
    nothing: the same records give the same text. ``compat`` (the command line) wins over
    docgen.toml's."""
    if compat is not None:
        source = source._replace(settings=source.settings._replace(compat=compat))
    quirks = quirks_for(source.settings.compat)
    readme, warnings = build(source, quirks)
    return Result(readme, render(readme, quirks, source.settings.templates), warnings)


def generate(root: Path, *, compat: bool | None = None) -> Result:
    """The README of the plugin in folder ``root``."""
    return from_source(read_plugin(root), compat=compat)
