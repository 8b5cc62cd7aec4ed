"""Build the README model from what the readers read. Pure: no I/O."""

from __future__ import annotations

from collections.abc import Callable

from docgen.build import compat
from docgen.build.commands import command
from docgen.build.compat import Quirks
from docgen.build.config import ConfigValues, Resolver, read_values
from docgen.build.model import Boilerplate, Command, Image, Readme, UsageSection
from docgen.build.profiles import Profile
from docgen.errors import Diagnostic, DocgenError
from docgen.read.files import control_name
from docgen.read.records import (
    DocFragment,
    ImageSource,
    PluginSource,
    SubcommandSource,
)
from docgen.read.settings import Section, Settings, apply_section_edits


def docker_image(source: ImageSource) -> Image:
    """The image as Docker reads the Dockerfile, linked to its registry's page."""
    name = f"{source.registry}/{source.repository}" if source.registry else source.repository
    version = source.tag or source.digest or "latest"
    if source.registry:
        url = f"https://{source.registry}/{source.repository}"
    elif "/" in source.repository:
        owner, _, image = source.repository.partition("/")
        url = f"https://hub.docker.com/r/{owner}/{image.split('/')[0]}/"
    else:
        url = f"https://hub.docker.com/_/{source.repository}/"
    return Image(name, version, url)


def _image(
    source: PluginSource, prefix: str, quirks: Quirks
) -> tuple[compat.ImageReading, list[Diagnostic]]:
    dockerfile = source.dockerfile
    reading = compat.image(quirks, dockerfile, source.config, prefix, docker_image)
    found = list(reading.warnings)
    docker = dockerfile.image
    if (
        docker is not None
        and reading.image.version == "latest"
        and not (docker.tag or docker.digest)
    ):
        found.append(
            Diagnostic(dockerfile.path, docker.line, "FROM names no tag; the README says latest")
        )
    return reading, found


def _expander(
    values: ConfigValues, image: str, quirks: Quirks, resolver: Resolver
) -> Callable[[str], str]:
    literal = compat.Values(
        values.prefix, values.variable, values.alias, image, values.scheme, values.ports
    )
    return compat.variable_expander(quirks, literal, resolver.expand)


def _entries(
    source: PluginSource, unimplemented: frozenset[str], quirks: Quirks
) -> tuple[list[SubcommandSource], list[Diagnostic]]:
    """The entries of subcommands/ that are implemented commands, in file name order."""
    scripts: list[SubcommandSource] = []
    warnings: list[Diagnostic] = []
    for entry in source.subcommands:
        if entry.name in unimplemented:
            continue  # never read, as by bin/generate
        if entry.folder:
            warnings.append(Diagnostic(entry.path, None, "skipped: a directory is not a command"))
            continue
        control = control_name(entry.name)
        skipped = compat.skipped_entry(quirks, entry.name, control)
        if skipped is not None:
            warnings.append(Diagnostic(entry.path, None, skipped))
            continue
        if control:
            message = "a file name with a control character, written into the README as it is"
            warnings.append(Diagnostic(entry.path, None, message))
        scripts.append(entry)
    if not scripts:
        raise DocgenError(
            "every subcommand is listed in PLUGIN_UNIMPLEMENTED_SUBCOMMANDS",
            path=source.config.path,
            hint="a README needs at least one implemented command",
        )
    return scripts, warnings


def _fragment(fragment: DocFragment | None, quirks: Quirks) -> str | None:
    """A used docs/ fragment's text: none for a name that is no regular file (as the
    script's isfile test), an error for one that cannot be read."""
    if fragment is None:
        return None
    if fragment.problem is not None:
        raise fragment.problem
    return None if fragment.text is None else compat.text_read(quirks, fragment.text)


def _unlisted(
    source: PluginSource, listed: tuple[str, ...], unimplemented: frozenset[str], quirks: Quirks
) -> list[Diagnostic]:
    """bin/generate stops at a command of its usage lists that is neither a subcommand nor
    unimplemented; docgen leaves such commands out."""
    files = {entry.name for entry in source.subcommands}
    missing = [name for name in listed if name not in files and name not in unimplemented]
    if not missing:
        return []
    why = f"the usage sections list {', '.join(missing)}, neither subcommands nor unimplemented"
    stop = compat.Stop(None, why)
    return list(compat.stop_warnings(quirks, source.config.path, stop, "leaves them out"))


def line_expander(source: PluginSource, quirks: Quirks) -> Callable[[str], str]:
    """How the mode replaces config variables in a subcommand line, as build() does (lint
    looks for the ones left as written)."""
    values, resolver = read_values(source.config, source.dockerfile.image, quirks)
    image, _ = _image(source, values.prefix, quirks)
    return _expander(values, image.substituted, quirks, resolver)


def _commands(
    source: PluginSource,
    values: ConfigValues,
    expand: Callable[[str], str],
    listed: tuple[str, ...],
    quirks: Quirks,
) -> tuple[tuple[Command, ...], list[Diagnostic]]:
    """The implemented commands, in file name order, each with its docs/ fragment where
    the mode documents it; warnings for fragments that no command uses."""
    scripts, warnings = _entries(source, values.unimplemented, quirks)
    warnings.extend(_unlisted(source, listed, values.unimplemented, quirks))
    documented = compat.documented(quirks, set(listed), {s.name for s in scripts})
    fragments = {fragment.name: fragment for fragment in source.fragments}
    commands: list[Command] = []
    for script in scripts:
        fragment = _fragment(
            fragments.get(script.name) if script.name in documented else None, quirks
        )
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


def _boilerplate(profile: Profile, settings: Settings) -> Boilerplate:
    """The profile's boilerplate with docgen.toml's own values and section edits."""
    sections = apply_section_edits(
        profile.boilerplate.sections, settings.section_edits, settings.path
    )
    return profile.boilerplate._replace(
        dokku_version=settings.dokku_version or profile.boilerplate.dokku_version,
        install=settings.install or profile.boilerplate.install,
        sections=sections,
    )


def build(source: PluginSource, profile: Profile) -> tuple[Readme, tuple[Diagnostic, ...]]:
    quirks = profile.quirks
    settings = source.settings
    boilerplate = _boilerplate(profile, settings)
    listed = tuple(name for section in boilerplate.sections for name in section.commands)
    values, resolver = read_values(source.config, source.dockerfile.image, quirks)
    image, image_warnings = _image(source, values.prefix, quirks)
    image_warnings.extend(compat.port_warnings(quirks, source.config.path, values.ports))
    expand = _expander(values, image.substituted, quirks, resolver)
    commands, command_warnings = _commands(source, values, expand, listed, quirks)
    sponsors, sponsor_warnings = compat.sponsors(quirks, source.metadata)
    readme = Readme(
        prefix=values.prefix,
        variable=values.variable,
        alias=values.alias,
        scheme=values.scheme,
        image=image.image,
        ports=values.ports,
        unimplemented=tuple(sorted(values.unimplemented)),
        config_options=values.config_options,
        sponsors=sponsors,
        commands=commands,
        sections=_sections(boilerplate.sections, commands, quirks),
        disable_pull_variable=values.disable_pull_variable,
        repository=f"{settings.owner}/{settings.repository or 'dokku-' + values.prefix}",
        settings=settings,
        boilerplate=boilerplate,
        profile=profile.name,
        listed=listed,
    )
    warnings = (
        *source.warnings,
        *values.warnings,
        *image_warnings,
        *command_warnings,
        *sponsor_warnings,
    )
    return readme, warnings
