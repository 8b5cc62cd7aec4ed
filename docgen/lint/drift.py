"""``help-drift``: where a plugin's help and its README disagree about the same command.

Both are built from the same source in the chosen mode (docgen.build.readme and
docgen.build.help) and compared command by command, field by field: the usage, the
description, each flag and its default, and the text of each example line once its variables
are expanded (not its layout: the README makes paragraphs and code blocks of the lines that
the help prints one by one). Flags and examples count only where the README shows them: a
command in no usage section has only its Commands line there (``hidden-command`` says so).

Each drift names the source line responsible. In compat mode the two disagree where
bin/generate and help-functions read the scripts differently (``$PLUGIN_SERVICE``,
``*_OPTIONAL`` names, the ``--config-options`` default, ``${PLUGIN_IMAGE_VERSION}``...). In
corrected mode the help is made from the README's model, so nothing can drift.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from docgen.build.help import flag_help
from docgen.build.model import Command, Flag, Help, HelpCommand, HelpRow, Readme


class Drift(NamedTuple):
    path: str
    line: int | None
    message: str


def help_drift(readme: Readme, help: Help) -> Iterator[Drift]:
    """Every disagreement between the README model and the help model of one plugin."""
    listed = {command.name for section in readme.sections for command in section.commands}
    pages = {page.name: page for page in help.commands}
    for command in readme.commands:
        page = pages.get(command.name)
        if page is None:
            continue
        yield from _usage(command, page)
        yield from _description(command, page)
        if command.name in listed:
            yield from _flags(command, page)
            yield from _examples(command, page)


def _says(what: str, readme: str, help: str) -> str:
    return f'{what}: the README says "{readme}", the help "{help}"'


def _usage(command: Command, page: HelpCommand) -> Iterator[Drift]:
    shown = " ".join(token.text for token in page.usage)
    if shown != command.usage:
        line = page.usage_line or command.usage_line
        yield Drift(command.path, line, _says("usage", command.usage, shown))


def _description(command: Command, page: HelpCommand) -> Iterator[Drift]:
    if page.description != command.description:
        line = page.description_line or command.description_line
        yield Drift(command.path, line, _says("description", command.description, page.description))


def _row_text(row: HelpRow) -> tuple[str, str]:
    """A help row as (spec, help): a line without a comma is all spec."""
    if row.left == row.right:
        return row.left.strip(), ""
    return row.left.strip(), row.right.strip()


def _flag(path: str, flag: Flag | None, row: HelpRow | None) -> Iterator[Drift]:
    if row is None:
        assert flag is not None
        yield Drift(path, flag.line, f'flag: the README shows "{flag.spec}", the help does not')
        return
    spec, shown = _row_text(row)
    if flag is None:
        yield Drift(path, row.line, f'flag: the help shows "{spec}", the README does not')
        return
    if spec != flag.spec or shown not in (flag_help(flag.help, flag.default), flag.help or ""):
        readme = f"{flag.spec}: {flag.help or ''}".rstrip(": ")
        yield Drift(path, flag.line, _says("flag", readme, f"{spec}: {shown}".rstrip(": ")))
    elif flag.default is not None and shown != flag_help(flag.help, flag.default):
        message = f"default: the README shows (default: `{flag.default}`) for {flag.spec}, "
        yield Drift(path, flag.line, message + "the help shows no default")


def _flags(command: Command, page: HelpCommand) -> Iterator[Drift]:
    flags = {flag.line: flag for flag in command.flags}
    rows: dict[int | None, HelpRow] = {}
    for row in page.flags:
        rows.setdefault(row.line, row)
    for line in sorted(set(flags) | set(rows), key=lambda n: -1 if n is None else n):
        yield from _flag(command.path, flags.get(line), rows.get(line))


def _examples(command: Command, page: HelpCommand) -> Iterator[Drift]:
    readme: dict[int | None, str] = {
        example.line: example.text.strip() for example in command.example_lines
    }
    help: dict[int | None, list[str]] = {}
    for example in page.examples:
        help.setdefault(example.line, []).append(example.text.strip())
    shown = {line: "\n".join(texts).strip() for line, texts in help.items()}
    for line in sorted(set(readme) | set(shown), key=lambda n: -1 if n is None else n):
        ours, theirs = readme.get(line, ""), shown.get(line, "")
        if ours == theirs:
            continue
        if not theirs:
            message = f'example: the README shows "{ours}", the help does not'
        elif not ours:
            message = f'example: the help shows "{theirs}", the README does not'
        else:
            message = _says("example", ours, theirs)
        yield Drift(command.path, line, message)
