"""Other renderings of the same model: JSON for tools, HTML for a preview.

The JSON schema is versioned (``schema``); README.md documents it. A field is only ever
added within a version; renaming or removing one bumps the version.
"""

from __future__ import annotations

import json
from typing import Any

from docgen.build.model import Command, Flag, Help, HelpCommand, Readme, UsageToken

SCHEMA = "docgen.plugin/1"


def _word(token: UsageToken) -> dict[str, Any]:
    return {"text": token.text, "kind": token.kind, "name": token.name, "optional": token.optional}


def _flag(flag: Flag) -> dict[str, Any]:
    options, _, value = flag.spec.partition(" ")
    if not options.startswith("-"):
        options, value = "", flag.spec
    return {
        "spec": flag.spec,
        "help": flag.help,
        "default": flag.default,
        "options": options.split("|") if options else [],
        "value": value.strip() or None,
        "line": flag.line,
    }


def _optional(name: str, words: list[UsageToken]) -> bool | None:
    """Whether the usage lets an #A argument be left out; None when no word names it."""
    for word in words:
        if word.name == name.lower().replace("_", "-"):
            return word.optional
    return None


def _command(command: Command, page: HelpCommand | None) -> dict[str, Any]:
    words = list(page.usage if page is not None else command.synopsis)
    found: dict[str, Any] = {
        "name": command.name,
        "source": command.path,
        "description": command.description,
        "usage": command.usage,
        "arguments": [
            {"name": a.name, "help": a.help, "optional": _optional(a.name, words), "line": a.line}
            for a in command.arguments
        ],
        "flags": [_flag(f) for f in command.flags],
        "examples": [{"kind": e.kind, "text": e.text} for e in command.examples],
        "fragment": command.fragment,
        "synopsis": [_word(word) for word in words],
    }
    if page is not None:
        found["help"] = {
            "usage": " ".join(word.text for word in page.usage),
            "description": page.description,
        }
    return found


def to_data(readme: Readme, help: Help | None = None) -> dict[str, Any]:
    """The model as plain data. ``help``, the help model beside it, adds each command's
    synopsis and help, and the service's display name."""
    pages = {page.name: page for page in help.commands} if help is not None else {}
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
            "service": help.service if help is not None else None,
        },
        "image": {
            "name": readme.image.name,
            "version": readme.image.version,
            "url": readme.image.url,
        },
        "ports": list(readme.ports),
        "sponsors": list(readme.sponsors),
        "unimplemented": sorted(readme.unimplemented),
        "commands": [_command(c, pages.get(c.name)) for c in readme.commands],
        "sections": [
            {"key": s.key, "title": s.title, "commands": [c.name for c in s.commands]}
            for s in readme.sections
        ],
    }


def to_json(readme: Readme, help: Help | None = None) -> str:
    return json.dumps(to_data(readme, help), indent=2, ensure_ascii=False) + "\n"


# A small stylesheet after GitHub's rendering of a README: a readable column, sans-serif
# text, code blocks on a grey ground that scroll on their own, ruled tables.
STYLESHEET = """\
body { margin: 0; color: #1f2328; background: #fff;
  font: 16px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
main { box-sizing: border-box; max-width: 980px; margin: 0 auto; padding: 32px 45px;
  overflow-wrap: break-word; }
h1, h2, h3, h4, h5, h6 { margin: 24px 0 16px; font-weight: 600; line-height: 1.25; }
h1, h2 { padding-bottom: .3em; border-bottom: 1px solid #d1d9e0; }
h1 { font-size: 2em; } h2 { font-size: 1.5em; } h3 { font-size: 1.25em; }
p, ul, ol, pre, table, blockquote, details { margin: 0 0 16px; }
a { color: #0969da; text-decoration: none; } a:hover { text-decoration: underline; }
code, pre, kbd, samp { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas,
  "Liberation Mono", monospace; font-size: 85%; }
code { padding: .2em .4em; background: #eff1f3; border-radius: 6px; }
pre { padding: 16px; overflow: auto; line-height: 1.45; background: #f6f8fa; border-radius: 6px; }
pre code { padding: 0; font-size: 100%; white-space: pre; background: transparent; }
blockquote { padding: 0 1em; color: #59636e; border-left: .25em solid #d1d9e0; }
table { display: block; width: max-content; max-width: 100%; overflow: auto;
  border-collapse: collapse; }
th, td { padding: 6px 13px; border: 1px solid #d1d9e0; }
th { font-weight: 600; } tr:nth-child(2n) { background: #f6f8fa; }
img { max-width: 100%; }
"""


def to_html(markdown: str, prefix: str) -> str:
    """A standalone HTML preview of the rendered README, titled ``dokku <prefix>`` as the
    README is. Raw HTML from the plugin's files is sanitised as GitHub does (docgen/render/
    sanitize.py): the preview runs no script of the plugin."""
    import html

    import mistune

    from docgen.render.sanitize import sanitise

    rendered = mistune.html(markdown)
    body = sanitise(rendered if isinstance(rendered, str) else "")
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>dokku {html.escape(prefix)}</title>\n<style>\n{STYLESHEET}</style></head>\n"
        f"<body><main>\n{body}</main></body></html>\n"
    )
