"""The shell's expansion of help text, without running anything.

A plugin's help is printed by bash at run time: the ``#A``/``#F``/``#E`` lines are expanded as
the body of a here-document, ``declare desc="..."`` as an assignment, and every line is then
printed with ``echo -e``. This module does the same to text, with the config's values:

- ``$NAME``, ``${NAME}``, ``${NAME[i]}``, ``${NAME[@]}``, ``${NAME:-word}`` (and ``-``, ``:=``,
  ``=``, ``:+``, ``+``), positional ``$1``, ``$@``, ``$#``; an unset name is empty, as in bash.
  Each ``${...}`` is read by bashlex (docgen.build.bash.find_parameters).
- Backslashes as bash removes them: in a here-document before ``$``, a backquote, a backslash
  and a newline; in double quotes also before ``"``; outside quotes before anything.
- Command substitutions (a backquoted command, ``$(...)``, ``$((...))``) are never run or
  evaluated: they expand to nothing, as a command that is not found does. This is the one
  deliberate difference: help-functions runs them (dokku-clickhouse's ``link`` help runs
  ``http``).
- ``echo_e``: ``echo -e`` in the C locale, as the help prints. ``\\c`` ends the line's text (bash
  also drops its newline, which docgen keeps). Bytes made by ``\\xHH`` or ``\\0nnn`` that are not
  ASCII are kept as bytes (surrogate escapes, written back raw).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from docgen.build import bash

Value = str | tuple[str, ...] | None  # a scalar, an array, or unset
Lookup = Callable[[str], Value]

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_SPECIAL = "0123456789@*#?$!-"
HEREDOC = "$`\\\n"
DOUBLE_QUOTED = '$`\\\n"'


def _closing(text: str, start: int, opening: str, closing: str) -> int:
    """The index just past the ``closing`` that matches an ``opening`` before ``start``
    (quotes and backslashes honoured), or len(text) when there is none."""
    depth, quote, index = 1, "", start
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char == opening:
            depth += 1
        elif char == closing:
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return len(text)


def _quote_end(text: str, start: int, quote: str = '"') -> tuple[int, int]:
    """Where the text quoted by the ``quote`` at ``start - 1`` (a double quote or a
    backquote) ends, and where the text after the closing quote starts. Backslashes escape;
    in double quotes, ``${...}`` and ``$(...)`` may hold quotes of their own."""
    index = start
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2
        elif char == quote:
            return index, index + 1
        elif quote == '"' and char == "$" and text[index + 1 : index + 2] in ("{", "("):
            opening = text[index + 1]
            index = _closing(text, index + 2, opening, "}" if opening == "{" else ")")
        else:
            index += 1
    return len(text), len(text)


class Expander:
    """Expands text as bash does, with ``lookup`` for named parameters and ``positional``
    for ``$1``, ``$2``..."""

    def __init__(self, lookup: Lookup, positional: Sequence[str] = ()) -> None:
        self._lookup = lookup
        self._positional = tuple(positional)

    # --- the three contexts ----------------------------------------------------------------

    def heredoc(self, text: str) -> str:
        """The body of an unquoted here-document."""
        return self._scan(text, HEREDOC, quotes=False)

    def double_quoted(self, text: str) -> str:
        """The inside of a double-quoted string."""
        return self._scan(text, DOUBLE_QUOTED, quotes=False)

    def word(self, raw: str) -> str:
        """A word as written (an assignment's value): quotes removed, expansions done, no
        word splitting or globbing (as in an assignment)."""
        return self._scan(raw, "", quotes=True)

    # --- scanning --------------------------------------------------------------------------

    def _scan(self, text: str, escapable: str, *, quotes: bool) -> str:
        out: list[str] = []
        index = 0
        while index < len(text):
            piece, index = self._piece(text, index, escapable, quotes)
            out.append(piece)
        return "".join(out)

    def _piece(self, text: str, index: int, escapable: str, quotes: bool) -> tuple[str, int]:
        """The expansion of the text at ``index``, and where the next piece starts."""
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            following = text[index + 1]
            if quotes or following in escapable:
                return ("" if following == "\n" else following), index + 2
            return char, index + 1
        if quotes and char == "'":
            end = text.find("'", index + 1)
            end = len(text) if end < 0 else end
            return text[index + 1 : end], end + 1
        if quotes and char == '"':
            end, after = _quote_end(text, index + 1)
            return self.double_quoted(text[index + 1 : end]), after
        if char == "`":
            return "", _quote_end(text, index + 1, "`")[1]  # never run
        if char == "$":
            return self._dollar(text, index)
        return char, index + 1

    def _dollar(self, text: str, index: int) -> tuple[str, int]:
        rest = text[index + 1 : index + 2]
        if rest == "(":
            return "", _closing(text, index + 2, "(", ")")  # never run nor evaluated
        if rest == "{":
            end = _closing(text, index + 2, "{", "}")
            return self._braced(text[index:end]), end
        match = _NAME.match(text, index + 1)
        if match is not None:
            return self._value(match.group(), "", "", ""), match.end()
        if rest and rest in _SPECIAL:
            return self._value(rest, "", "", ""), index + 2
        return "$", index + 1

    def _braced(self, expansion: str) -> str:
        """``${...}``, read by bashlex; a form it cannot read is empty (bash would stop)."""
        parameters = bash.find_parameters(expansion) if expansion.endswith("}") else None
        if not parameters or parameters[0].end - parameters[0].start != len(expansion):
            return ""
        found = parameters[0]
        return self._value(found.name, found.subscript, found.operator, found.argument)

    # --- values ----------------------------------------------------------------------------

    def _value(self, name: str, subscript: str, operator: str, argument: str) -> str:
        current = self._get(name, subscript)
        if operator in (":-", ":="):
            return current if current else self.word(argument)
        if operator in ("-", "="):
            return current if current is not None else self.word(argument)
        if operator == ":+":
            return self.word(argument) if current else ""
        if operator == "+":
            return self.word(argument) if current is not None else ""
        return current or ""

    def _get(self, name: str, subscript: str) -> str | None:
        """The value of a parameter; None when it is unset."""
        if name.isdigit():
            position = int(name)
            return self._positional[position - 1] if 0 < position <= len(self._positional) else None
        if name in ("@", "*"):
            return " ".join(self._positional)
        if name == "#":
            return str(len(self._positional))
        if not _NAME.fullmatch(name):
            return None
        return _element(self._lookup(name), subscript)


def _element(value: Value, subscript: str) -> str | None:
    """``NAME``, ``NAME[@]`` or ``NAME[i]`` of a scalar or an array."""
    items = (value,) if isinstance(value, str) else value
    if items is None:
        return None
    index = subscript[1:-1]
    if index in ("@", "*"):
        return " ".join(items)
    position = int(index) if index.isdigit() else 0 if not index else -1
    if isinstance(value, str):
        return value if position == 0 else None
    return items[position] if 0 <= position < len(items) else None


# --- echo -e ---------------------------------------------------------------------------------

_SIMPLE_ESCAPES = {
    "a": "\a",
    "b": "\b",
    "e": "\x1b",
    "E": "\x1b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
    "v": "\v",
    "\\": "\\",
}
_NUMERIC = re.compile(r"0([0-7]{0,3})|x([0-9A-Fa-f]{1,2})|u([0-9A-Fa-f]{1,4})|U([0-9A-Fa-f]{1,8})")


def _byte(value: int) -> str:
    """A byte as text: ASCII as itself, any other byte as a surrogate escape."""
    value &= 0xFF
    return chr(value) if value < 0x80 else chr(0xDC00 + value)


def _numeric(match: re.Match[str]) -> str:
    octal, hexadecimal, short, long = match.groups()
    if octal is not None:
        return _byte(int(octal or "0", 8))
    if hexadecimal is not None:
        return _byte(int(hexadecimal, 16))
    code = int(short or long, 16)
    if code < 0x80:
        return chr(code)
    # the C locale has no such character: bash prints the escape, its digits in capitals
    return f"\\u{code:04X}" if short is not None else f"\\U{code:08X}"


def echo_e(text: str) -> str:
    """``echo -e``'s reading of its argument (the C locale); ``\\c`` ends the text."""
    if "\\" not in text:
        return text
    out: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        following = text[index + 1 : index + 2]
        if char != "\\" or not following:
            out.append(char)
            index += 1
        elif following == "c":
            break
        elif following in _SIMPLE_ESCAPES:
            out.append(_SIMPLE_ESCAPES[following])
            index += 2
        else:
            match = _NUMERIC.match(text, index + 1)
            if match is None:
                out.append(char)
                index += 1
            else:
                out.append(_numeric(match))
                index = match.end()
    return "".join(out)
