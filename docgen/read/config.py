"""Reader of the plugin's ``config``: its variable assignments, scalars and arrays.

The file is a bash script that bashlex cannot parse whole (arrays, ``[[ ]]``), so the
reader finds each assignment statement itself and keeps its text. Values are parsed
with bashlex only when something asks for them (``docgen.config_values``).
"""

from __future__ import annotations

import re
from pathlib import Path

from docgen.read.files import BOM, display, read_text
from docgen.read.quoting import unquoted
from docgen.read.records import Assignment, ConfigSource

_ASSIGNMENT = re.compile(
    r"^\s*(?:(?:export|declare|readonly|typeset|local)(?:\s+-[A-Za-z]+)*\s+)?"
    r"(?P<name>[A-Za-z_][A-Za-z0-9_]*)=(?P<rest>.*)$"
)


def _closing_paren(text: str, start: int) -> int:
    """Index of the ``)`` that closes the array opened just before ``start``, or -1.
    Quotes and backslashes are honoured; ``#`` starts a comment only after white space."""
    return next((index for index in unquoted(text, start, comments=True) if text[index] == ")"), -1)


def parse_config(text: str, path: str) -> ConfigSource:
    lines = text.removeprefix(BOM).split("\n")
    assignments: list[Assignment] = []
    number = 0
    while number < len(lines):
        match = _ASSIGNMENT.match(lines[number])
        if match is None:
            number += 1
            continue
        name, rest = match.group("name"), match.group("rest")
        if rest.startswith("("):
            remainder = "\n".join([rest, *lines[number + 1 :]])
            close = _closing_paren(remainder, 1)
            if close >= 0:
                inner = remainder[1:close]
                assignments.append(Assignment(name, number + 1, f"{name}={rest}", raw_items=inner))
                number += inner.count("\n") + 1
                continue
        assignments.append(Assignment(name, number + 1, f"{name}={rest}"))
        number += 1
    return ConfigSource(path=path, lines=tuple(lines), assignments=tuple(assignments))


def read_config(root: Path) -> ConfigSource:
    path = root / "config"
    return parse_config(read_text(root, path, what="config file"), display(path))
