"""What the readers hand on: the plugin's inputs, read and parsed, before any README rule.

Everything here is a frozen record. Raw text is kept beside the parsed value where a
compatibility quirk of bin/generate (docgen/compat.py) works on the raw text.
"""

from pathlib import Path
from typing import NamedTuple

from docgen.errors import Diagnostic
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


class PluginMetadata(NamedTuple):
    """plugin.toml: description, version, sponsors."""

    path: str
    description: str
    version: str
    sponsors: tuple[str, ...]
    sponsors_line: str | None = None  # the raw ``sponsors = [...]`` line, for compat


class SourceLine(NamedTuple):
    number: int
    text: str  # stripped of surrounding white space


class SubcommandSource(NamedTuple):
    name: str
    path: str  # relative to the plugin root, for messages
    lines: tuple[SourceLine, ...]  # only the lines that can carry documentation


class DocFragment(NamedTuple):
    name: str  # the command it documents
    path: str
    text: str


class PluginSource(NamedTuple):
    root: Path
    config: ConfigSource
    image: ImageSource
    metadata: PluginMetadata
    subcommands: tuple[SubcommandSource, ...]
    fragments: tuple[DocFragment, ...]
    settings: Settings
    warnings: tuple[Diagnostic, ...] = ()
