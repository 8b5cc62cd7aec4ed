"""From one subcommand script's lines to a Command: description, usage, flags, examples.

Pure: the script was read by docgen.readers.subcommands; the mode's quirks decide how the
lines are read (docgen/compat.py).
"""

from collections.abc import Callable
from typing import NamedTuple

from docgen.build import bash
from docgen.build import compat
from docgen.build.compat import Quirks
from docgen.errors import Diagnostic
from docgen.build.model import Argument, Example, Flag
from docgen.read.records import SourceLine, SubcommandSource


class Scanned(NamedTuple):
    description: str | None
    usage: str
    arguments: tuple[Argument, ...]
    flags: tuple[Flag, ...]
    example_lines: tuple[str, ...]
    warnings: tuple[Diagnostic, ...]


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


def scan(source: SubcommandSource, quirks: Quirks, expand: Callable[[str], str]) -> Scanned:
    """Read one script's documentation lines. ``expand`` replaces config variables."""
    description: str | None = None
    usage = ""
    arguments: list[Argument] = []
    flags: list[Flag] = []
    examples: list[str] = []
    warnings: list[Diagnostic] = []

    def warn(line: SourceLine, message: str) -> None:
        warnings.append(Diagnostic(source.path, line.number, message))

    for line in source.lines:
        text = expand(line.text)
        is_annotation = text.startswith(("#A ", "#F ", "#E "))
        if "declare desc" in text and (quirks.uppercase_usage or not is_annotation):
            value = compat.greedy_quoted(text) if quirks.regex_values else None
            if value is None:
                value = _declared_description(text)
            if value is None:
                warn(line, 'cannot read the value of declare desc=; write declare desc="..."')
            else:
                description = value
        elif "$1" in text and (quirks.uppercase_usage or not is_annotation):
            if quirks.uppercase_usage:
                usage = compat.uppercase_usage(text)
            else:
                names = _declared_names(text)
                if names is not None:
                    usage = corrected_usage(names)
        elif text.startswith("#A "):
            name, help_text = _split_annotation(text[3:])
            if help_text is None:
                warn(line, "#A has no comma; write #A name, description")
            arguments.append(Argument(name, help_text or ""))
        elif text.startswith("#F "):
            spec, help_text = _split_annotation(text[3:])
            if help_text is None:
                warn(line, "#F has no comma; write #F -x|--flag, description")
            flags.append(Flag(spec, help_text, None))
        elif text.startswith("#E "):
            examples.append(text.replace("#E ", "") if quirks.marker_everywhere else text[3:])
    return Scanned(
        description, usage, tuple(arguments), tuple(flags), tuple(examples), tuple(warnings)
    )


# --- A13: examples ------------------------------------------------------------------------


def _kind(line: str) -> str:
    if line.startswith(("export", "dokku")):
        return "command"
    if line.startswith("    "):
        return "code"
    if line.startswith(">"):
        return "quote"
    return "text"


def examples(lines: tuple[str, ...], quirks: Quirks) -> tuple[Example, ...]:
    """Consecutive example lines of one kind make one block."""
    blocks: list[tuple[str, list[str]]] = []
    for line in lines:
        kind = _kind(line)
        if kind == "code":
            line = line.strip() if quirks.codeblock_dedent else line[4:].rstrip()
        if blocks and blocks[-1][0] == kind:
            blocks[-1][1].append(line)
        else:
            blocks.append((kind, [line]))
    rendered = [
        Example(
            kind,
            compat.sentence(lines, quirks.sentence_quirks) if kind == "text" else "\n".join(lines),
        )
        for kind, lines in blocks
    ]
    # The script strips the examples as a whole: white space at both ends of the prose goes.
    if rendered and rendered[0].kind in ("quote", "text"):
        rendered[0] = Example(rendered[0].kind, rendered[0].text.lstrip())
    if rendered and rendered[-1].kind in ("quote", "text"):
        rendered[-1] = Example(rendered[-1].kind, rendered[-1].text.rstrip())
    return tuple(rendered)
