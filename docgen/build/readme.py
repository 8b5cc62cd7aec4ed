"""Build the README model from what the readers read. Pure: no I/O."""

from __future__ import annotations

from collections.abc import Callable

from docgen.build import compat
from docgen.build.compat import Quirks
from docgen.build.config import ConfigValues, read_values
from docgen.errors import Diagnostic, DocgenError
from docgen.build.model import Command, Flag, Image, Readme, UsageSection
from docgen.build.commands import examples, scan
from docgen.read.records import DocFragment, ImageSource, PluginSource, SubcommandSource


def _image(source: ImageSource, warnings: list[Diagnostic]) -> Image:
    name = f"{source.registry}/{source.repository}" if source.registry else source.repository
    version = source.tag or source.digest
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
    return Image(name, version, url)


def _expander(
    values: ConfigValues, image: Image, quirks: Quirks, resolve: Callable[[str], str]
) -> Callable[[str], str]:
    if not quirks.literal_substitution:
        return resolve
    ports = list(values.ports)

    def expand(line: str) -> str:
        return compat.literal_substitute(
            line, values.prefix, values.variable, values.alias, image.name, values.scheme, ports
        )

    return expand


def _command(
    source: SubcommandSource,
    values: ConfigValues,
    quirks: Quirks,
    expand: Callable[[str], str],
    fragment: DocFragment | None,
    warnings: list[Diagnostic],
) -> Command:
    scanned = scan(source, quirks, expand)
    warnings.extend(scanned.warnings)
    description = scanned.description
    if description is None:
        warnings.append(
            Diagnostic(source.path, None, 'no declare desc="..."; the README uses the command name')
        )
        description = source.name
    flags = []
    for flag in scanned.flags:
        default = None
        if "--config-options" in flag.spec:
            default = values.config_options
            if default is None and quirks.none_default:
                default = "None"
        flags.append(Flag(flag.spec, flag.help, default))
    text = None
    if fragment is not None:
        text = fragment.text if quirks.newline_collapse else fragment.text.rstrip("\n")
    return Command(
        name=source.name,
        path=source.path,
        description=description,
        usage=scanned.usage,
        arguments=scanned.arguments,
        flags=tuple(flags),
        examples=examples(scanned.example_lines, quirks),
        fragment=text,
    )


def build(source: PluginSource, quirks: Quirks) -> tuple[Readme, tuple[Diagnostic, ...]]:
    warnings: list[Diagnostic] = list(source.warnings)
    values, resolver = read_values(source.config, source.image, quirks)
    warnings.extend(values.warnings)
    image = _image(source.image, warnings)
    expand = _expander(values, image, quirks, resolver.expand)
    settings = source.settings

    implemented = [s for s in source.subcommands if s.name not in values.unimplemented]
    if not implemented:
        raise DocgenError(
            "every subcommand is listed in PLUGIN_UNIMPLEMENTED_SUBCOMMANDS",
            path=source.config.path,
            hint="a README needs at least one implemented command",
        )
    listed = {name for section in settings.sections for name in section.commands}
    fragments = {fragment.name: fragment for fragment in source.fragments}
    documented = listed if quirks.hidden_commands else {s.name for s in implemented}
    commands = tuple(
        _command(
            s,
            values,
            quirks,
            expand,
            fragments.get(s.name) if s.name in documented else None,
            warnings,
        )
        for s in implemented
    )
    by_name = {command.name: command for command in commands}
    for fragment in source.fragments:
        if fragment.name not in by_name:
            warnings.append(
                Diagnostic(fragment.path, None, f"no command {fragment.name} uses this fragment")
            )

    sections = [
        UsageSection(
            section.key,
            section.title,
            section.intro,
            tuple(by_name[name] for name in section.commands if name in by_name),
            prose=not section.commands,
        )
        for section in settings.sections
    ]
    if not quirks.hidden_commands:
        others = tuple(c for c in commands if c.name not in listed)
        if others:
            sections.append(UsageSection("other", "Other Commands", "", others))
    if not quirks.newline_collapse:
        sections = [section for section in sections if section.commands or section.prose]

    sponsors = source.metadata.sponsors
    if quirks.split_sponsors and source.metadata.sponsors_line is not None:
        split = compat.split_sponsors(source.metadata.sponsors_line)
        if split is not None:
            sponsors = tuple(split)

    return (
        Readme(
            prefix=values.prefix,
            variable=values.variable,
            alias=values.alias,
            scheme=values.scheme,
            image=image,
            ports=values.ports,
            unimplemented=tuple(sorted(values.unimplemented)),
            config_options=values.config_options,
            sponsors=sponsors,
            commands=commands,
            sections=tuple(sections),
            disable_pull_variable=values.disable_pull_variable,
            repository=f"{settings.owner}/{settings.repository or 'dokku-' + values.prefix}",
            settings=settings,
        ),
        tuple(warnings),
    )
