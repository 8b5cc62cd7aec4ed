"""TOML text to a table, with errors as DocgenError naming the file and line.

The TOML files docgen reads (a plugin's ``plugin.toml`` and ``docgen.toml``, and its own
``templates/sections.toml``) use a small part of TOML: ``[table]`` and ``[[array]]`` headers,
and ``key = value`` lines whose value is a string without escapes (one-line, or multi-line
between triple quotes), a one-line list of such strings, or a boolean. ``simple_toml`` reads
exactly that part and answers None for anything else, which then goes to tomllib. Importing
tomllib (and the datetime module it needs) costs about 3 ms, a tenth of a small run. A
property test (tests/test_toml_text.py) checks that both give the same table wherever
``simple_toml`` answers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from docgen.errors import DocgenError

# Key paths: ``name`` or ``a.b`` of bare keys.
_DOTTED = re.compile(r"[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*")
# Characters tomllib treats specially anywhere (control characters, carriage returns); tab,
# allowed between tokens, is refused inside strings below.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_AT = r"\s*\(at (?:line (\d+), column \d+|end of document)\)$"


def _plain(text: str) -> bool:
    """String content that means itself: no quote, escape or tab."""
    return '"' not in text and "\\" not in text and "\t" not in text


def _strings(text: str) -> list[str] | None:
    """The items of a one-line ``["a", "b"]`` (a trailing comma allowed)."""
    items = []
    rest = text[1:-1].strip(" \t")
    while rest:
        end = rest.find('"', 1)
        if not rest.startswith('"') or end < 0 or not _plain(rest[1:end]):
            return None
        items.append(rest[1:end])
        rest = rest[end + 1 :].lstrip(" \t")
        if rest.startswith(","):
            rest = rest[1:].lstrip(" \t")
        elif rest:
            return None
    return items


def _value(text: str) -> str | bool | list[str] | None:
    if len(text) >= 2 and text[0] == text[-1] == '"' and _plain(text[1:-1]):
        return text[1:-1]
    if text in ("true", "false"):
        return text == "true"
    if text.startswith("[") and text.endswith("]"):
        return _strings(text)
    return None


def _open_table(
    root: dict[str, Any], path: list[str], defined: set[tuple[str, ...]]
) -> dict[str, Any] | None:
    """The table a ``[a.b]`` header opens, or None where TOML's rules need tomllib's care
    (a redefined table, a path through a value or an array of tables)."""
    table = root
    for part in path:
        table = table.setdefault(part, {})
        if not isinstance(table, dict):
            return None
    if tuple(path) in defined:
        return None
    defined.add(tuple(path))
    return table


def simple_toml(text: str) -> dict[str, Any] | None:
    """The table of ``text`` if it only uses the simple part of TOML, else None."""
    if _UNSAFE.search(text):
        return None
    root: dict[str, Any] = {}
    table = root
    defined: set[tuple[str, ...]] = set()
    array_tables: set[str] = set()
    lines = iter(text.split("\n"))
    for raw in lines:
        line = raw.strip(" \t")
        if not line or line.startswith("#"):
            continue
        if line.startswith("[["):
            name = line[2:-2]
            if not line.endswith("]]") or not _DOTTED.fullmatch(name) or "." in name:
                return None
            if name in root and name not in array_tables:
                return None
            array_tables.add(name)
            table = {}
            root.setdefault(name, []).append(table)
            continue
        if line.startswith("["):
            if not line.endswith("]") or not _DOTTED.fullmatch(line[1:-1]):
                return None
            opened = _open_table(root, line[1:-1].split("."), defined)
            if opened is None:
                return None
            table = opened
            continue
        key, equals, value_text = line.partition("=")
        key, value_text = key.rstrip(" \t"), value_text.lstrip(" \t")
        if not equals or not _DOTTED.fullmatch(key) or "." in key or key in table:
            return None
        if value_text.startswith('"""'):
            body = _multiline(raw[raw.index('"""') + 3 :], lines)
            if body is None:
                return None
            table[key] = body
            continue
        value = _value(value_text)
        if value is None:
            return None
        table[key] = value
    return root


def _multiline(first: str, rest: Iterator[str]) -> str | None:
    """A ``\"\"\"`` string from the text after its opening quotes and the lines after it."""
    parts = [first]
    while '"""' not in parts[-1]:
        following = next(rest, None)
        if following is None:
            return None
        parts.append(following)
    last = parts[-1]
    end = last.index('"""')
    if last[end + 3 :].strip(" \t"):
        return None
    parts[-1] = last[:end]
    body = "\n".join(parts)
    if not _plain(body):
        return None
    return body[1:] if body.startswith("\n") else body


def parse_toml(text: str, path: str) -> dict[str, Any]:
    simple = simple_toml(text)
    if simple is not None:
        return simple
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        at = re.search(_AT, message)
        line = None
        if at is not None:
            line = int(at.group(1)) if at.group(1) else text.count("\n") + 1
        raise DocgenError(
            f"is not valid TOML: {re.sub(_AT, '', message)}", path=path, line=line
        ) from None
    except RecursionError:
        raise DocgenError("is not valid TOML: nested too deeply", path=path) from None
