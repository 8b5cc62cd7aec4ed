"""What the readers hand on: the plugin's inputs, read and parsed, before any README rule.

Everything here is a frozen record. Raw text is kept beside the parsed value where a
compatibility quirk of bin/generate (docgen/compat.py) works on the raw text.
"""

from pathlib import Path
from typing import NamedTuple

from docgen.errors import Diagnostic, DocgenError
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


class SubcommandSource(NamedTuple):
    """One entry of subcommands/. A problem reading it is kept, not raised: it matters only
    if the command is rendered (an unimplemented one is never read, as by bin/generate)."""

    name: str
    path: str  # relative to the plugin root, for messages
    lines: tuple[SourceLine, ...]  # only the lines that can carry documentation
    problem: DocgenError | None = None  # why it cannot be read
    folder: bool = False  # a folder (or a link to one) is no command
    text: str = ""  # the whole script (LF line endings, a BOM kept): the help and the
    # corrected usage read more of it than the README's documentation lines


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
