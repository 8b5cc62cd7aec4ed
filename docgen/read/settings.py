"""Settings: the defaults, a plugin's ``docgen.toml``, and the command line, merged.

Every key is documented in README.md ("Customising the README"). Unknown keys are an error,
so that a typo never silently does nothing.
"""

import functools
from pathlib import Path
from typing import Any, NamedTuple

from docgen.errors import DocgenError
from docgen.read.toml import parse_toml
from docgen.templates_dir import default_templates

SETTINGS_FILE = "docgen.toml"
BADGES = ("ci", "irc")


class Section(NamedTuple):
    key: str
    title: str
    intro: str
    commands: tuple[str, ...]


class Settings(NamedTuple):
    compat: bool = True
    owner: str = "dokku"
    repository: str = ""  # "" means dokku-<prefix>
    branch: str = "master"
    official: bool = True
    badges: tuple[str, ...] = BADGES
    banner: str = ""
    dokku_version: str = "0.19.x+"
    docker_version: str = "1.8.x"
    sections: tuple[Section, ...] = ()
    templates: Path | None = None  # a folder of template overrides


@functools.lru_cache(maxsize=1)
def _default_sections() -> tuple[Section, ...]:
    """templates/sections.toml, read once per process (a batch run asks for every plugin)."""
    path = default_templates() / "sections.toml"
    data = parse_toml(path.read_text(encoding="utf-8"), str(path))
    return tuple(
        Section(s["key"], s["title"], s["intro"], tuple(s["commands"])) for s in data["section"]
    )


def _expect(value: Any, kind: type, key: str, path: str) -> Any:
    if not isinstance(value, kind):
        raise DocgenError(
            f"{key} must be a {kind.__name__}, not {type(value).__name__}",
            path=path,
            hint="see README.md, Customising the README",
        )
    return value


def _string_list(value: Any, key: str, path: str) -> tuple[str, ...]:
    items = _expect(value, list, key, path)
    if not all(isinstance(item, str) for item in items):
        raise DocgenError(f"{key} must be a list of strings", path=path)
    return tuple(items)


def _sections(base: tuple[Section, ...], table: dict[str, Any], path: str) -> tuple[Section, ...]:
    sections = list(base)
    for key, entry in table.items():
        entry = _expect(entry, dict, f"sections.{key}", path)
        unknown = set(entry) - {"title", "intro", "commands", "add", "remove", "after"}
        if unknown:
            raise DocgenError(f"unknown key sections.{key}.{sorted(unknown)[0]}", path=path)
        index = next((i for i, s in enumerate(sections) if s.key == key), None)
        if _expect(entry.get("remove", False), bool, f"sections.{key}.remove", path):
            if index is not None:
                del sections[index]
            continue
        current = sections[index] if index is not None else Section(key, key.title(), "", ())
        commands = current.commands
        if "commands" in entry:
            commands = _string_list(entry["commands"], f"sections.{key}.commands", path)
        commands += _string_list(entry.get("add", []), f"sections.{key}.add", path)
        section = Section(
            key,
            _expect(entry.get("title", current.title), str, f"sections.{key}.title", path),
            _expect(entry.get("intro", current.intro), str, f"sections.{key}.intro", path),
            commands,
        )
        if index is not None and "after" not in entry:
            sections[index] = section
            continue
        if index is not None:
            del sections[index]
        after = entry.get("after")
        if after is None:
            sections.append(section)
            continue
        position = next((i for i, s in enumerate(sections) if s.key == after), None)
        if position is None:
            raise DocgenError(f"sections.{key}.after names no section: {after}", path=path)
        sections.insert(position + 1, section)
    return tuple(sections)


_TOP = {"compat", "templates", "repository", "readme", "sections"}
_REPOSITORY = {"owner", "name", "branch"}
_README = {"official", "badges", "banner", "dokku_version", "docker_version"}


def parse_settings(text: str, path: str, root: Path) -> Settings:
    data = parse_toml(text, path)
    for table, allowed, prefix in (
        (data, _TOP, ""),
        (data.get("repository", {}), _REPOSITORY, "repository."),
        (data.get("readme", {}), _README, "readme."),
    ):
        unknown = set(_expect(table, dict, prefix.rstrip(".") or "docgen.toml", path)) - allowed
        if unknown:
            raise DocgenError(
                f"unknown key {prefix}{sorted(unknown)[0]}", path=path, hint="see README.md"
            )
    settings = Settings(sections=_default_sections())
    repository, readme = data.get("repository", {}), data.get("readme", {})
    badges = _string_list(readme.get("badges", list(BADGES)), "readme.badges", path)
    if set(badges) - set(BADGES):
        raise DocgenError(
            f"readme.badges: unknown badge {sorted(set(badges) - set(BADGES))[0]}",
            path=path,
            hint=f"choose from {', '.join(BADGES)}",
        )
    templates = data.get("templates")
    return settings._replace(
        compat=_expect(data.get("compat", True), bool, "compat", path),
        templates=root / _expect(templates, str, "templates", path) if templates else None,
        owner=_expect(repository.get("owner", settings.owner), str, "repository.owner", path),
        repository=_expect(repository.get("name", ""), str, "repository.name", path),
        branch=_expect(repository.get("branch", settings.branch), str, "repository.branch", path),
        official=_expect(readme.get("official", True), bool, "readme.official", path),
        badges=badges,
        banner=_expect(readme.get("banner", ""), str, "readme.banner", path),
        dokku_version=_expect(
            readme.get("dokku_version", settings.dokku_version), str, "readme.dokku_version", path
        ),
        docker_version=_expect(
            readme.get("docker_version", settings.docker_version),
            str,
            "readme.docker_version",
            path,
        ),
        sections=_sections(
            settings.sections, _expect(data.get("sections", {}), dict, "sections", path), path
        ),
    )


def default_settings() -> Settings:
    return Settings(sections=_default_sections())
