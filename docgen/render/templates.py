"""The jinja2 Environment: one per template folder and process, so that a run over many
plugins compiles each template once."""

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

OPTIONS: dict[str, Any] = {
    "keep_trailing_newline": True,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "autoescape": False,
}


@functools.lru_cache(maxsize=8)
def digest(folder: Path) -> str:
    """A digest of every file of a template folder, names and bytes; once per process."""
    hashed = blake2b(digest_size=16)
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            hashed.update(f"\0{path.relative_to(folder)}\0".encode() + path.read_bytes())
    return hashed.hexdigest()


@functools.lru_cache(maxsize=8)
def environment(
    defaults: Path, overrides: Path | None, layout: str, bytecode: Path | None
) -> jinja2.Environment:
    """Templates from the plugin's override folder first, then the layout of the profile
    (``defaults/profiles/<layout>/``, for a version with a layout of its own), then docgen's
    defaults. The defaults are also reachable as ``docgen/<name>``, so that an override of
    README.md.j2 can ``{% extends "docgen/README.md.j2" %}``. ``bytecode``: the cache folder
    of the templates jinja2 compiles (None: none)."""
    import jinja2

    loaders: list[jinja2.BaseLoader] = []
    if overrides is not None:
        loaders.append(jinja2.FileSystemLoader(str(overrides)))
    if layout:
        loaders.append(jinja2.FileSystemLoader(str(defaults / "profiles" / layout)))
    default = jinja2.FileSystemLoader(str(defaults))
    loaders += [jinja2.PrefixLoader({"docgen": default}), default]
    return jinja2.Environment(
        bytecode_cache=jinja2.FileSystemBytecodeCache(str(bytecode)) if bytecode else None,
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        **OPTIONS,
    )
