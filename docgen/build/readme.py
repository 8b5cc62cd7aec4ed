"""Build the README model from what the readers read. Pure: no I/O."""

from __future__ import annotations

from collections.abc import Callable

from docgen.build import compat
from docgen.build.commands import command
from docgen.build.compat import Quirks
from docgen.build.config import ConfigValues, Resolver, read_values
from docgen.build.model import Command, Image, Readme, UsageSection
from docgen.errors import Diagnostic, DocgenError
from docgen.read.records import ImageSource, PluginSource
from docgen.read.settings import Section


def _image(source: ImageSource) -> tuple[Image, list[Diagnostic]]:
    name = f"{source.registry}/{source.repository}" if source.registry else source.repository
    version = source.tag or source.digest
    warnings = []
    if not version:
        version = "latest"
        warnings.append(
            Diagnostic(source.path, source.line, "FROM names no tag; the README says latest")
        )
    if source.registry:
        url = f"https://{source.registry}/{source.repository}"
    elif "/" in source.repository:
        owner, _, image = source.repository.partition("/")
        url = f"https://hub.docker.com/r/{owner}/{image.split('/')[0]}/"
    else:
        url = f"https://hub.docker.com/_/{source.repository}/"
    return Image(name, version, url), warnings


def _expander(
    values: ConfigValues, image: Image, quirks: Quirks, resolver: Resolver
) -> Callable[[str], str]:
    def literal(line: str) -> str:
        return compat.literal_substitute(
            line, values.prefix, values.variable, values.alias, image.name, values.scheme, values.ports
        )

    return compat.variable_expander(quirks, literal, resolver.expand)


def _commands(
    source: PluginSource, values: ConfigValues, expand: Callable[[str], str], quirks: Quirks
) -> tuple[tuple[Command, ...], list[Diagnostic]]:
    """The implemented commands, in file name order, each with its docs/ fragment where
    the mode documents it; warnings for fragments that no command uses."""
    implemented = [s for s in source.subcommands if s.name not in values.unimplemented]
    if not implemented:
        raise DocgenError(
            "every subcommand is listed in PLUGIN_UNIMPLEMENTED_SUBCOMMANDS",
            path=source.config.path,
            hint="a README needs at least one implemented command",
        )
    listed = {name for section in source.settings.sections for name in section.commands}
    documented = compat.documented(quirks, listed, {s.name for s in implemented})
    fragments = {fragment.name: fragment for fragment in source.fragments}
    commands: list[Command] = []
    warnings: list[Diagnostic] = []
    for script in implemented:
        fragment = fragments.get(script.name) if script.name in documented else None
        found, found_warnings = command(script, quirks, expand, values.config_options, fragment)
        commands.append(found)
        warnings.extend(found_warnings)
    used = {c.name for c in commands}
    shown = {top.path for top in source.settings.top_sections}  # docs/how.md as a top section
    warnings.extend(
        Diagnostic(fragment.path, None, f"no command {fragment.name} uses this fragment")
        for fragment in source.fragments
        if fragment.name not in used and fragment.path not in shown
    )
    return tuple(commands), warnings


def _sections(
    settings_sections: tuple[Section, ...], commands: tuple[Command, ...], quirks: Quirks
) -> tuple[UsageSection, ...]:
    by_name = {command.name: command for command in commands}
    sections = [
        UsageSection(
            section.key,
            section.title,
            section.intro,
            tuple(by_name[name] for name in section.commands if name in by_name),
            prose=not section.commands,
        )
        for section in settings_sections
    ]
    listed = {name for section in settings_sections for name in section.commands}
    others = compat.other_commands(quirks, commands, lambda c: c.name in listed)
    if others:
        sections.append(UsageSection("other", "Other Commands", "", tuple(others)))
    shown = compat.shown_sections(quirks, sections, lambda s: not (s.commands or s.prose))
    return tuple(shown)


def build(source: PluginSource, quirks: Quirks) -> tuple[Readme, tuple[Diagnostic, ...]]:
    values, resolver = read_values(source.config, source.image, quirks)
    image, image_warnings = _image(source.image)
    expand = _expander(values, image, quirks, resolver)
    commands, command_warnings = _commands(source, values, expand, quirks)
    settings = source.settings
    readme = Readme(
        prefix=values.prefix,
        variable=values.variable,
        alias=values.alias,
        scheme=values.scheme,
        image=image,
        ports=values.ports,
        unimplemented=tuple(sorted(values.unimplemented)),
        config_options=values.config_options,
        sponsors=compat.sponsors(quirks, source.metadata.sponsors, source.metadata.sponsors_line),
        commands=commands,
        sections=_sections(settings.sections, commands, quirks),
        disable_pull_variable=values.disable_pull_variable,
        repository=f"{settings.owner}/{settings.repository or 'dokku-' + values.prefix}",
        settings=settings,
    )
    warnings = (*source.warnings, *values.warnings, *image_warnings, *command_warnings)
    return readme, warnings
