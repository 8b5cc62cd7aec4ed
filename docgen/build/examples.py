"""A13: a command's ``#E`` lines -> its example blocks (shell commands, code, quotes, prose)."""

from __future__ import annotations

from collections.abc import Sequence

from docgen.build import compat
from docgen.build.compat import Quirks
from docgen.build.model import Example


def example_kind(line: str) -> str:
    """The kind of one example line (A13): a command, code, a quote or prose."""
    if line.startswith(("export", "dokku")):
        return "command"
    if line.startswith("    "):
        return "code"
    if line.startswith(">"):
        return "quote"
    return "text"


def _blocks(lines: Sequence[str], quirks: Quirks) -> list[tuple[str, list[str]]]:
    """Consecutive example lines of one kind make one block."""
    blocks: list[tuple[str, list[str]]] = []
    for line in lines:
        kind = example_kind(line)
        if kind == "code":
            line = compat.code_example_line(quirks, line)
        if blocks and blocks[-1][0] == kind:
            blocks[-1][1].append(line)
        else:
            blocks.append((kind, [line]))
    return blocks


def examples(lines: Sequence[str], quirks: Quirks) -> tuple[Example, ...]:
    rendered = [
        Example(kind, compat.sentence(quirks, block) if kind == "text" else "\n".join(block))
        for kind, block in _blocks(lines, quirks)
    ]
    # The script strips the examples as a whole: white space at both ends of the prose goes.
    if rendered and rendered[0].kind in ("quote", "text"):
        rendered[0] = Example(rendered[0].kind, rendered[0].text.lstrip())
    if rendered and rendered[-1].kind in ("quote", "text"):
        rendered[-1] = Example(rendered[-1].kind, rendered[-1].text.rstrip())
    return tuple(rendered)
