"""``docgen lint``: what the source says that the README gets wrong or hides.

The findings are about the README that the plugin's mode renders (docgen.toml's
``compat``, or ``--compat``/``--no-compat``): the checks read the source as read
(docgen.read) and the README model built from it in that mode. Each finding names a file
and a line, and its message ends with what to do, in parentheses.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from pathlib import Path
from typing import NamedTuple

from docgen.build import bash, compat
from docgen.build.model import Command, Readme
from docgen.build.profiles import CORRECTED_NAME, Profile, profile_for, section_line
from docgen.build.readme import build, line_expander
from docgen.errors import DocgenError
from docgen.read.plugin import read_plugin
from docgen.read.records import PluginSource, SubcommandSource

# Every code, with what it finds (README.md's Lint table says the same).
CODES: dict[str, str] = {
    "garbage-usage": "a usage with <-> tokens, from letterless runs of underscores",
    "leaked-variable": "a $VAR printed as written",
    "none-default": "a --config-options flag rendered (default: `None`)",
    "flag-not-taken": "a #F flag on a command whose declare line takes no flags",
    "hidden-command": "a command in no usage section",
    "no-description": 'a command without declare desc="..."',
    "no-example": "a command without #E",
    "sentence-backtick": "an example sentence with a stray backtick",
    "unknown-unimplemented": "a PLUGIN_UNIMPLEMENTED_SUBCOMMANDS name that is no subcommand",
    "empty-section": "a usage section with no command",
    "unused-fragment": "a docs/*.md that the README does not show",
    "unclosed-fence": "a code fence never closed in a fragment",
    "heading-level": "a heading above level 4 in a fragment",
    "empty-link": "a link with no target in a fragment",
    "help-drift": "the help and the README disagree about a command",
}

_BACKTICK_BUG = re.compile(r"`([^`\s]+)`[:.]`")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_EMPTY_LINK = re.compile(r"\]\(\s*(?:<\s*>)?\s*\)")
_SETTINGS_FIX = "set compat = false in docgen.toml"


class Finding(NamedTuple):
    path: str
    line: int
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.code}: {self.message}"


def unknown_code(code: str) -> str | None:
    """None for a lint code; else the hint for the unknown one (a close code, or the list)."""
    if code in CODES:
        return None
    import difflib

    close = difflib.get_close_matches(code, CODES, n=1)
    return f"did you mean {close[0]}?" if close else f"codes: {', '.join(CODES)}"


# --- where a command is written ---------------------------------------------------------------


def _first_line(script: SubcommandSource, test: Callable[[str], bool]) -> int | None:
    return next((line.number for line in script.lines if test(line.text)), None)


def _command_line(script: SubcommandSource) -> int:
    """The line a finding about a whole command points at: its ``declare desc``, else its
    first documentation line, else the top of the script."""
    described = _first_line(script, lambda text: "declare desc" in text)
    if described is not None:
        return described
    return script.lines[0].number if script.lines else 1


def _shown_with_usage(readme: Readme) -> set[str]:
    """The commands that some usage section shows (with flags, examples, fragment)."""
    return {c.name for s in readme.sections for c in s.commands}


def _add_hint(readme: Readme, name: str) -> str:
    key = readme.sections[0].key if readme.sections else "basic"
    return f'add it to a usage section in docgen.toml: [sections.{key}] add = ["{name}"]'


# --- the checks -------------------------------------------------------------------------------


def _printed_lines(script: SubcommandSource, shown: bool) -> Iterator[tuple[int, str]]:
    """The lines of a script whose text the README prints: the description, and for a
    command that a usage section shows, its flags and examples."""
    for line in script.lines:
        if "declare desc" in line.text or (shown and line.text.startswith(("#F ", "#E "))):
            yield line.number, line.text


def _leaks(source: PluginSource, readme: Readme, profile: Profile) -> Iterator[Finding]:
    defined = {a.name for a in source.config.assignments}
    expand = line_expander(source, profile.quirks)
    if profile.name != CORRECTED_NAME:
        fix = f"write its value, or {_SETTINGS_FIX} to expand it"
    else:
        fix = "config gives it no value docgen can read: define it in config, or write the value"
    shown = _shown_with_usage(readme)
    scripts = {s.name: s for s in source.subcommands}
    for command in readme.commands:
        script = scripts[command.name]
        for number, raw in _printed_lines(script, command.name in shown):
            text = expand(raw)
            if "$" not in text or ("$1" in text and not text.startswith("#")):
                continue
            for parameter in bash.find_parameters(text) or ():
                if parameter.name.startswith("PLUGIN_") or parameter.name in defined:
                    spelled = text[parameter.start : parameter.end]
                    message = f"{spelled} is printed as written in the README ({fix})"
                    yield Finding(script.path, number, "leaked-variable", message)


def _flags(source: PluginSource, readme: Readme) -> Iterator[Finding]:
    shown = _shown_with_usage(readme)
    scripts = {s.name: s for s in source.subcommands}
    for command in readme.commands:
        script = scripts[command.name]
        renders_none = command.name in shown and any(
            _none_default(readme, flag.spec, flag.default) for flag in command.flags
        )
        takes_flags = any(token in command.usage for token in ("...", "[-", "[--"))
        for line in script.lines:
            if not line.text.startswith("#F "):
                continue
            if renders_none and "--config-options" in line.text:
                yield Finding(
                    script.path,
                    line.number,
                    "none-default",
                    f"the README says (default: `None`): {readme.variable}_CONFIG_OPTIONS has "
                    f"no non-empty default in config (give it one there, or {_SETTINGS_FIX})",
                )
            if not takes_flags:
                yield Finding(
                    script.path,
                    line.number,
                    "flag-not-taken",
                    "#F documents a flag, but the declare line takes no flags (assign the "
                    'flags there, e.g. FLAGS_LIST=("${@:2}"), or remove the #F line)',
                )


def _none_default(readme: Readme, spec: str, default: str | None) -> bool:
    """Whether the mode renders ``(default: `None`)`` for this flag."""
    return "--config-options" in spec and readme.config_options is None and default is not None


def _sentence_line(script: SubcommandSource, word: str) -> int:
    """The ``#E`` line that holds the word a sentence renders with a stray backtick."""
    pattern = re.compile(rf"(?<![\w`]){re.escape(word)}(?![\w])")
    found = _first_line(script, lambda text: text.startswith("#E ") and bool(pattern.search(text)))
    if found is not None:
        return found
    examples = _first_line(script, lambda text: text.startswith("#E "))
    return examples if examples is not None else _command_line(script)


def _command(command: Command, script: SubcommandSource, readme: Readme) -> Iterator[Finding]:
    """What one command's README entry lacks or gets wrong."""
    line = command.description_line or _command_line(script)
    garbage = compat.garbage_tokens(command.usage)
    if garbage:
        yield Finding(
            script.path,
            command.usage_line or line,
            "garbage-usage",
            f"the usage reads {' '.join(garbage)}: bin/generate prints each run of underscores "
            "without a letter on this line that way (name the argument in capitals, "
            f"SERVICE_NAME, or {_SETTINGS_FIX})",
        )
    if command.name not in _shown_with_usage(readme):
        yield Finding(
            script.path,
            line,
            "hidden-command",
            "in no usage section: the README shows its description only "
            f"({_add_hint(readme, command.name)}, or {_SETTINGS_FIX} for an Other Commands section)",
        )
    if _first_line(script, lambda text: "declare desc" in text) is None:
        yield Finding(
            script.path,
            line,
            "no-description",
            'no declare desc="..." (add one to the command\'s function; the README shows the '
            "command's name instead)",
        )
    if not command.examples:
        yield Finding(
            script.path,
            line,
            "no-example",
            "no #E example (add #E lines before the declare desc line: a sentence, then the "
            "dokku command)",
        )
    for example in command.examples:
        bug = _BACKTICK_BUG.search(example.text) if example.kind == "text" else None
        if bug:
            yield Finding(
                script.path,
                _sentence_line(script, bug.group(1)),
                "sentence-backtick",
                f"an uppercase word before ':' or '.' renders with a stray backtick: "
                f"{example.text!r} (reword so that {bug.group(1)} does not end the sentence, "
                f"or {_SETTINGS_FIX})",
            )


def _commands(source: PluginSource, readme: Readme) -> Iterator[Finding]:
    scripts = {s.name: s for s in source.subcommands}
    for command in readme.commands:
        yield from _command(command, scripts[command.name], readme)
    unimplemented = source.config.last("PLUGIN_UNIMPLEMENTED_SUBCOMMANDS")
    # A listed command without a file must be named unimplemented (bin/generate stops at
    # it otherwise): only names of neither kind are likely typos.
    for name in sorted(set(readme.unimplemented) - set(scripts) - set(readme.listed)):
        import difflib

        close = difflib.get_close_matches(name, scripts, n=1)
        fix = f"did you mean {close[0]}? otherwise remove it" if close else "remove it"
        yield Finding(
            source.config.path,
            unimplemented.line if unimplemented else 1,
            "unknown-unimplemented",
            f"PLUGIN_UNIMPLEMENTED_SUBCOMMANDS names {name}, which is no subcommand ({fix})",
        )


def _sections(source: PluginSource, readme: Readme) -> Iterator[Finding]:
    for section in readme.sections:
        if section.commands or section.prose:
            continue
        edit = next((e for e in source.settings.section_edits if e.key == section.key), None)
        if edit is not None:
            path, line, default = source.settings.path, edit.line or 1, False
        else:
            path, line = section_line(section.key)
            default = True
        plugin = f"the plugin {source.root}" if default else "this plugin"
        yield Finding(
            path,
            line,
            "empty-section",
            f"usage section {section.title!r} shows no command of {plugin}, and "
            "bin/generate glues its neighbours (remove it in docgen.toml: "
            f"[sections.{section.key}] remove = true, or {_SETTINGS_FIX})",
        )


def _walk(tokens: list[dict[str, object]]) -> Iterator[dict[str, object]]:
    for token in tokens:
        yield token
        children = token.get("children")
        if isinstance(children, list):
            yield from _walk(children)


def _text(token: dict[str, object]) -> str:
    raw = token.get("raw")
    if isinstance(raw, str):
        return raw
    children = token.get("children")
    return (
        "".join(_text(c) for c in children if isinstance(c, dict))
        if isinstance(children, list)
        else ""
    )


class _Lines:
    """The lines of a fragment, searched in order: each find starts after the last one."""

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self.cursor = 0

    def find(self, test: Callable[[list[str], int], bool]) -> int:
        """The number of the next line that passes ``test(lines, index)``; where none does,
        the line of the last find (or 1)."""
        for index in range(self.cursor, len(self.lines)):
            if test(self.lines, index):
                self.cursor = index + 1
                return index + 1
        return self.cursor or 1


def _heading_line(words: str) -> Callable[[list[str], int], bool]:
    """A test for the line of a heading with these words: ``## words`` (also in a quote or
    a list), or ``words`` over a setext underline."""

    def test(lines: list[str], index: int) -> bool:
        line = lines[index]
        if words not in line:
            return False
        if line.lstrip(" >-*+0123456789.").startswith("#"):
            return True
        following = lines[index + 1].strip() if index + 1 < len(lines) else ""
        return bool(following) and set(following) in ({"="}, {"-"})

    return test


def _empty_link_line(lines: list[str], index: int) -> bool:
    return bool(_EMPTY_LINK.search(lines[index]))


def _markdown(path: str, text: str) -> Iterator[Finding]:
    import mistune

    fences = [n for n, line in enumerate(text.split("\n"), 1) if _FENCE.match(line)]
    if len(fences) % 2:
        yield Finding(
            path,
            fences[-1],
            "unclosed-fence",
            "this code fence is never closed; it swallows the rest of the README (close it "
            "with a line of the same fence)",
        )
    tokens, _ = mistune.create_markdown(renderer=None).parse(text)
    headings, links = _Lines(text), _Lines(text)
    for token in _walk(tokens if isinstance(tokens, list) else []):
        attrs = token.get("attrs")
        attrs = attrs if isinstance(attrs, dict) else {}
        level = attrs.get("level", 4)
        if token.get("type") == "heading" and isinstance(level, int):
            line = headings.find(_heading_line(_text(token).strip()))
            if level <= 3:
                yield Finding(
                    path,
                    line,
                    "heading-level",
                    f"a level-{level} heading breaks the outline: fragments sit under a ### "
                    "command heading (use ####)",
                )
        if token.get("type") == "link" and not attrs.get("url"):
            line = links.find(_empty_link_line)
            yield Finding(path, line, "empty-link", "a link with an empty target (give it one)")


def _fragments(source: PluginSource, readme: Readme) -> Iterator[Finding]:
    shown = {c.name for c in readme.commands if c.fragment is not None}
    rendered = {c.name for c in readme.commands}
    top = {section.path for section in source.settings.top_sections}
    for fragment in source.fragments:
        if fragment.name not in shown and fragment.path not in top:
            if fragment.name in rendered:
                fix = f"{fragment.name} is in no usage section: {_add_hint(readme, fragment.name)}"
            else:
                fix = "no command of the README has this name: rename it docs/<command>.md, or remove it"
            message = f"the README does not show this fragment ({fix})"
            yield Finding(fragment.path, 1, "unused-fragment", message)
        if fragment.text is not None:
            yield from _markdown(fragment.path, fragment.text)


def _help_drift(source: PluginSource, readme: Readme, profile: Profile) -> Iterator[Finding]:
    """Where the help and the README of the mode disagree (docgen/lint/drift.py)."""
    from docgen.build.help import build_help
    from docgen.lint.drift import help_drift

    help, _ = build_help(source, readme, profile.quirks)
    scripts = {s.name: s for s in source.subcommands}
    for drift in help_drift(readme, help):
        line = drift.line
        if line is None:
            script = next((s for s in scripts.values() if s.path == drift.path), None)
            line = 1 if script is None else _command_line(script)
        message = f"{drift.message} ({_SETTINGS_FIX}: corrected mode renders both from one model)"
        yield Finding(drift.path, line, "help-drift", message)


def _ignored(source: PluginSource, ignore: Collection[str]) -> set[str]:
    """The codes not to report: the command line's and docgen.toml's [lint] ignore. An
    unknown code in docgen.toml is an error, as an unknown key is."""
    for code in source.settings.lint_ignore:
        hint = unknown_code(code)
        if hint is not None:
            settings = source.settings
            raise DocgenError(
                f"[lint] ignore: unknown code {code}",
                path=settings.path,
                line=settings.line("lint.ignore"),
                hint=hint,
            )
    return {*ignore, *source.settings.lint_ignore}


def lint(
    root: Path, *, compat: bool | str | None = None, ignore: Collection[str] = ()
) -> list[Finding]:
    """The findings about the README of the plugin in ``root``, in its mode (``compat``:
    True, False or a profile's name, wins over docgen.toml's), without the ignored codes."""
    source = read_plugin(root)
    ignored = _ignored(source, ignore)
    profile = profile_for(source.settings, compat)
    readme, _ = build(source, profile)
    findings = [*_leaks(source, readme, profile)]
    for check in (_flags, _commands, _sections, _fragments):
        findings.extend(check(source, readme))
    findings.extend(_help_drift(source, readme, profile))
    return [finding for finding in findings if finding.code not in ignored]
