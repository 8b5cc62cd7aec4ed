"""Reader of the ``Dockerfile``: the image of the last ``FROM`` instruction."""

from __future__ import annotations

import re
from pathlib import Path

from docgen.errors import DocgenError
from docgen.read.files import BOM, display, read_text
from docgen.read.records import DockerfileSource, ImageSource, ScriptImage

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


def _instructions(text: str) -> list[tuple[int, str]]:
    """(line number, line) of each line that starts an instruction: not a comment, not the
    continuation of the line before (which ends with a backslash)."""
    found = []
    continued = False
    for number, line in enumerate(text.split("\n"), start=1):
        if not continued and not line.lstrip().startswith("#"):
            found.append((number, line))
        continued = line.rstrip().endswith("\\")
    return found


def _from(number: int, words: list[str], arguments: dict[str, str], path: str) -> ImageSource:
    if not words:
        raise DocgenError("FROM has no image", path=path, line=number, hint="write FROM image:tag")

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
    return ImageSource(path, number, reference, registry, repository, tag, digest)


def docker_reading(text: str, path: str) -> ImageSource:
    """The image of the last FROM instruction, as Docker reads it: ARG values expanded, a
    registry, a tag and a digest told apart."""
    arguments: dict[str, str] = {}
    found: ImageSource | None = None
    for number, line in _instructions(text):
        argument = _ARG.match(line)
        if argument:
            arguments[argument.group("name")] = _unquote(argument.group("value") or "")
            continue
        instruction = _FROM.match(line)
        if instruction is not None:
            words = [w for w in instruction.group("args").split() if not w.startswith("--")]
            found = _from(number, words, arguments, path)
    if found is None:
        raise DocgenError(
            "no FROM instruction",
            path=path,
            hint="the Dockerfile's FROM names the plugin's default image",
        )
    return found


def script_reading(text: str) -> tuple[ScriptImage | None, tuple[int | None, str]]:
    """The image as bin/generate reads it (A17): every line that contains ``FROM `` (a
    comment, a LABEL...) in turn, its second space-separated word split at ``:`` into
    exactly two parts, stripped; the last such line wins. The script stops at the first
    line that does not split so, or when no line qualifies: then (None, where and why)."""
    found = None
    for number, line in enumerate(text.split("\n"), start=1):
        if "FROM " not in line:
            continue
        word = line.split(" ")[1]
        parts = word.split(":")
        if len(parts) != 2:
            return None, (number, f"{word!r} does not split into image:tag at one colon")
        found = ScriptImage(number, parts[0].strip(), parts[1].strip())
    if found is None:
        return None, (None, 'no line contains "FROM " (FROM and a space)')
    return found, (None, "")


def parse_dockerfile(text: str, path: str) -> DockerfileSource:
    text = text.removeprefix(BOM)
    script, stop = script_reading(text)
    try:
        image, problem = docker_reading(text, path), None
    except DocgenError as error:
        image, problem = None, error
    return DockerfileSource(path, image, problem, script, stop)


def read_dockerfile(root: Path) -> DockerfileSource:
    """The Dockerfile's readings. A missing one is an error only where the image is needed:
    versions of bin/generate before 2021-02 read none."""
    path = root / "Dockerfile"
    if not path.exists() and not path.is_symlink():
        missing = DocgenError(
            "missing Dockerfile",
            path=display(path),
            hint="a Dokku datastore plugin needs a Dockerfile",
        )
        return DockerfileSource(
            display(path), None, missing, None, (None, "there is no Dockerfile")
        )
    return parse_dockerfile(read_text(root, path, what="Dockerfile"), display(path))
