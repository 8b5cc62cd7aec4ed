"""The pipeline: read -> build -> render. ``from_source`` is its pure core, from the records
the readers return to the README text; ``generate`` reads a plugin folder first.
``help_from_source`` and ``help_of`` build the help model beside the README's, and
``help_text`` lays it out as ``dokku <prefix>:help [NAME]`` prints it.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from docgen.build.compat import Quirks
from docgen.build.model import Help, Readme
from docgen.build.profiles import profile_for
from docgen.build.readme import build
from docgen.errors import Diagnostic, DocgenError
from docgen.read.plugin import read_plugin
from docgen.read.records import PluginSource
from docgen.render.markdown import render


class Result(NamedTuple):
    readme: Readme
    text: str
    warnings: tuple[Diagnostic, ...]


def from_source(source: PluginSource, *, compat: bool | str | None = None) -> Result:
    """The README of a plugin already read. It reads nothing of the plugin and writes
    nothing: the same records give the same text. ``compat`` (the command line: True, False
    or a profile's name) wins over docgen.toml's."""
    profile = profile_for(source.settings, compat)
    readme, warnings = build(source, profile)
    return Result(readme, render(readme, profile, source.settings.templates), warnings)


def generate(root: Path, *, compat: bool | str | None = None) -> Result:
    """The README of the plugin in folder ``root``."""
    return from_source(read_plugin(root), compat=compat)


class HelpResult(NamedTuple):
    source: PluginSource
    readme: Readme
    help: Help
    quirks: Quirks
    warnings: tuple[Diagnostic, ...]


def help_from_source(source: PluginSource, *, compat: bool | str | None = None) -> HelpResult:
    """The help model of a plugin already read, with the README model it is built beside."""
    from docgen.build.help import build_help  # not needed to render a README

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
