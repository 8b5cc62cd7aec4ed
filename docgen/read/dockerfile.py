"""Reader of the ``Dockerfile``: the image of the last ``FROM`` instruction."""

from __future__ import annotations

import re
from pathlib import Path

from docgen.errors import DocgenError
from docgen.read.files import display, read_text
from docgen.read.records import ImageSource

_ARG = re.compile(r"^\s*ARG\s+(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?:=(?P<value>\S*))?", re.I)
_FROM = re.compile(r"^\s*FROM\s+(?P<args>.*)$", re.I)
_VARIABLE = re.compile(
    r"\$(?:\{(?P<braced>[A-Za-z_][A-Za-z0-9_]*)(?::?-(?P<default>[^}]*))?\}|(?P<bare>[A-Za-z_][A-Za-z0-9_]*))"
)


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _split_reference(reference: str) -> tuple[str, str, str, str]:
    """``registry:5000/team/image:tag@sha256:..`` -> (registry, repository, tag, digest)."""
    name, _, digest = reference.partition("@")
    registry = ""
    first, slash, remainder = name.partition("/")
    if slash and ("." in first or ":" in first or first == "localhost"):
        registry, name = first, remainder
    repository, _, tag = name.partition(":")
    return registry, repository, tag, digest


def parse_dockerfile(text: str, path: str) -> ImageSource:
    arguments: dict[str, str] = {}
    found: ImageSource | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        argument = _ARG.match(line)
        if argument:
            arguments[argument.group("name")] = _unquote(argument.group("value") or "")
            continue
        instruction = _FROM.match(line)
        if instruction is None:
            continue
        words = [w for w in instruction.group("args").split() if not w.startswith("--")]
        if not words:
            raise DocgenError(
                "FROM has no image", path=path, line=number, hint="write FROM image:tag"
            )

        def expand(match: re.Match[str]) -> str:
            name = match.group("braced") or match.group("bare")
            return arguments.get(name) or match.group("default") or ""

        reference = _VARIABLE.sub(expand, words[0])
        registry, repository, tag, digest = _split_reference(reference)
        if not repository:
            raise DocgenError(
                f"cannot read an image name in FROM {words[0]}",
                path=path,
                line=number,
                hint="write FROM image:tag",
            )
        found = ImageSource(path, number, reference, registry, repository, tag, digest)
    if found is None:
        raise DocgenError(
            "no FROM instruction",
            path=path,
            hint="the Dockerfile's FROM names the plugin's default image",
        )
    return found


def read_dockerfile(root: Path) -> ImageSource:
    path = root / "Dockerfile"
    return parse_dockerfile(read_text(root, path, what="Dockerfile"), display(path))
