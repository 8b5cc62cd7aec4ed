"""The jinja2 Environment: one per template folder and process, so that a run over many
plugins compiles each template once.

A wheel of docgen also ships the default templates compiled to Python modules (jinja2's
``compile_templates``, run by ``hatch_build.py`` at build time): a run with no cache folder
then loads them with ``ModuleLoader`` instead of compiling them. They are used only when
they were compiled from exactly the templates beside them and by the installed jinja2
version (both are in their folder's name); otherwise, as in a source checkout, the templates
are read and compiled from ``templates/``.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jinja2

try:  # the interpreter's own BLAKE2: `import hashlib` would first load OpenSSL (about 2 ms)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter built without it
    from hashlib import blake2b

# The options that shape the compiled code: the build hook and the runtime use these.
OPTIONS: dict[str, Any] = {
    "keep_trailing_newline": True,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "autoescape": False,
}
# The folder of the installed package that holds the compiled default templates.
COMPILED = Path(__file__).resolve().parent.parent / "prebuilt" / "templates"


@functools.lru_cache(maxsize=8)
def digest(folder: Path) -> str:
    """A digest of every file of a template folder, names and bytes; once per process."""
    hashed = blake2b(digest_size=16)
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            hashed.update(f"\0{path.relative_to(folder)}\0".encode() + path.read_bytes())
    return hashed.hexdigest()


def compiled_name(templates: Path, jinja2_version: str) -> str:
    """The folder name of ``templates`` compiled by jinja2 ``jinja2_version``."""
    return f"jinja2-{jinja2_version}-{digest(templates)}"


def compile_folder(templates: Path, target: Path) -> Path:
    """Compile each ``*.j2`` of ``templates`` (but for the profiles' own layouts, which are
    folders of their own) to a module in a folder of ``target`` named by compiled_name();
    returns that folder. Used by hatch_build.py and the tests."""
    import jinja2

    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)), **OPTIONS)
    folder = target / compiled_name(templates, jinja2.__version__)
    environment.compile_templates(
        str(folder),
        filter_func=lambda name: name.endswith(".j2") and not name.startswith("profiles/"),
        zip=None,
        ignore_errors=False,
        log_function=None,
    )
    return folder


def layouts(defaults: Path) -> list[Path]:
    """The folders of the profiles that have a layout of their own."""
    folder = defaults / "profiles"
    return sorted(p for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []


# Every ModuleLoader made, kept for the process: jinja2 registers a loader's package in
# sys.modules under the loader's id() behind a weak proxy, so a loader that is freed (an
# Environment evicted from the cache) leaves a dead entry or an id that a new loader reuses.
_module_loaders: dict[Path, jinja2.ModuleLoader] = {}


def _loader(folder: Path, compiled: bool) -> jinja2.BaseLoader:
    """The templates of ``folder``: its compiled modules where a wheel ships them (and
    ``compiled``), otherwise the files, compiled when they are loaded."""
    import jinja2

    modules = COMPILED / compiled_name(folder, jinja2.__version__)
    if not (compiled and modules.is_dir()):
        return jinja2.FileSystemLoader(str(folder))
    if modules not in _module_loaders:
        _module_loaders[modules] = jinja2.ModuleLoader(str(modules))
    return _module_loaders[modules]


@functools.lru_cache(maxsize=8)
def environment(
    defaults: Path, overrides: Path | None, layout: str, compiled: bool = True
) -> jinja2.Environment:
    """Templates from the plugin's override folder first, then the layout of the profile
    (``defaults/profiles/<layout>/``, for a version with a layout of its own), then docgen's
    defaults. The defaults are also reachable as ``docgen/<name>``, so that an override of
    README.md.j2 can ``{% extends "docgen/README.md.j2" %}``. ``compiled=False``: every
    template is read from its file, for checks that read the templates' source
    (docgen.render.overrides).

    There is no bytecode cache in the cache folder: jinja2's stores marshalled code, which
    a cache folder restored from elsewhere could turn into code that runs. A wheel ships
    the default templates compiled; only overrides (and a source checkout's defaults) are
    compiled, once per process."""
    import jinja2

    loaders: list[jinja2.BaseLoader] = []
    if overrides is not None:
        loaders.append(jinja2.FileSystemLoader(str(overrides)))
    if layout:
        loaders.append(_loader(defaults / "profiles" / layout, compiled))
    default = _loader(defaults, compiled)
    loaders += [jinja2.PrefixLoader({"docgen": default}), default]
    return jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders), undefined=jinja2.StrictUndefined, **OPTIONS
    )
