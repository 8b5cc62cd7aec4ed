"""Render the README model with jinja2. Plugin text goes in as data, never as template source."""

from __future__ import annotations

import os
from pathlib import Path

from docgen.build import compat
from docgen.build.model import Readme
from docgen.build.profiles import Profile
from docgen.errors import DocgenError
from docgen.read.files import cannot_read
from docgen.render import templates
from docgen.templates_dir import default_templates

MAIN_TEMPLATE = "README.md.j2"


def render(readme: Readme, profile: Profile, overrides: Path | None = None) -> str:
    """The README text of the model, through the default templates and ``overrides``."""
    if overrides is not None and not overrides.is_dir():
        raise DocgenError(
            "template folder not found", path=str(overrides), hint="fix templates in docgen.toml"
        )
    if overrides is not None and not os.access(overrides, os.R_OK | os.X_OK):
        raise cannot_read(str(overrides), PermissionError(13, os.strerror(13)))
    return _render(readme, profile, overrides)


def _render(readme: Readme, profile: Profile, overrides: Path | None) -> str:
    import jinja2

    from docgen.render.overrides import check_overrides

    try:
        defaults, layout = default_templates(), profile.templates
        env = templates.environment(defaults, overrides, layout)
        if overrides is not None:  # the checks read the templates' source
            source = templates.environment(defaults, overrides, layout, compiled=False)
            check_overrides(source, overrides, defaults)
        template = env.get_template(MAIN_TEMPLATE)
        text = template.render(
            readme=readme, settings=readme.settings, quirks=profile.quirks, compat=compat
        )
    except jinja2.TemplateSyntaxError as error:
        raise DocgenError(
            f"template error: {error.message}", path=error.filename, line=error.lineno
        ) from None
    except jinja2.TemplateError as error:
        raise DocgenError(
            f"template error: {error}", path=str(overrides or default_templates())
        ) from None
    except RecursionError:
        raise DocgenError(
            "template error: the templates include or extend each other for ever",
            path=str(overrides or default_templates()),
            hint="a template must not include or extend itself",
        ) from None
    return compat.finish(profile.quirks, text)
