"""One subcommand script -> its Command: description, usage, arguments, flags, examples.

Pure: the script was read by docgen.read.subcommands; the mode's quirks decide how the
lines are read (docgen/build/compat.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from docgen.build import bash, compat
from docgen.build.compat import Quirks
from docgen.build.examples import examples
from docgen.build.model import Argument, Command, ExampleLine, Flag, UsageToken
from docgen.errors import Diagnostic
from docgen.read.records import SubcommandSource


class Scanned(NamedTuple):
    description: str | None
    usage: str
    arguments: tuple[Argument, ...]
    flags: tuple[Flag, ...]
    example_lines: tuple[str, ...]
    warnings: tuple[Diagnostic, ...]
    usage_line: int | None = None
    description_line: int | None = None
    example_numbers: tuple[int, ...] = ()  # the line of each example line
    synopsis: tuple[UsageToken, ...] = ()  # the usage word by word (corrected mode)


def _split_annotation(payload: str) -> tuple[str, str | None]:
    name, comma, help_text = payload.partition(",")
    return name.strip(), help_text.strip() if comma else None


def _declared_description(line: str) -> str | None:
    """The value of ``desc=`` on a ``declare`` line, as bash reads it (quotes removed)."""
    words = bash.parse_command(line)
    for word in words or ():
        split = bash.split_assignment(word)
        if split is not None and split[0] in ("desc", "description"):
            return split[1].text
    return None


class _Scan:
    """What the lines of one script said so far; the last description and usage win."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.description: str | None = None
        self.description_line: int | None = None
        self.usage = ""
        self.usage_line: int | None = None
        self.arguments: list[Argument] = []
        self.flags: list[Flag] = []
        self.examples: list[str] = []
        self.example_numbers: list[int] = []
        self.warnings: list[Diagnostic] = []

    def warn(self, number: int, message: str) -> None:
        self.warnings.append(Diagnostic(self.path, number, message))

    def line(self, number: int, text: str, quirks: Quirks) -> None:
        code = compat.read_as_code(quirks, text)
        if code and "declare desc" in text:
            value, warnings = compat.description(
                quirks, self.path, number, text, _declared_description
            )
            self.warnings.extend(warnings)
            if value is None:
                self.warn(
                    number, 'cannot read the value of declare desc=; write declare desc="..."'
                )
            else:
                self.description, self.description_line = value, number
        elif code and "$1" in text:
            usage, warnings = compat.usage(quirks, self.path, number, text)
            self.warnings.extend(warnings)
            if usage is not None:
                self.usage, self.usage_line = usage, number
        elif text.startswith("#A "):
            name, help_text = _split_annotation(compat.annotation_payload(quirks, text))
            if help_text is None:
                self.warn(number, "#A has no comma; write #A name, description")
            self.arguments.append(Argument(name, help_text or "", number))
        elif text.startswith("#F "):
            spec, help_text = _split_annotation(compat.annotation_payload(quirks, text))
            if help_text is None:
                self.warn(number, "#F has no comma; write #F -x|--flag, description")
            self.flags.append(Flag(spec, help_text, None, number))
        elif text.startswith("#E "):
            self.examples.append(compat.annotation_payload(quirks, text))
            self.example_numbers.append(number)

    def scanned(self, words: tuple[UsageToken, ...]) -> Scanned:
        """What the lines said; ``words``, the synopsis, is the usage where there is one."""
        usage, usage_line = self.usage, self.usage_line
        if words:
            usage = " ".join(word.text for word in words)
            lines = [w.line for w in words if w.line is not None and w.kind != "flag"]
            usage_line = min(lines or [w.line for w in words if w.line is not None], default=None)
        return Scanned(
            self.description,
            usage,
            tuple(self.arguments),
            tuple(self.flags),
            tuple(self.examples),
            tuple(self.warnings),
            usage_line,
            self.description_line,
            tuple(self.example_numbers),
            words,
        )


def _synopsis(text: str, flags: list[Flag]) -> tuple[UsageToken, ...]:
    from docgen.build.synopsis import synopsis  # corrected mode only: compat never imports it

    return synopsis(text, flags)


def scan(source: SubcommandSource, quirks: Quirks, expand: Callable[[str], str]) -> Scanned:
    """Read one script's documentation lines. ``expand`` replaces config variables."""
    found = _Scan(source.path)
    for line in source.lines:
        text = compat.text_read(quirks, line.text) if line.number == 1 else line.text
        found.line(line.number, expand(text), quirks)
    words = compat.synopsis(quirks, lambda: _synopsis(source.text, found.flags))
    return found.scanned(words)


def command(
    source: SubcommandSource,
    quirks: Quirks,
    expand: Callable[[str], str],
    config_options: str | None,
    fragment: str | None,
) -> tuple[Command, tuple[Diagnostic, ...]]:
    """The Command of one script, with the warnings its lines gave."""
    if source.problem is not None:
        raise source.problem
    scanned = scan(source, quirks, expand)
    warnings = scanned.warnings
    description = scanned.description
    if description is None:
        description = compat.missing_description(quirks, source.name)
        message = f'no declare desc="..."; the README says {description}'
        warnings += (Diagnostic(source.path, None, message),)
    default = compat.config_options_default(quirks, config_options)
    flags = tuple(
        flag._replace(default=default)
        if compat.takes_config_options(quirks, flag.spec, flag.help)
        else flag
        for flag in scanned.flags
    )
    found = Command(
        name=source.name,
        path=source.path,
        description=description,
        usage=scanned.usage,
        arguments=scanned.arguments,
        flags=compat.listed_flags(quirks, flags),
        examples=examples(scanned.example_lines, quirks),
        fragment=None if fragment is None else compat.fragment_text(quirks, fragment),
        usage_line=scanned.usage_line,
        description_line=scanned.description_line,
        example_lines=tuple(
            ExampleLine(number, text)
            for number, text in zip(scanned.example_numbers, scanned.example_lines, strict=True)
        ),
        synopsis=scanned.synopsis,
    )
    return found, warnings
