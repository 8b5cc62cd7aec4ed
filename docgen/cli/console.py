"""Writing to the terminal: one ``echo`` for every line docgen prints, and diff colours."""

from __future__ import annotations

import os
import sys
from typing import TextIO


def echo(text: str, *, err: bool = False, newline: bool = True) -> None:
    """Write a line to stdout (or stderr) as UTF-8, whatever the locale says, as click.echo
    does. A file name that is not valid UTF-8 is written back as the bytes it was."""
    stream = sys.stderr if err else sys.stdout
    text = f"{text}\n" if newline else text
    binary = getattr(stream, "buffer", None)
    if binary is None:  # a text-only stream (io.StringIO)
        stream.write(text)
    else:
        stream.flush()
        binary.write(text.encode("utf-8", "surrogateescape"))
    stream.flush()


def colour_wanted(stream: TextIO) -> bool:
    return "NO_COLOR" not in os.environ and stream.isatty()


def help_colour_wanted(stream: TextIO, choice: bool | None = None) -> bool:
    """Colour for the help: as ``--color``/``--no-color`` say, else on a terminal whose TERM
    has colours, unless NO_COLOR or DOKKU_NO_COLOR (help-functions' own switch) is set."""
    if choice is not None:
        return choice
    term = os.environ.get("TERM", "")
    return (
        colour_wanted(stream)
        and not os.environ.get("DOKKU_NO_COLOR")
        and term not in ("", "dumb", "unknown")
    )


def paint_diff_line(line: str, enabled: bool) -> str:
    if not enabled:
        return line
    if line.startswith(("+++", "---")):
        return f"\x1b[1m{line}\x1b[0m"
    colour = {"+": "32", "-": "31", "@": "36"}.get(line[:1])
    return f"\x1b[{colour}m{line}\x1b[0m" if colour else line
