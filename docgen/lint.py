"""``docgen lint``: what the source says that the README gets wrong or hides.

Each finding names a file and, where there is one, a line. The checks look at the source
as read (docgen.source) and at the compat README model built from it.
"""

import re
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from docgen.build import bash, compat
from docgen.build.model import Command, Readme
from docgen.build.profiles import newest
from docgen.build.readme import build
from docgen.read.plugin import read_plugin
from docgen.read.records import PluginSource, SubcommandSource

_BACKTICK_BUG = re.compile(r"`[^`\s]+`[:.]`")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


class Finding(NamedTuple):
    path: str
    line: int | None
    code: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.code}: {self.message}"


def _leaks(source: PluginSource, readme: Readme) -> Iterator[Finding]:
    defined = {a.name for a in source.config.assignments}
    image = readme.image.name
    for script in source.subcommands:
        for line in script.lines:
            # Only descriptions, flags and examples are printed as written.
            if not line.text.startswith(("#F ", "#E ")) and "declare desc" not in line.text:
                continue
            text = compat.literal_substitute(
                line.text,
                readme.prefix,
                readme.variable,
                readme.alias,
                image,
                readme.scheme,
                list(readme.ports),
            )
            if "$" not in text or ("$1" in text and not text.startswith("#")):
                continue
            for parameter in bash.find_parameters(text) or ():
                if parameter.name.startswith("PLUGIN_") or parameter.name in defined:
                    spelled = text[parameter.start : parameter.end]
                    yield Finding(
                        script.path,
                        line.number,
                        "leaked-variable",
                        f"{spelled} is printed as written in the README (compat mode)",
                    )


def _flags(source: PluginSource, readme: Readme) -> Iterator[Finding]:
    usage = {c.name: c.usage for c in readme.commands}
    for script in source.subcommands:
        if script.name not in usage:
            continue
        for line in script.lines:
            if not line.text.startswith("#F "):
                continue
            if "--config-options" in line.text and readme.config_options is None:
                yield Finding(
                    script.path,
                    line.number,
                    "none-default",
                    f"the README says (default: `None`): {readme.variable}_CONFIG_OPTIONS has no "
                    "non-empty default in config",
                )
            if not any(token in usage[script.name] for token in ("...", "[-", "[--")):
                yield Finding(
                    script.path,
                    line.number,
                    "flag-not-taken",
                    "#F documents a flag, but the declare line takes no flags",
                )


def _in_sections(readme: Readme) -> set[str]:
    """The names of the commands that some usage section shows."""
    return {c.name for s in readme.sections for c in s.commands}


def _command(command: Command, script: SubcommandSource, listed: bool) -> Iterator[Finding]:
    """What one command's README entry lacks or gets wrong."""
    garbage = compat.garbage_tokens(command.usage)
    if garbage:
        yield Finding(
            command.path,
            command.usage_line,
            "garbage-usage",
            f"the usage reads {' '.join(garbage)}: bin/generate prints each run of underscores "
            "without a letter on this line that way (compat mode); name the argument in capitals "
            "(SERVICE_NAME) or render with --no-compat",
        )
    if not listed:
        yield Finding(
            command.path,
            None,
            "hidden-command",
            "in no usage section: the README shows no usage for it",
        )
    if not any("declare desc" in line.text for line in script.lines):
        yield Finding(command.path, None, "no-description", 'no declare desc="..."')
    if not command.examples:
        yield Finding(command.path, None, "no-example", "no #E example")
    for example in command.examples:
        if example.kind == "text" and _BACKTICK_BUG.search(example.text):
            yield Finding(
                command.path,
                None,
                "sentence-backtick",
                f"an uppercase word before ':' or '.' renders with a stray backtick: {example.text!r}",
            )


def _commands(source: PluginSource, readme: Readme) -> Iterator[Finding]:
    listed = _in_sections(readme)
    scripts = {s.name: s for s in source.subcommands}
    for command in readme.commands:
        yield from _command(command, scripts[command.name], command.name in listed)
    unimplemented = source.config.last("PLUGIN_UNIMPLEMENTED_SUBCOMMANDS")
    # A listed command without a file must be named unimplemented (bin/generate stops at
    # it otherwise): only names of neither kind are likely typos.
    for name in sorted(set(readme.unimplemented) - set(scripts) - set(readme.listed)):
        yield Finding(
            source.config.path,
            unimplemented.line if unimplemented else None,
            "unknown-unimplemented",
            f"PLUGIN_UNIMPLEMENTED_SUBCOMMANDS names {name}, which is no subcommand",
        )


def _sections(source: PluginSource, readme: Readme) -> Iterator[Finding]:
    for section in readme.sections:
        if not section.commands:
            yield Finding(
                source.config.path,
                None,
                "empty-section",
                f"usage section {section.title!r} has no command; bin/generate glues its neighbours",
            )


def _markdown(path: str, text: str) -> Iterator[Finding]:
    import mistune

    fences = [n for n, line in enumerate(text.split("\n"), 1) if _FENCE.match(line)]
    if len(fences) % 2:
        yield Finding(
            path,
            fences[-1],
            "unclosed-fence",
            "this code fence is never closed; it swallows the rest of the README",
        )
    markdown = mistune.create_markdown(renderer=None)
    tokens, _ = markdown.parse(text)
    for token in _walk(tokens if isinstance(tokens, list) else []):
        attrs = token.get("attrs")
        attrs = attrs if isinstance(attrs, dict) else {}
        level = attrs.get("level", 4)
        if token.get("type") == "heading" and isinstance(level, int) and level <= 3:
            yield Finding(
                path,
                None,
                "heading-level",
                f"a level-{level} heading breaks the outline: fragments sit under a ### command heading; use ####",
            )
        if token.get("type") == "link" and not attrs.get("url"):
            yield Finding(path, None, "empty-link", "a link with an empty target")


def _walk(tokens: list[dict[str, object]]) -> Iterator[dict[str, object]]:
    for token in tokens:
        yield token
        children = token.get("children")
        if isinstance(children, list):
            yield from _walk(children)


def _fragments(source: PluginSource, readme: Readme) -> Iterator[Finding]:
    used = _in_sections(readme)
    shown = {top.path for top in source.settings.top_sections}
    for fragment in source.fragments:
        if fragment.name not in used and fragment.path not in shown:
            yield Finding(
                fragment.path,
                None,
                "unused-fragment",
                "no command in a usage section uses this fragment",
            )
        if fragment.text is not None:
            yield from _markdown(fragment.path, fragment.text)


def lint(root: Path) -> list[Finding]:
    source = read_plugin(root)
    readme, _ = build(source, newest())
    findings: list[Finding] = []
    for check in (_leaks, _flags, _commands, _sections, _fragments):
        findings.extend(check(source, readme))
    return findings
