"""What the readers hand on: the plugin's inputs, read and parsed, before any README rule.

Everything here is a frozen record. Raw text is kept beside the parsed value where a
compatibility quirk of bin/generate (docgen/compat.py) works on the raw text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from docgen.errors import Diagnostic
from docgen.settings import Settings


@dataclass(frozen=True)
class Assignment:
    """``[export] NAME=value`` or ``NAME=(items...)`` in the config file."""

    name: str
    line: int
    raw: str  # the statement's text from NAME on, as written
    raw_items: str | None = None  # arrays: the text between the parentheses


@dataclass(frozen=True)
class ConfigSource:
    path: str
    lines: tuple[str, ...]
    assignments: tuple[Assignment, ...]

    def last(self, name: str) -> Assignment | None:
        for assignment in reversed(self.assignments):
            if assignment.name == name:
                return assignment
        return None


@dataclass(frozen=True)
class ImageSource:
    """The ``FROM`` of the Dockerfile: ``[registry/]repository[:tag][@digest]``."""

    path: str
    line: int
    reference: str  # as written, after ARG substitution
    registry: str  # "" for Docker Hub
    repository: str  # "postgres", "clickhouse/clickhouse-server", "team/image"
    tag: str  # "" when there is none
    digest: str  # "" when there is none


@dataclass(frozen=True)
class PluginMetadata:
    """plugin.toml: description, version, sponsors."""

    path: str
    description: str
    version: str
    sponsors: tuple[str, ...]
    sponsors_line: str | None = None  # the raw ``sponsors = [...]`` line, for compat


@dataclass(frozen=True)
class SourceLine:
    number: int
    text: str  # stripped of surrounding white space


@dataclass(frozen=True)
class SubcommandSource:
    name: str
    path: str  # relative to the plugin root, for messages
    lines: tuple[SourceLine, ...]  # only the lines that can carry documentation


@dataclass(frozen=True)
class DocFragment:
    name: str  # the command it documents
    path: str
    text: str


@dataclass(frozen=True)
class PluginSource:
    root: Path
    config: ConfigSource
    image: ImageSource
    metadata: PluginMetadata
    subcommands: tuple[SubcommandSource, ...]
    fragments: tuple[DocFragment, ...]
    settings: Settings
    warnings: tuple[Diagnostic, ...] = field(default=())
