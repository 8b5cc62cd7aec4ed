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
from docgen.build.model import Argument, Command, Flag
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


def _declared_names(line: str) -> tuple[str, ...] | None:
    """The names assigned on a ``declare`` line (``SERVICE="$1" LIST=("${@:2}")``).
    Read per token: bashlex rejects the array form, and a name is all that is needed."""
    names = []
    for token in line.split():
        name, sep, _ = token.partition("=")
        if sep and bash.NAME.fullmatch(name):
            names.append(name)
    return tuple(names) if names else None


def corrected_usage(names: tuple[str, ...]) -> str:
    tokens = []
    for name in names:
        if name.endswith("_OPTIONAL") and not name.endswith("_FLAG"):
            tokens.append(f"[{compat.usage_token(name[: -len('_OPTIONAL')])}]")
        else:
            tokens.append(compat.usage_token(name))
    return " ".join(tokens)


def _declared_usage(line: str) -> str | None:
    names = _declared_names(line)
    return None if names is None else corrected_usage(names)


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
            usage, warnings = compat.usage(quirks, self.path, number, text, _declared_usage)
            self.warnings.extend(warnings)
            if usage is not None:
                self.usage, self.usage_line = usage, number
        elif text.startswith("#A "):
            name, help_text = _split_annotation(compat.annotation_payload(quirks, text))
            if help_text is None:
                self.warn(number, "#A has no comma; write #A name, description")
            self.arguments.append(Argument(name, help_text or ""))
        elif text.startswith("#F "):
            spec, help_text = _split_annotation(compat.annotation_payload(quirks, text))
            if help_text is None:
                self.warn(number, "#F has no comma; write #F -x|--flag, description")
            self.flags.append(Flag(spec, help_text, None))
        elif text.startswith("#E "):
            self.examples.append(compat.annotation_payload(quirks, text))

    def scanned(self) -> Scanned:
        return Scanned(
            self.description,
            self.usage,
            tuple(self.arguments),
            tuple(self.flags),
            tuple(self.examples),
            tuple(self.warnings),
            self.usage_line,
            self.description_line,
        )


def scan(source: SubcommandSource, quirks: Quirks, expand: Callable[[str], str]) -> Scanned:
    """Read one script's documentation lines. ``expand`` replaces config variables."""
    found = _Scan(source.path)
    for line in source.lines:
        text = compat.text_read(quirks, line.text) if line.number == 1 else line.text
        found.line(line.number, expand(text), quirks)
    return found.scanned()


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
    )
    return found, warnings
