"""Where lint's findings about settings point: the line of docgen.toml that sets a key, or
the entry of docgen's own templates/sections.toml that defines a default usage section.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from docgen.read.files import display, read_text
from docgen.read.settings import SETTINGS_FILE
from docgen.read.toml import key_line
from docgen.templates_dir import default_templates

# The keys of a [sections.<key>] table that can define it in docgen.toml.
_SECTION_KEYS = ("title", "intro", "commands", "add", "prepend", "drop_paragraphs", "after")


def setting_line(root: Path, keys: Sequence[str]) -> tuple[str, int | None]:
    """The plugin's docgen.toml, and the line that sets ``keys`` in it."""
    path = root / SETTINGS_FILE
    return display(path), key_line(read_text(root, path, what=SETTINGS_FILE), keys)


def section_definition(root: Path, key: str) -> tuple[str, int, bool]:
    """Where the usage section ``key`` is defined: the first line of docgen.toml that
    opens its table or sets one of its keys (``[sections.data]``, ``data = {...}`` under
    ``[sections]``, ``sections.data.title = ...``), else its entry in docgen's
    templates/sections.toml; the third value says it is the latter."""
    if (root / SETTINGS_FILE).is_file():
        path = root / SETTINGS_FILE
        text = read_text(root, path, what=SETTINGS_FILE)
        candidates = [("sections", key), *(("sections", key, name) for name in _SECTION_KEYS)]
        lines = [line for keys in candidates if (line := key_line(text, keys)) is not None]
        if lines:
            return display(path), min(lines), False
    defaults = default_templates() / "sections.toml"
    entry = re.compile(rf"^\s*key\s*=\s*[\"']{re.escape(key)}[\"']")
    text = defaults.read_text(encoding="utf-8")
    number = next((n for n, line in enumerate(text.split("\n"), 1) if entry.match(line)), 1)
    return str(defaults), number, True
