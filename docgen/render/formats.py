"""Other renderings of the same model: JSON for tools, HTML for a preview.

The JSON schema is versioned (``schema``); README.md documents it. A field is only ever
added within a version; renaming or removing one bumps the version.
"""

from __future__ import annotations

import json
from typing import Any

from docgen.build.model import Command, Readme

SCHEMA = "docgen.plugin/1"


def _command(command: Command) -> dict[str, Any]:
    return {
        "name": command.name,
        "source": command.path,
        "description": command.description,
        "usage": command.usage,
        "arguments": [{"name": a.name, "help": a.help} for a in command.arguments],
        "flags": [{"spec": f.spec, "help": f.help, "default": f.default} for f in command.flags],
        "examples": [{"kind": e.kind, "text": e.text} for e in command.examples],
        "fragment": command.fragment,
    }


def to_data(readme: Readme) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "plugin": {
            "prefix": readme.prefix,
            "variable": readme.variable,
            "alias": readme.alias,
            "scheme": readme.scheme,
            "repository": readme.repository,
            "official": readme.settings.official,
            "compat": readme.profile != "corrected",
            "profile": readme.profile,
        },
        "image": {
            "name": readme.image.name,
            "version": readme.image.version,
            "url": readme.image.url,
        },
        "ports": list(readme.ports),
        "sponsors": list(readme.sponsors),
        "unimplemented": sorted(readme.unimplemented),
        "commands": [_command(c) for c in readme.commands],
        "sections": [
            {"key": s.key, "title": s.title, "commands": [c.name for c in s.commands]}
            for s in readme.sections
        ],
    }


def to_json(readme: Readme) -> str:
    return json.dumps(to_data(readme), indent=2, ensure_ascii=False) + "\n"


def to_html(markdown: str) -> str:
    """A standalone HTML preview of the rendered README (mistune, imported only here)."""
    import mistune

    body = mistune.html(markdown)
    return (
        '<!doctype html>\n<html><head><meta charset="utf-8"><title>README</title></head>\n'
        f"<body>\n{body}</body></html>\n"
    )
