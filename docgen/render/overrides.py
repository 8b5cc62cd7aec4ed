"""Checks of a plugin's template overrides, before they render: a name that matches
nothing is an error, never silently ignored.

- A block that the parent template does not define ({% block descripton %}) would render
  nothing; so would an override file whose name is no template of docgen's and that no
  other override uses (partials/comand.md.j2).
- An override that extends its own name ({% extends "README.md.j2" %} in README.md.j2)
  would recurse for ever; the defaults are named docgen/<name>.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from pathlib import Path

import jinja2
from jinja2 import nodes

from docgen.errors import DocgenError
from docgen.read.files import display

_REFERENCES = (nodes.Extends, nodes.Include, nodes.Import, nodes.FromImport)


def _parse(environment: jinja2.Environment, name: str) -> tuple[nodes.Template, str]:
    loader = environment.loader
    assert loader is not None
    source, filename, _ = loader.get_source(environment, name)
    return environment.parse(source, name, filename), filename or name


def _referenced(tree: nodes.Template) -> Iterator[str]:
    for node in tree.find_all(_REFERENCES):
        template = getattr(node, "template", None)
        if isinstance(template, nodes.Const) and isinstance(template.value, str):
            yield template.value


def _parent(tree: nodes.Template) -> str | None:
    extends = next(tree.find_all(nodes.Extends), None)
    if extends is None or not isinstance(extends.template, nodes.Const):
        return None
    value = extends.template.value
    return value if isinstance(value, str) else None


def _blocks(environment: jinja2.Environment, name: str, seen: frozenset[str]) -> set[str]:
    """Every block that ``name`` and the templates it extends define."""
    if name in seen:
        return set()
    tree, _ = _parse(environment, name)
    found = {block.name for block in tree.find_all(nodes.Block)}
    parent = _parent(tree)
    return found | (_blocks(environment, parent, seen | {name}) if parent else set())


def _close(name: str, choices: set[str]) -> str:
    match = difflib.get_close_matches(name, sorted(choices), n=1, cutoff=0.65)
    return f"did you mean {match[0]}?" if match else ""


def _check_one(environment: jinja2.Environment, name: str, path: Path) -> None:
    tree, _ = _parse(environment, name)
    parent = _parent(tree)
    if parent is None:
        return
    _, parent_file = _parse(environment, parent)
    if Path(parent_file) == path:
        raise DocgenError(
            f"extends itself ({{% extends {parent!r} %}})",
            path=display(path),
            hint=f'the defaults are named docgen/<name>: {{% extends "docgen/{name}" %}}',
        )
    defined = _blocks(environment, parent, frozenset())
    for block in tree.body:
        if isinstance(block, nodes.Block) and block.name not in defined:
            hint = _close(block.name, defined) or f"{parent} defines {', '.join(sorted(defined))}"
            raise DocgenError(
                f"block {block.name} is not a block of {parent}",
                path=display(path),
                line=block.lineno,
                hint=hint,
            )


def check_overrides(environment: jinja2.Environment, folder: Path, defaults: Path) -> None:
    """Each template of the override ``folder``: a name docgen renders (or one that another
    override uses), no self-extension, only blocks its parent defines."""
    names = {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*.j2"))}
    known = {p.relative_to(defaults).as_posix() for p in defaults.rglob("*.j2")}
    used = {ref for name in names for ref in _referenced(_parse(environment, name)[0])}
    for name, path in names.items():
        if name not in known and name not in used:
            hint = _close(name, known) or f"docgen's templates are {', '.join(sorted(known))}"
            raise DocgenError(
                "is no template of docgen's, and no other override uses it",
                path=display(path),
                hint=hint,
            )
        _check_one(environment, name, path)
