"""The help model: what ``dokku <prefix>:help [NAME]`` prints, built beside the README's.

Compat mode reads the scripts as the plugin's help-functions does (docgen.build.helpfunctions),
so that the help is byte for byte the plugin's own. Corrected mode makes the help from the
README's model, command by command: help and README then agree by construction (the
``help-drift`` lint finding, docgen.lint.drift, has nothing to report). compat.help_functions
chooses. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Callable

from docgen.build import compat, helpfunctions
from docgen.build.compat import Quirks
from docgen.build.config import Resolver
from docgen.build.examples import example_kind
from docgen.build.expansion import Lookup, Value
from docgen.build.model import Command, Help, HelpCommand, HelpExample, HelpRow, Image, Readme
from docgen.errors import Diagnostic
from docgen.read.records import PluginSource

Builder = Callable[[PluginSource, Readme, Quirks], tuple[Help, tuple[Diagnostic, ...]]]


def build_help(
    source: PluginSource, readme: Readme, quirks: Quirks
) -> tuple[Help, tuple[Diagnostic, ...]]:
    """The help of the plugin whose README model is ``readme``, and the warnings it gave."""
    builder: Builder = compat.help_functions(quirks, _as_help_functions, _from_readme)
    return builder(source, readme, quirks)


def config_lookup(resolver: Resolver, image: Image) -> Lookup:
    """The values the help's text sees: the config's, as bash reads them, and the image."""

    def lookup(name: str) -> Value:
        if name == "PLUGIN_IMAGE":
            return image.name
        if name == "PLUGIN_IMAGE_VERSION":
            return image.version
        items = resolver.items(name)
        return items if items is not None else resolver.value(name)

    return lookup


# --- compat: help-functions' reading ----------------------------------------------------


def _as_help_functions(
    source: PluginSource, readme: Readme, _quirks: Quirks
) -> tuple[Help, tuple[Diagnostic, ...]]:
    resolver = Resolver(source.config, source.dockerfile.image)
    lookup = config_lookup(resolver, readme.image)
    unimplemented = resolver.items("PLUGIN_UNIMPLEMENTED_SUBCOMMANDS") or ()
    commands: list[HelpCommand] = []
    warnings: list[Diagnostic] = []
    for script in helpfunctions.implemented(source.subcommands, unimplemented):
        found, found_warnings = helpfunctions.command(script, lookup)
        commands.append(found)
        warnings.extend(found_warnings)
    prefix = resolver.value("PLUGIN_COMMAND_PREFIX") or readme.prefix
    service = resolver.value("PLUGIN_SERVICE") or ""
    return Help(prefix, service, tuple(commands)), tuple(warnings)


# --- corrected: the README's model --------------------------------------------------------


def _from_readme(
    source: PluginSource, readme: Readme, quirks: Quirks
) -> tuple[Help, tuple[Diagnostic, ...]]:
    service = Resolver(source.config, source.dockerfile.image).value("PLUGIN_SERVICE")
    commands = tuple(_command(command, quirks) for command in readme.commands)
    return Help(readme.prefix, service or readme.prefix, commands), ()


def flag_help(help_text: str | None, default: str | None) -> str:
    """A flag's help as the corrected help shows it: with the README's default."""
    shown = help_text or ""
    if default is not None:
        shown = f'{shown} (default: "{default}")'.strip()
    return shown


def _example(line: int, text: str, quirks: Quirks) -> HelpExample:
    kind = example_kind(text)
    shown = compat.code_example_line(quirks, text) if kind == "code" else text.strip()
    return HelpExample(kind, shown, line)


def _command(command: Command, quirks: Quirks) -> HelpCommand:
    return HelpCommand(
        name=command.name,
        path=command.path,
        usage=command.synopsis,
        description=command.description,
        summary=command.description,
        arguments=tuple(HelpRow(a.name, a.help, a.line) for a in command.arguments),
        flags=tuple(HelpRow(f.spec, flag_help(f.help, f.default), f.line) for f in command.flags),
        examples=tuple(_example(e.line, e.text, quirks) for e in command.example_lines),
        usage_line=command.usage_line,
        description_line=command.description_line,
    )
