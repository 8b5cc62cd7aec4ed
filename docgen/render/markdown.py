"""Render the README model with jinja2. Plugin text goes in as data, never as template source."""

from __future__ import annotations

import functools
import os
from pathlib import Path

import docgen
from docgen import __version__
from docgen.build import compat
from docgen.build.model import Command, Readme
from docgen.build.profiles import Profile
from docgen.errors import DocgenError
from docgen.read.files import cannot_read
from docgen.render import memo, templates
from docgen.templates_dir import default_templates

try:  # the interpreter's own BLAKE2: `import hashlib` would first load OpenSSL (about 2 ms)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter built without it
    from hashlib import blake2b

MAIN_TEMPLATE = "README.md.j2"


@functools.lru_cache(maxsize=1)
def _jinja_stamp() -> str:
    """Which jinja2 is installed (its file and modification time), without importing it."""
    import importlib.util

    spec = importlib.util.find_spec("jinja2")
    origin = spec.origin if spec and spec.origin else ""
    return f"{origin}|{os.stat(origin).st_mtime_ns if origin else 0}"


def _model_text(readme: Readme) -> str:
    """The model as text, exactly, with each command written once: the usage sections hold
    the same Command objects as ``readme.commands``, and name them here by position."""
    positions: dict[int, int] = {}
    written: list[str] = []

    def position(command: Command) -> int:
        if id(command) not in positions:
            positions[id(command)] = len(written)
            written.append(repr(command))
        return positions[id(command)]

    commands = [position(command) for command in readme.commands]
    sections = [
        (section._replace(commands=()), [position(command) for command in section.commands])
        for section in readme.sections
    ]
    return repr((readme._replace(commands=(), sections=()), commands, sections, written))


def _render_key(readme: Readme, profile: Profile, overrides: Path | None) -> str:
    """A digest of everything the rendered text depends on: the model, the quirks, every
    template file (defaults and overrides), docgen's version and code, and jinja2."""
    code = memo.code_digest(Path(docgen.__file__).parent)
    digest = blake2b(f"{__version__}|{code}|{_jinja_stamp()}".encode(), digest_size=32)
    digest.update(f"{_model_text(readme)}|{profile.quirks!r}|{profile.templates}".encode())
    for folder in (default_templates(), overrides):
        if folder is not None:
            digest.update(templates.digest(folder).encode())
    return digest.hexdigest()


def render(readme: Readme, profile: Profile, overrides: Path | None = None) -> str:
    """The README text. Rendering is a pure function of the model and the templates, so
    its result is kept in the render memo: an unchanged plugin is rendered again without
    importing jinja2."""
    if overrides is not None and not overrides.is_dir():
        raise DocgenError(
            "template folder not found", path=str(overrides), hint="fix templates in docgen.toml"
        )
    if overrides is not None and not os.access(overrides, os.R_OK | os.X_OK):
        raise cannot_read(str(overrides), PermissionError(13, os.strerror(13)))
    folder = memo.folder()
    if folder is None:
        return _render(readme, profile, overrides)
    key = _render_key(readme, profile, overrides)
    text = memo.read(folder, key)
    if text is None:
        text = _render(readme, profile, overrides)
        memo.write(folder, key, text)
    return text


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
