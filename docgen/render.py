"""Render the README model with jinja2. Plugin text goes in as data, never as template source."""

from __future__ import annotations

from pathlib import Path

import jinja2

from docgen import compat
from docgen.compat import Quirks
from docgen.errors import DocgenError
from docgen.model import Readme
from docgen.templates_dir import default_templates

MAIN_TEMPLATE = "README.md.j2"


def environment(overrides: Path | None = None) -> jinja2.Environment:
    """Templates from the plugin's override folder first, then docgen's defaults. The
    defaults are also reachable as ``docgen/<name>``, so that an override of
    README.md.j2 can ``{% extends "docgen/README.md.j2" %}``."""
    defaults = jinja2.FileSystemLoader(str(default_templates()))
    loaders: list[jinja2.BaseLoader] = []
    if overrides is not None:
        loaders.append(jinja2.FileSystemLoader(str(overrides)))
    loaders.append(jinja2.PrefixLoader({"docgen": defaults}))
    loaders.append(defaults)
    return jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )


def render(readme: Readme, quirks: Quirks, overrides: Path | None = None) -> str:
    if overrides is not None and not overrides.is_dir():
        raise DocgenError(
            "template folder not found", path=str(overrides), hint="fix templates in docgen.toml"
        )
    try:
        template = environment(overrides).get_template(MAIN_TEMPLATE)
        text = template.render(readme=readme, settings=readme.settings, quirks=quirks)
    except jinja2.TemplateSyntaxError as error:
        raise DocgenError(
            f"template error: {error.message}", path=error.filename, line=error.lineno
        ) from None
    except jinja2.TemplateError as error:
        raise DocgenError(
            f"template error: {error}", path=str(overrides or default_templates())
        ) from None
    if quirks.newline_collapse:
        text = compat.collapse_newlines(text)
    return text
