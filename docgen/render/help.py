"""Lay the help model out as ``dokku <prefix>:help [NAME]`` prints it.

The help is a small pure renderer, not jinja2 templates: its layout is a few fixed lines
around tables whose column widths depend on every row (``column -t``), where colour escapes
count for nothing, and whose rows compat mode sorts by their rendered bytes. In templates,
each of those would be a filter holding the same code, and the whitespace control that
byte-exact output needs would make the fixed lines harder to read than they are here.

Two layouts, chosen by compat.help_functions: help-functions' own (compat: ``column -t -s,``
in the C locale, where every comma starts a cell and a byte that is not ASCII prints as
``\\xHH``; the overview sorted by byte; its spacing of examples), and docgen's (corrected: two
columns measured in terminal cells, the overview in the README's order, a blank line between
blocks of examples of different kinds).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import NamedTuple

from docgen.build import compat
from docgen.build.compat import Quirks
from docgen.build.model import Help, HelpCommand, HelpExample, HelpRow, UsageToken


class Palette(NamedTuple):
    """The escapes help-functions prints with colour on (``tput bold``, then fixed codes)."""

    bold: str
    normal: str
    blue: str
    cyan: str
    light_gray: str
    light_red: str
    other_gray: str


PLAIN = Palette("", "", "", "", "", "", "")
COLOURS = Palette(
    "\x1b[1m", "\x1b[m", "\x1b[0;34m", "\x1b[1;36m", "\x1b[2;37m", "\x1b[1;31m", "\x1b[7;37m"
)

_SGR = re.compile(r"\x1b\[[0-9;]*m")
_BLANK = " \t\n\v\f\r"


def _c_locale(cell: str) -> str:
    """A cell as column(1) prints it in the C locale: a byte that is not ASCII as ``\\xHH``."""
    if cell.isascii():
        return cell
    return "".join(
        char
        if char.isascii()
        else "".join(f"\\x{b:02x}" for b in char.encode("utf-8", "surrogateescape"))
        for char in cell
    )


def _narrow(char: str) -> int:
    return 0 if ord(char) < 0x20 or char == "\x7f" else 1


def _terminal(char: str) -> int:
    """The cells a character takes on a terminal (wcwidth)."""
    if ord(char) < 0x20 or char == "\x7f" or unicodedata.combining(char):
        return 0
    if unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _width(text: str, measure: Callable[[str], int]) -> int:
    return sum(measure(char) for char in _SGR.sub("", text))


def column(lines: Sequence[str]) -> list[str]:
    """util-linux ``column -t -s,`` in the C locale: blank lines dropped, every comma starts
    a cell, each column but the last padded to its widest cell, then two spaces."""
    rows = [[_c_locale(cell) for cell in line.split(",")] for line in lines if line.strip(_BLANK)]
    if not rows:
        return []
    count = max(len(row) for row in rows)
    rows = [row + [""] * (count - len(row)) for row in rows]
    widths = [max(_width(row[i], _narrow) for row in rows) for i in range(count - 1)]
    return [
        "".join(
            f"{cell}{' ' * (widths[i] - _width(cell, _narrow))}  "
            for i, cell in enumerate(row[:-1])
        )
        + row[-1]
        for row in rows
    ]


def two_columns(rows: Sequence[tuple[str, str]], gap: str = "   ") -> list[str]:
    """Two columns, the first padded to its widest cell in terminal cells; a row without a
    second cell has no padding."""
    if not rows:
        return []
    width = max(_width(left, _terminal) for left, _ in rows)
    return [
        f"{left}{' ' * (width - _width(left, _terminal))}{gap}{right}" if right else left
        for left, right in rows
    ]


# --- the two layouts ---------------------------------------------------------------------


class Layout(NamedTuple):
    table: Callable[[Sequence[HelpRow], Palette], list[str]]
    entries: Callable[[Sequence[tuple[str, str]], Palette], list[str]]  # the overview's
    examples: Callable[[Sequence[HelpExample], Palette], str]
    listing: Callable[[Sequence[str]], list[str]]  # the list example of the overview


def _script_table(rows: Sequence[HelpRow], c: Palette) -> list[str]:
    return column([f"{row.left},{c.light_gray}{row.right}{c.normal}" for row in rows])


def _script_entries(entries: Sequence[tuple[str, str]], c: Palette) -> list[str]:
    lines = [f"{entry}, {c.light_gray}{summary}{c.normal}" for entry, summary in entries]
    return column(sorted(lines, key=lambda line: line.encode("utf-8", "surrogateescape")))


def _script_examples(examples: Sequence[HelpExample], c: Palette) -> str:
    """help-functions' spacing: an empty line where commands and other lines alternate,
    and one more before a quote."""
    out: list[str] = []
    last = ""
    for example in examples:
        is_command = example.kind == "command"
        if last and (last == "command") != is_command:
            out.append("")
        out.extend(_example_lines(example, c, quote_gap=True))
        last = example.kind
    return "\n".join(out).rstrip("\n")


def _docgen_table(rows: Sequence[HelpRow], c: Palette) -> list[str]:
    return two_columns(
        [(row.left, f"{c.light_gray}{row.right}{c.normal}" if row.right else "") for row in rows]
    )


def _docgen_entries(entries: Sequence[tuple[str, str]], c: Palette) -> list[str]:
    return two_columns(
        [
            (entry, f"{c.light_gray}{summary}{c.normal}" if summary else "")
            for entry, summary in entries
        ]
    )


def _docgen_examples(examples: Sequence[HelpExample], c: Palette) -> str:
    """A blank line between blocks of lines of different kinds, as the README's blocks."""
    out: list[str] = []
    last = ""
    for example in examples:
        if last and last != example.kind:
            out.append("")
        out.extend(_example_lines(example, c, quote_gap=False))
        last = example.kind
    return "\n".join(out).rstrip("\n")


def _example_lines(example: HelpExample, c: Palette, *, quote_gap: bool) -> list[str]:
    if example.kind == "command":
        return [f"    {c.light_gray}{example.text}{c.normal}"]
    if example.kind == "code":
        return [f"    {c.other_gray}{example.text}{c.normal}"]
    if example.kind == "quote":
        return [*([""] if quote_gap else []), f"    {c.bold}{example.text}{c.normal}"]
    return [example.text]


SCRIPT = Layout(_script_table, _script_entries, _script_examples, column)
DOCGEN = Layout(_docgen_table, _docgen_entries, _docgen_examples, list)


# --- the pages ---------------------------------------------------------------------------


def command_line(command: HelpCommand, c: Palette, *, short: bool) -> str:
    """``:name <args>``: every argument on the command's page, three and ``...`` in the
    overview; ``default`` is the bare prefix. Flags are blue on the page."""
    words: list[str] = []
    for index, token in enumerate(command.usage):
        if short and index == 3:
            words[-1] += "..."
            break
        words.append(_word(token, c, short=short))
    name = "" if command.name == "default" else f":{command.name}"
    return f"{name} {' '.join(words)}".rstrip(_BLANK)


def _word(token: UsageToken, c: Palette, *, short: bool) -> str:
    if token.kind == "flag" and not short:
        return f"{c.blue}{token.text}{c.normal}"
    return token.text


def render_overview(help: Help, quirks: Quirks, *, colour: bool = False) -> str:
    """``dokku <prefix>:help``."""
    c = COLOURS if colour else PLAIN
    layout: Layout = compat.help_functions(quirks, SCRIPT, DOCGEN)
    prefix = help.prefix
    entries = [
        (f"    {prefix}{command_line(command, c, short=True)}", command.summary)
        for command in help.commands
    ]
    lines = [
        f"{c.bold}usage{c.normal}: dokku {prefix}[:COMMAND]",
        "",
        f"{c.bold}List your {prefix} services.{c.normal}",
        "",
        f"{c.blue}Example:{c.normal}",
        "",
        f"    $ dokku {prefix}:list",
        "",
        *layout.listing([f"      {help.service} services", "      service-name"]),
        "",
        f"dokku {c.bold}{prefix}{c.normal} commands: (get help with "
        f"{c.cyan}dokku {prefix}:help SUBCOMMAND{c.normal})",
        "",
        *layout.entries(entries, c),
        "",
    ]
    return "\n".join(lines) + "\n"


def render_command(
    help: Help, command: HelpCommand, quirks: Quirks, *, colour: bool = False
) -> str:
    """``dokku <prefix>:help <name>``."""
    c = COLOURS if colour else PLAIN
    layout: Layout = compat.help_functions(quirks, SCRIPT, DOCGEN)
    lines = [
        f"{c.bold}usage:{c.normal} dokku {help.prefix}{command_line(command, c, short=False)}",
        "",
        f"{c.bold}{command.description}{c.normal}",
        "",
    ]
    for title, paint, rows in (
        ("arguments:", c.cyan, command.arguments),
        ("flags:", c.blue, command.flags),
    ):
        if rows:
            lines += [f"{paint}{title}{c.normal}", "", *layout.table(rows, c), ""]
    examples = layout.examples(command.examples, c)
    if examples:
        lines += [f"{c.light_red}examples:{c.normal}", "", examples, ""]
    return "\n".join(lines) + "\n"
