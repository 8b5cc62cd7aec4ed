"""Walking bash text outside its quotes: the one scanner of quotes and backslashes that the
config reader and the bash layer (docgen/build/bash.py) build on."""

from __future__ import annotations

from collections.abc import Iterator


def unquoted(text: str, start: int = 0, *, comments: bool = False) -> Iterator[int]:
    """The indexes, from ``start`` on, of the characters of ``text`` that bash reads
    unquoted: outside '...' and "...", neither a quote character nor a backslash nor the
    character a backslash escapes. With ``comments``, a ``#`` at ``start`` or after white
    space skips to the end of its line, newline included; a comment without a newline
    ends the walk."""
    quote = ""
    index = start
    while index < len(text):
        char = text[index]
        if quote:
            if char == "\\" and quote == '"':
                index += 1
            elif char == quote:
                quote = ""
        elif char == "\\":
            index += 1
        elif char in "\"'":
            quote = char
        elif comments and char == "#" and (index == start or text[index - 1] in " \t\n"):
            newline = text.find("\n", index)
            if newline < 0:
                return
            index = newline
        else:
            yield index
        index += 1
