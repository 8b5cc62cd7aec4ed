"""Compat profiles: one per released version of bin/generate whose output differs.

The official plugins shipped 26 versions of the script between April 2020 and August 2025;
23 of them write different READMEs (the others changed a shebang, the formatting, or debug
prints). Plugins built from the template froze the version they copied. A profile is the
quirk set (docgen/build/compat.py) and the boilerplate of one version, named by the month it
first shipped; ``compat = "2023-01"`` in docgen.toml selects it, ``compat = true`` the
newest, ``compat = false`` corrected mode. Each profile below is the one before it with what
its version changed (README.md lists them).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import NamedTuple

from docgen.build.compat import COMPAT, CORRECTED, Quirks
from docgen.build.model import Boilerplate
from docgen.errors import DocgenError
from docgen.read.settings import Section, Settings, suggestion
from docgen.read.toml import parse_toml
from docgen.templates_dir import default_templates


class Profile(NamedTuple):
    name: str  # the month its version first shipped, with a letter when a month had several
    shipped: str  # the date of its first commit
    blobs: tuple[str, ...]  # git blob ids of its bin/generate versions, for docgen init
    change: str  # what it changed from the profile before it
    quirks: Quirks
    boilerplate: Boilerplate
    templates: str = ""  # a folder of templates/profiles/ for a layout of its own
    side_branch: bool = False  # shipped only on a side branch of one plugin (clickhouse)


NEWEST_INSTALL = "sudo dokku plugin:install https://github.com/{repository}.git --name {prefix}"
CORRECTED_NAME = "corrected"


@functools.lru_cache(maxsize=1)
def _newest_sections() -> tuple[Section, ...]:
    """templates/sections.toml: the usage sections of the newest version (A8)."""
    path = default_templates() / "sections.toml"
    data = parse_toml(path.read_text(encoding="utf-8"), str(path))
    return tuple(
        Section(s["key"], s["title"], s["intro"], tuple(s["commands"])) for s in data["section"]
    )


SectionChange = Callable[[Section, Section], Section]  # (the profile's, the newest) -> changed


def _commands(*names: str) -> SectionChange:
    return lambda section, _newest: section._replace(commands=names)


def _without(*names: str) -> SectionChange:
    return lambda s, _n: s._replace(commands=tuple(c for c in s.commands if c not in names))


def _newest_commands(section: Section, newest: Section) -> Section:
    return section._replace(commands=newest.commands)


def _newest_intro(section: Section, newest: Section) -> Section:
    return section._replace(intro=newest.intro)


def _three_paragraphs(section: Section, _newest: Section) -> Section:
    """The Backups intro before 2025-08: its first two paragraphs and its last one."""
    paragraphs = section.intro.split("\n\n")
    return section._replace(intro="\n\n".join([*paragraphs[:2], paragraphs[-1]]))


def _then(*changes: SectionChange) -> SectionChange:
    def change(section: Section, newest: Section) -> Section:
        for one in changes:
            section = one(section, newest)
        return section

    return change


LIFECYCLE = [
    "connect",
    "enter",
    "expose",
    "unexpose",
    "promote",
    "start",
    "stop",
    "restart",
    "upgrade",
]


class _Step(NamedTuple):
    """What one version changed: the profile, its quirks, boilerplate and sections."""

    name: str
    shipped: str
    blobs: tuple[str, ...]
    change: str
    quirks: Mapping[str, object] = MappingProxyType({})
    boilerplate: Mapping[str, object] = MappingProxyType({})
    sections: Mapping[str, SectionChange] = MappingProxyType({})
    templates: str = ""
    side_branch: bool = False


# The first version, as a change to the newest: the quirks of the later ones off, its
# own boilerplate and section lists, and a layout of its own (templates/profiles/2020-04a).
_FIRST = _Step(
    "2020-04a",
    "2020-04-04",
    ("805ee7cf",),
    "the first bin/generate, with a layout of its own",
    {
        "newline_collapse": False,
        "final_newline": False,
        "unimplemented_read": False,
        "flag_list": False,
        "options_default": False,
        "docs_injection": False,
        "usage_line_strip": False,
        "substitution_set": "R-old",
        "sentence_style": "S1",
        "image_from": "config-version",
        "hub_link": "prefix",
        "sponsors_read": False,
    },
    {
        "badges": "travis",
        "dokku_version": "0.12.x+",
        "install": "sudo dokku plugin:install https://github.com/{repository}.git {prefix}",
        "usage_intro": "short",
        "pull": "docker pull",
    },
    {
        "basic": _commands("list", "create", "info", "logs", "link", "unlink", "destroy"),
        "lifecycle": _commands(*LIFECYCLE[:5], "restart", "start", "stop", "upgrade"),
        "backups": _then(
            _without("backup-set-public-key-encryption", "backup-unset-public-key-encryption"),
            _three_paragraphs,
        ),
    },
    templates="2020-04a",
)

# Each later version, as a change to the one before.
_STEPS = (
    _Step(
        "2020-04b",
        "2020-04-04",
        ("3ddf8211", "3661ee36"),
        "sections of blocks; unimplemented commands dropped; the newline collapse",
        {"newline_collapse": True, "unimplemented_read": True, "sentence_style": "S2"},
        sections={
            "basic": _commands("create", "info", "list", "logs", "link", "unlink"),
            "lifecycle": _commands(*LIFECYCLE),
        },
    ),
    _Step(
        "2020-04c",
        "2020-04-06",
        ("c8faa316",),
        "CircleCI badge",
        boilerplate={"badges": "circleci"},
    ),
    _Step("2020-05a", "2020-05-15", ("51eede0f", "d62f7923"), "flags: lists", {"flag_list": True}),
    _Step(
        "2020-05b",
        "2020-05-15",
        ("01727716",),
        "the image from config; nine substitutions; capitals as code",
        {"substitution_set": "A10", "image_from": "config", "sentence_style": "S3"},
    ),
    _Step(
        "2020-09a",
        "2020-09-27",
        ("f9173ecb",),
        "sponsors; the image in the description",
        {"sponsors_read": True, "hub_link": "no-r"},
    ),
    _Step("2020-09b", "2020-09-27", ("e91a4f78",), "r/ in Docker Hub links", {"hub_link": "r"}),
    _Step(
        "2021-02",
        "2021-02-26",
        ("0ae59a5e",),
        "the image and version from the Dockerfile",
        {"image_from": "dockerfile"},
    ),
    _Step(
        "2021-04",
        "2021-04-24",
        ("47b488f1",),
        "dokku 0.19.x+",
        boilerplate={"dokku_version": "0.19.x+"},
    ),
    _Step(
        "2021-07",
        "2021-07-12",
        ("1cb4e3a8",),
        "${PLUGIN_DATASTORE_PORTS[1]} substituted",
        {"substitution_set": "A10+port1"},
        side_branch=True,
    ),
    _Step(
        "2021-09a",
        "2021-09-11",
        ("2a04b0a4",),
        "GitHub workflow and Libera badges; a final newline",
        {"substitution_set": "A10", "final_newline": True},
        {"badges": "workflow"},
    ),
    _Step(
        "2021-09b",
        "2021-09-11",
        ("a977252c",),
        "${PLUGIN_DATASTORE_PORTS[1]} substituted",
        {"substitution_set": "A10+port1"},
        side_branch=True,
    ),
    _Step(
        "2021-09c",
        "2021-09-12",
        ("e38a931f",),
        "sentences as A14",
        {"substitution_set": "A10", "sentence_style": "S4"},
    ),
    _Step(
        "2021-09d",
        "2021-09-13",
        ("d9da8387", "82bdfc5a"),
        "(default: ...) after --config-options flags",
        {"options_default": True},
    ),
    _Step(
        "2021-09e",
        "2021-09-13",
        ("2e19392e",),
        "docs/ fragments; the longer usage intro",
        {"docs_injection": True},
        {"usage_intro": "long"},
    ),
    _Step(
        "2022-12",
        "2022-12-26",
        ("dad42b4e",),
        "pause in Service Lifecycle",
        sections={"lifecycle": _commands(*LIFECYCLE[:7], "pause", *LIFECYCLE[7:])},
    ),
    _Step(
        "2023-01",
        "2023-01-28",
        ("3f65afc5",),
        "the GitHub actions badge",
        boilerplate={"badges": "actions"},
    ),
    _Step(
        "2023-02a",
        "2023-02-07",
        ("c5aa616d",),
        "docker image pull",
        boilerplate={"pull": "docker image pull"},
    ),
    _Step(
        "2023-02b",
        "2023-02-07",
        ("89b99993",),
        "set in Basic Usage",
        sections={"basic": _newest_commands},
    ),
    _Step(
        "2023-12", "2023-12-10", ("f4f14e7f",), "usage lines stripped", {"usage_line_strip": True}
    ),
    _Step(
        "2024-04",
        "2024-04-28",
        ("2ebd4b21",),
        "the public-key backup commands",
        sections={"backups": _newest_commands},
    ),
    _Step(
        "2025-03",
        "2025-03-09",
        ("1a8e5c53",),
        "--name in the install line",
        boilerplate={"install": NEWEST_INSTALL},
    ),
    _Step(
        "2025-08",
        "2025-08-13",
        ("70e6d593",),
        "two more Backups paragraphs",
        sections={"backups": _newest_intro},
    ),
)


def _applied(step: _Step, previous: Profile, newest: dict[str, Section]) -> Profile:
    quirks = previous.quirks._replace(**step.quirks)  # type: ignore[arg-type]
    boilerplate = previous.boilerplate._replace(**step.boilerplate)  # type: ignore[arg-type]
    sections = tuple(
        step.sections[s.key](s, newest[s.key]) if s.key in step.sections else s
        for s in boilerplate.sections
    )
    boilerplate = boilerplate._replace(sections=sections)
    return Profile(
        step.name,
        step.shipped,
        step.blobs,
        step.change,
        quirks,
        boilerplate,
        step.templates,
        step.side_branch,
    )


@functools.lru_cache(maxsize=1)
def profiles() -> tuple[Profile, ...]:
    """Every profile, oldest first. The last one is the newest version: COMPAT."""
    sections = _newest_sections()
    by_key = {section.key: section for section in sections}
    start = Boilerplate("actions", "0.19.x+", NEWEST_INSTALL, "long", "docker image pull", sections)
    profile = _applied(_FIRST, Profile("", "", (), "", COMPAT, start), by_key)
    found = [profile]
    for step in _STEPS:
        profile = _applied(step, profile, by_key)
        found.append(profile)
    return tuple(found)


def section_line(key: str) -> tuple[str, int]:
    """Where docgen's templates/sections.toml defines the default usage section ``key``."""
    path = default_templates() / "sections.toml"
    lines = path.read_text(encoding="utf-8").split("\n")
    entry = f'key = "{key}"'
    return str(path), next((n for n, line in enumerate(lines, 1) if line.strip() == entry), 1)


def newest() -> Profile:
    return profiles()[-1]


def corrected() -> Profile:
    """Corrected mode: no quirk, the newest boilerplate."""
    return newest()._replace(name=CORRECTED_NAME, blobs=(), quirks=CORRECTED, templates="")


def profile_for(settings: Settings, choice: bool | str | None = None) -> Profile:
    """The profile a plugin renders with: ``choice`` (the command line), else docgen.toml's
    compat key. True is the newest, False corrected mode, a string a profile's name."""
    wanted = settings.compat if choice is None else choice
    if wanted is True:
        return newest()
    if wanted is False:
        return corrected()
    by_name = {profile.name: profile for profile in profiles()}
    if wanted in by_name:
        return by_name[wanted]
    if wanted == CORRECTED_NAME:
        return corrected()
    names = list(by_name)
    hint = suggestion(str(wanted), names) or f"choose from {', '.join(names)}, true or false"
    origin = settings.path if choice is None and settings.path else None
    return _unknown(str(wanted), origin, settings.compat_line if origin else None, hint)


def _unknown(name: str, path: str | None, line: int | None, hint: str) -> Profile:
    raise DocgenError(f"no compat profile {name}", path=path, line=line, hint=hint)
