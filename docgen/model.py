"""The README model: what the templates render. Frozen, built by docgen.build."""

from __future__ import annotations

from dataclasses import dataclass

from docgen.settings import Settings


@dataclass(frozen=True)
class Image:
    name: str  # as the description shows it: "postgres", "ghcr.io/team/db"
    version: str  # the tag (or digest)
    url: str  # the image's page


@dataclass(frozen=True)
class Argument:
    name: str
    help: str


@dataclass(frozen=True)
class Flag:
    spec: str  # "-c|--config-options \"--args --go=here\""
    help: str | None  # None when the #F line has no comma
    default: str | None  # the ``(default: `...`)`` text, None for none


@dataclass(frozen=True)
class Example:
    kind: str  # "command" | "code" | "quote" | "text"
    text: str


@dataclass(frozen=True)
class Command:
    name: str
    path: str
    description: str
    usage: str  # the arguments, "" for none
    arguments: tuple[Argument, ...]
    flags: tuple[Flag, ...]
    examples: tuple[Example, ...]
    fragment: str | None  # docs/<name>.md, as it goes into the README


@dataclass(frozen=True)
class UsageSection:
    key: str
    title: str
    intro: str
    commands: tuple[Command, ...]
    prose: bool = False  # a section of text that lists no commands (e.g. Notes)


@dataclass(frozen=True)
class Readme:
    prefix: str
    variable: str
    alias: str | None
    scheme: str | None
    image: Image
    ports: tuple[str, ...]
    unimplemented: tuple[str, ...]  # sorted
    config_options: str | None  # the default of <VARIABLE>_CONFIG_OPTIONS
    sponsors: tuple[str, ...]
    commands: tuple[Command, ...]  # implemented commands, in file name order
    sections: tuple[UsageSection, ...]
    disable_pull_variable: str
    repository: str  # owner/name on GitHub
    settings: Settings
