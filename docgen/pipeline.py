"""One plugin folder in, the README text out: read -> build -> render."""

from pathlib import Path
from typing import NamedTuple

from docgen.build.compat import quirks_for
from docgen.build.model import Readme
from docgen.build.readme import build
from docgen.errors import Diagnostic
from docgen.read.plugin import read_plugin
from docgen.render.markdown import render


class Result(NamedTuple):
    readme: Readme
    text: str
    warnings: tuple[Diagnostic, ...]


def generate(root: Path, *, compat: bool | None = None) -> Result:
    """``compat`` from the command line wins over docgen.toml's."""
    source = read_plugin(root)
    if compat is not None:
        source = source._replace(settings=source.settings._replace(compat=compat))
    quirks = quirks_for(source.settings.compat)
    readme, warnings = build(source, quirks)
    return Result(readme, render(readme, quirks, source.settings.templates), warnings)
