"""Where the default templates are: inside the installed package, or in the source tree."""

from __future__ import annotations

from pathlib import Path


def default_templates() -> Path:
    installed = Path(__file__).parent / "templates"
    if installed.is_dir():
        return installed
    return Path(__file__).parent.parent / "templates"
