"""TOML text to a table, through the standard library's tomllib; a syntax error becomes a
DocgenError naming the file and line."""

from __future__ import annotations

import re
import tomllib
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
