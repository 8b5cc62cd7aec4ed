"""What the readers hand on: the plugin's inputs, read and parsed, before any README rule.

Everything here is a frozen record. Raw text is kept beside the parsed value where a
compatibility quirk of bin/generate (docgen/compat.py) works on the raw text.
"""

import functools
from pathlib import Path
from typing import NamedTuple

from docgen.errors import Diagnostic, DocgenError
from docgen.read.files import BOM
from docgen.read.settings import Settings


class Assignment(NamedTuple):
    """``[export] NAME=value`` or ``NAME=(items...)`` in the config file."""

    name: str
    line: int
    raw: str  # the statement's text from NAME on, as written
    raw_items: str | None = None  # arrays: the text between the parentheses


class ConfigSource(NamedTuple):
    path: str
    lines: tuple[str, ...]
    assignments: tuple[Assignment, ...]

    def last(self, name: str) -> Assignment | None:
        for assignment in reversed(self.assignments):
            if assignment.name == name:
                return assignment
        return None


class ImageSource(NamedTuple):
    """The ``FROM`` of the Dockerfile: ``[registry/]repository[:tag][@digest]``."""

    path: str
    line: int
    reference: str  # as written, after ARG substitution
    registry: str  # "" for Docker Hub
    repository: str  # "postgres", "clickhouse/clickhouse-server", "team/image"
    tag: str  # "" when there is none
    digest: str  # "" when there is none


class ScriptImage(NamedTuple):
    """The image as bin/generate reads it (A17): the last line containing ``FROM ``, its
    second space-separated word split at its one colon."""

    line: int
    image: str
    version: str


class DockerfileSource(NamedTuple):
    """Both readings of the Dockerfile; the mode chooses (compat.image)."""

    path: str
    image: ImageSource | None  # the last FROM instruction, as Docker reads it
    problem: DocgenError | None  # why there is none
    script: ScriptImage | None  # bin/generate's reading; None where the script stops
    script_stop: tuple[int | None, str]  # where and why the script stops, for the warning


class PluginMetadata(NamedTuple):
    """plugin.toml: description, version, sponsors."""

    path: str
    description: str
    version: str
    sponsors: tuple[str, ...]  # as TOML reads them
    sponsors_line: tuple[int, str] | None = None  # the last raw line starting with sponsors
    problem: DocgenError | None = None  # why TOML cannot read the file (then no sponsors)
    exists: bool = True  # False: there is no plugin.toml (problem says so)


class SourceLine(NamedTuple):
    number: int
    text: str  # stripped of surrounding white space


_ANNOTATIONS = ("#A", "#F", "#E")


@functools.lru_cache(maxsize=1024)
def documentation_lines(text: str) -> tuple[SourceLine, ...]:
    """The lines of a script that can carry documentation: annotations, ``declare``s and
    ``$1`` lines, and lines naming a ``PLUGIN_`` variable (substituting it can make one of
    those, A10). Each is stripped; a BOM stays on the first line (the compat rules decide).
    Cached: the build, the help and lint each ask for them."""
    kept = []
    for number, line in enumerate(text.split("\n"), start=1):
        if "#" not in line and "declare" not in line and "$1" not in line and "PLUGIN_" not in line:
            continue  # cannot be kept: a cheap test before the strip
        stripped = line.strip()
        if (
            stripped.removeprefix(BOM).startswith(_ANNOTATIONS)
            or "declare" in stripped
            or "$1" in stripped
            or "PLUGIN_" in stripped
        ):
            kept.append(SourceLine(number, stripped))
    return tuple(kept)


class SubcommandSource(NamedTuple):
    """One entry of subcommands/. A problem reading it is kept, not raised: it matters only
    if the command is rendered (an unimplemented one is never read, as by bin/generate)."""

    name: str
    path: str  # relative to the plugin root, for messages
    problem: DocgenError | None = None  # why it cannot be read
    folder: bool = False  # a folder (or a link to one) is no command
    text: str = ""  # the whole script (LF line endings, a BOM kept)

    @property
    def lines(self) -> tuple[SourceLine, ...]:
        """Only the lines that can carry documentation. Derived from ``text`` when first
        asked for, not by the reader: a warm run answered by the render memo never needs
        them (splitting every script cost a third of such a run's reading)."""
        return documentation_lines(self.text)


class DocFragment(NamedTuple):
    """``docs/<name>.md``. A problem is kept, not raised: it matters only if a rendered
    command uses the fragment. ``text`` is None for a name that is no regular file."""

    name: str  # the command it documents
    path: str
    text: str | None
    problem: DocgenError | None = None


class PluginSource(NamedTuple):
    root: Path
    config: ConfigSource
    dockerfile: DockerfileSource
    metadata: PluginMetadata
    subcommands: tuple[SubcommandSource, ...]
    fragments: tuple[DocFragment, ...]
    settings: Settings
    warnings: tuple[Diagnostic, ...] = ()
