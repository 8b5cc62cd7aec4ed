"""The pipeline: read -> build -> render. ``from_source`` is its pure core, from the records
the readers return to the README text; ``generate`` reads a plugin folder first.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from docgen.build.model import Readme
from docgen.build.profiles import profile_for
from docgen.build.readme import build
from docgen.errors import Diagnostic
from docgen.read.plugin import read_plugin
from docgen.read.records import PluginSource
from docgen.render.markdown import render


class Result(NamedTuple):
    readme: Readme
    text: str
    warnings: tuple[Diagnostic, ...]


def from_source(source: PluginSource, *, compat: bool | str | None = None) -> Result:
    """The README of a plugin already read. It reads nothing of the plugin and writes
    nothing: the same records give the same text. ``compat`` (the command line: True, False
    or a profile's name) wins over docgen.toml's."""
    profile = profile_for(source.settings, compat)
    readme, warnings = build(source, profile)
    return Result(readme, render(readme, profile, source.settings.templates), warnings)


def generate(root: Path, *, compat: bool | str | None = None) -> Result:
    """The README of the plugin in folder ``root``."""
    return from_source(read_plugin(root), compat=compat)
