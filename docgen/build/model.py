"""The README model: what the templates render. Frozen, built by docgen.build."""

from typing import NamedTuple

from docgen.read.settings import Section, Settings


class Boilerplate(NamedTuple):
    """The fixed text of a version: its badges, versions, install line, intros, sections."""

    badges: str  # the style of the CI and IRC badges: travis, circleci, workflow or actions
    dokku_version: str
    install: str  # with {prefix}, {repository}, {owner}, {name}
    usage_intro: str  # short, or long (with the sentence about docs/)
    pull: str  # the command of the "Disabling ... calls" section
    sections: tuple[Section, ...]


class Image(NamedTuple):
    name: str  # as the description shows it: "postgres", "ghcr.io/team/db"
    version: str  # the tag (or digest)
    url: str  # the image's page


class Argument(NamedTuple):
    name: str
    help: str
    line: int | None = None  # the #A line


class Flag(NamedTuple):
    spec: str  # "-c|--config-options \"--args --go=here\""
    help: str | None  # None when the #F line has no comma
    default: str | None  # the ``(default: `...`)`` text, None for none
    line: int | None = None  # the #F line


class ExampleLine(NamedTuple):
    """One ``#E`` line without its marker, variables expanded: the text that the README's
    example blocks and the help's example lines are both made from."""

    line: int
    text: str


class UsageToken(NamedTuple):
    """One word of a usage line: ``<service>``, ``[<app>]``, ``[-t|--tail [<tail-num>]]``."""

    text: str
    kind: str  # "argument" | "list" (<ports...>) | "flag" | "flags" ([--link-flags...])
    name: str  # "service", "ports", "tail", "link-flags"
    optional: bool
    line: int | None = None  # the line that says so: the declare, a default, a #F


class Example(NamedTuple):
    kind: str  # "command" | "code" | "quote" | "text"
    text: str


class Command(NamedTuple):
    name: str
    path: str
    description: str
    usage: str  # the arguments, "" for none
    arguments: tuple[Argument, ...]
    flags: tuple[Flag, ...]
    examples: tuple[Example, ...]
    fragment: str | None  # docs/<name>.md, as it goes into the README
    usage_line: int | None = None  # the script's line the usage comes from
    description_line: int | None = None  # the script's line the description comes from
    example_lines: tuple[ExampleLine, ...] = ()  # what ``examples`` is made from
    synopsis: tuple[UsageToken, ...] = ()  # the usage, word by word (corrected mode)


class UsageSection(NamedTuple):
    key: str
    title: str
    intro: str
    commands: tuple[Command, ...]
    prose: bool = False  # a section of text that lists no commands (e.g. Notes)


class Readme(NamedTuple):
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
    boilerplate: Boilerplate  # the profile's, with docgen.toml's dokku_version and install
    profile: str  # the name of the compat profile ("corrected" in corrected mode)
    listed: tuple[str, ...] = ()  # every command the usage sections name, files or not


# --- the help: what ``dokku <prefix>:help [NAME]`` prints (docgen/render/help.py) ----------


class HelpRow(NamedTuple):
    """One row of an ``arguments:`` or ``flags:`` table."""

    left: str  # "service", "-t|--tail [<tail-num>]"
    right: str  # what follows: " service to run command against"
    line: int | None


class HelpExample(NamedTuple):
    kind: str  # "command" | "code" | "quote" | "text"
    text: str
    line: int | None


class HelpCommand(NamedTuple):
    name: str
    path: str
    usage: tuple[UsageToken, ...]
    description: str  # as the command's own page shows it
    summary: str  # as the overview shows it
    arguments: tuple[HelpRow, ...]
    flags: tuple[HelpRow, ...]
    examples: tuple[HelpExample, ...]
    usage_line: int | None = None
    description_line: int | None = None


class Help(NamedTuple):
    prefix: str
    service: str  # PLUGIN_SERVICE, the display name: "Postgres"
    commands: tuple[HelpCommand, ...]  # the implemented commands, in file name order
