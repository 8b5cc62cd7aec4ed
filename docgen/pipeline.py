"""The pipeline: read -> build -> render. ``from_source`` is its pure core, from the records
the readers return to the README text; ``generate`` reads a plugin folder first, and
``readme_text`` gives its text through the render memo. ``help_from_source`` and ``help_of`` build the help model beside the README's, and
``help_text`` lays it out as ``dokku <prefix>:help [NAME]`` prints it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from docgen.errors import Diagnostic, DocgenError
from docgen.read.plugin import read_plugin
from docgen.read.records import PluginSource
from docgen.render import memo

if TYPE_CHECKING:
    from docgen.build.compat import Quirks
    from docgen.build.model import Help, Readme


class Result(NamedTuple):
    readme: Readme
    text: str
    warnings: tuple[Diagnostic, ...]


def from_source(source: PluginSource, *, compat: bool | str | None = None) -> Result:
    """The README of a plugin already read. It reads nothing of the plugin and writes
    nothing: the same records give the same text. ``compat`` (the command line: True, False
    or a profile's name) wins over docgen.toml's."""
    # Imported here: a run served by the render memo never builds nor renders (a few ms).
    from docgen.build.profiles import profile_for
    from docgen.build.readme import build
    from docgen.render.markdown import render

    profile = profile_for(source.settings, compat)
    readme, warnings = build(source, profile)
    return Result(readme, render(readme, profile, source.settings.templates), warnings)


def generate(root: Path, *, compat: bool | str | None = None) -> Result:
    """The README of the plugin in folder ``root``."""
    return from_source(read_plugin(root), compat=compat)


def readme_text(
    root: Path, *, compat: bool | str | None = None
) -> tuple[str, tuple[Diagnostic, ...]]:
    """generate()'s text and warnings, without the model. The render memo keeps the text
    of a plugin whose build gave no warnings (the readers' own are in the records), so
    that an unchanged plugin is neither built nor rendered again."""
    source = read_plugin(root)
    folder = memo.folder()
    key = memo.key(source, compat) if folder is not None else None
    text = memo.read(folder, key) if folder is not None and key is not None else None
    if text is not None:
        return text, source.warnings
    result = from_source(source, compat=compat)
    if folder is not None and key is not None and result.warnings == source.warnings:
        memo.write(folder, key, result.text)
    return result.text, result.warnings


class HelpResult(NamedTuple):
    source: PluginSource
    readme: Readme
    help: Help
    quirks: Quirks
    warnings: tuple[Diagnostic, ...]


def help_from_source(source: PluginSource, *, compat: bool | str | None = None) -> HelpResult:
    """The help model of a plugin already read, with the README model it is built beside."""
    from docgen.build.help import build_help  # not needed to render a README
    from docgen.build.profiles import profile_for
    from docgen.build.readme import build

    profile = profile_for(source.settings, compat)
    readme, warnings = build(source, profile)
    help, help_warnings = build_help(source, readme, profile.quirks)
    return HelpResult(source, readme, help, profile.quirks, (*warnings, *help_warnings))


def help_of(root: Path, *, compat: bool | str | None = None) -> HelpResult:
    """The help model of the plugin in folder ``root``."""
    return help_from_source(read_plugin(root), compat=compat)


def help_text(result: HelpResult, command: str | None = None, *, colour: bool = False) -> str:
    """What ``dokku <prefix>:help`` prints, or ``dokku <prefix>:help <command>``."""
    from docgen.render.help import render_command, render_overview

    if command is None:
        return render_overview(result.help, result.quirks, colour=colour)
    for found in result.help.commands:
        if found.name == command:
            return render_command(result.help, found, result.quirks, colour=colour)
    raise _no_help(result, command)


def _no_help(result: HelpResult, command: str) -> DocgenError:
    from docgen.read.settings import suggestion

    if command in result.readme.unimplemented:
        return DocgenError(
            f"{command} has no help: PLUGIN_UNIMPLEMENTED_SUBCOMMANDS lists it",
            path=result.source.config.path,
            hint="dokku prints nothing for it",
        )
    names = [found.name for found in result.help.commands]
    return DocgenError(
        f"no command {command}",
        path=f"{result.source.root}/subcommands",
        hint=suggestion(command, names) or "docgen --format help PATH lists them",
    )
