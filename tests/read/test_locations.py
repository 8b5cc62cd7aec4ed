"""docgen.read.locations: the line that defines a key of docgen.toml or a default section."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from docgen.read.locations import section_definition, setting_line
from docgen.templates_dir import default_templates

TEXT = """\
compat = true
# [sections.data] in a comment
[readme]
official = true

[sections.notes]
title = "Notes"

[sections]
data = { remove = true }
"backups".title = "Saved"

[lint]
ignore = ["hidden-command"]
"""


def test_setting_line(plugin: Callable[..., Path]) -> None:
    root = plugin(files={"docgen.toml": TEXT})
    assert setting_line(root, ("lint", "ignore")) == (str(root / "docgen.toml"), 14)


def test_section_definition(plugin: Callable[..., Path]) -> None:
    root = plugin(files={"docgen.toml": TEXT})
    assert section_definition(root, "notes") == (str(root / "docgen.toml"), 6, False)
    assert section_definition(root, "data") == (str(root / "docgen.toml"), 10, False)
    assert section_definition(root, "backups") == (str(root / "docgen.toml"), 11, False)
    dotted = plugin(files={"docgen.toml": 'compat = true\nsections.data.title = "D"\n'})
    assert section_definition(dotted, "data") == (str(dotted / "docgen.toml"), 2, False)
    defaults = default_templates() / "sections.toml"
    lines = defaults.read_text(encoding="utf-8").split("\n")
    line = lines.index('key = "lifecycle"') + 1
    assert section_definition(root, "lifecycle") == (str(defaults), line, True)
    assert section_definition(plugin(), "lifecycle") == (str(defaults), line, True)
