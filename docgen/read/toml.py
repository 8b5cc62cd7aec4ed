"""TOML text to a table, through the standard library's tomllib; a syntax error becomes a
DocgenError naming the file and line."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from typing import Any

from docgen.errors import DocgenError

_AT = r"\s*\(at (?:line (\d+), column \d+|end of document)\)$"


def parse_toml(text: str, path: str) -> dict[str, Any]:
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


_HEADER = re.compile(r"^\s*\[\[?\s*(?P<name>[^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(r"^\s*(?P<key>[A-Za-z0-9_\-.\"' ]+?)\s*=")


def _dotted(text: str) -> tuple[str, ...]:
    return tuple(part.strip().strip("\"'") for part in text.split("."))


def key_line(text: str, keys: Sequence[str]) -> int | None:
    """The line of a TOML document where the key ``keys`` (``("sections", "data", "add")``)
    is set, or where the table ``keys`` is opened; for messages. None when it cannot be
    found (an inline table, say). Strings spanning lines are not tracked: good enough for
    the short files docgen reads, where a key names its own line."""
    wanted = tuple(keys)
    table: tuple[str, ...] = ()
    for number, line in enumerate(text.split("\n"), start=1):
        header = _HEADER.match(line)
        if header is not None:
            table = _dotted(header.group("name"))
            if table == wanted:
                return number
            continue
        key = _KEY.match(line)
        if key is not None and table + _dotted(key.group("key")) == wanted:
            return number
    return None
