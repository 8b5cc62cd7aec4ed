"""``docgen.toml``: the Settings type, its defaults, and the one reader of the file.

Every key is documented in README.md ("Customising the README"). Unknown keys are an error,
so that a typo never silently does nothing.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, NamedTuple

from docgen.errors import DocgenError
from docgen.read.files import display, inside, outside_link, read_text
from docgen.read.toml import parse_toml
from docgen.templates_dir import default_templates

SETTINGS_FILE = "docgen.toml"
BADGES = ("ci", "irc")
_TYPE_HINT = "see README.md, Customising the README"


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


# Each key of docgen.toml outside [sections]: the Settings field it sets and its type.
_FIELDS: dict[str, tuple[str, type]] = {
    "compat": ("compat", bool),
    "templates": ("templates", str),
    "repository.owner": ("owner", str),
    "repository.name": ("repository", str),
    "repository.branch": ("branch", str),
    "readme.official": ("official", bool),
    "readme.badges": ("badges", list),
    "readme.banner": ("banner", str),
    "readme.dokku_version": ("dokku_version", str),
    "readme.docker_version": ("docker_version", str),
}
_TABLES = ("repository", "readme")
# The keys of one [sections.<key>] table and their types.
_SECTION_KEYS: dict[str, type] = {
    "title": str,
    "intro": str,
    "commands": list,
    "add": list,
    "after": str,
    "remove": bool,
}


@functools.lru_cache(maxsize=1)
def _default_sections() -> tuple[Section, ...]:
    """templates/sections.toml, read once per process (a batch run asks for every plugin)."""
    path = default_templates() / "sections.toml"
    data = parse_toml(path.read_text(encoding="utf-8"), str(path))
    return tuple(
        Section(s["key"], s["title"], s["intro"], tuple(s["commands"])) for s in data["section"]
    )


def default_settings() -> Settings:
    return Settings(sections=_default_sections())


def _expect(value: Any, kind: type, key: str, path: str) -> Any:
    if not isinstance(value, kind):
        raise DocgenError(
            f"{key} must be a {kind.__name__}, not {type(value).__name__}",
            path=path,
            hint=_TYPE_HINT,
        )
    if isinstance(value, list):
        if not all(isinstance(item, str) for item in value):
            raise DocgenError(f"{key} must be a list of strings", path=path)
        return tuple(value)
    return value


def _unknown(key: str, path: str, *, hint: str = "see README.md") -> DocgenError:
    return DocgenError(f"unknown key {key}", path=path, hint=hint)


def _flat_keys(data: dict[str, Any], path: str) -> dict[str, Any]:
    """The keys outside [sections], dotted (``readme.badges``); unknown ones are an error."""
    flat: dict[str, Any] = {}
    allowed = {*_FIELDS, *_TABLES, "sections"}
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise _unknown(unknown[0], path)
    for key, value in data.items():
        if key in _TABLES:
            table = _expect(value, dict, key, path)
            unknown = sorted(f"{key}.{name}" for name in table if f"{key}.{name}" not in _FIELDS)
            if unknown:
                raise _unknown(unknown[0], path)
            flat.update({f"{key}.{name}": item for name, item in table.items()})
        elif key != "sections":
            flat[key] = value
    return flat


def _fields(data: dict[str, Any], path: str, root: Path) -> dict[str, Any]:
    """The Settings fields that docgen.toml sets, each checked against its type."""
    fields: dict[str, Any] = {}
    for key, value in _flat_keys(data, path).items():
        field, kind = _FIELDS[key]
        fields[field] = _expect(value, kind, key, path)
    unknown_badges = sorted(set(fields.get("badges", ())) - set(BADGES))
    if unknown_badges:
        raise DocgenError(
            f"readme.badges: unknown badge {unknown_badges[0]}",
            path=path,
            hint=f"choose from {', '.join(BADGES)}",
        )
    if fields.get("templates") == "":
        del fields["templates"]
    elif "templates" in fields:
        fields["templates"] = root / fields["templates"]
    return fields


def _section_entry(key: str, entry: Any, path: str) -> dict[str, Any]:
    """One [sections.<key>] table, each key checked against its type."""
    entry = _expect(entry, dict, f"sections.{key}", path)
    unknown = sorted(set(entry) - set(_SECTION_KEYS))
    if unknown:
        raise _unknown(f"sections.{key}.{unknown[0]}", path, hint="")
    return {
        name: _expect(value, _SECTION_KEYS[name], f"sections.{key}.{name}", path)
        for name, value in entry.items()
    }


def _index(sections: list[Section], key: str) -> int | None:
    return next((i for i, s in enumerate(sections) if s.key == key), None)


def _changed(current: Section, entry: dict[str, Any]) -> Section:
    commands = entry.get("commands", current.commands) + entry.get("add", ())
    return current._replace(
        title=entry.get("title", current.title),
        intro=entry.get("intro", current.intro),
        commands=commands,
    )


def _place(sections: list[Section], section: Section, after: str, path: str) -> None:
    position = _index(sections, after)
    if position is None:
        raise DocgenError(f"sections.{section.key}.after names no section: {after}", path=path)
    sections.insert(position + 1, section)


def _sections(base: tuple[Section, ...], table: dict[str, Any], path: str) -> tuple[Section, ...]:
    """The default sections with docgen.toml's changes, additions and removals applied."""
    sections = list(base)
    for key, raw in table.items():
        entry = _section_entry(key, raw, path)
        index = _index(sections, key)
        if entry.get("remove", False):
            if index is not None:
                del sections[index]
            continue
        current = sections[index] if index is not None else Section(key, key.title(), "", ())
        section = _changed(current, entry)
        if index is not None and "after" not in entry:
            sections[index] = section
            continue
        if index is not None:
            del sections[index]
        if "after" in entry:
            _place(sections, section, entry["after"], path)
        else:
            sections.append(section)
    return tuple(sections)


def parse_settings(text: str, path: str, root: Path) -> Settings:
    """docgen.toml's text as Settings; ``root`` is the plugin folder, for relative paths."""
    data = parse_toml(text, path)
    sections = _expect(data.get("sections", {}), dict, "sections", path)
    return default_settings()._replace(
        **_fields(data, path, root), sections=_sections(_default_sections(), sections, path)
    )


def _check_templates(root: Path, folder: Path) -> None:
    """A template override is read like any plugin file: never from outside the plugin, so
    that a change to docgen.toml or a symlinked template cannot leak a file into the README."""
    if not inside(root, folder):
        raise DocgenError(
            "the templates folder of docgen.toml is outside the plugin folder",
            path=display(root / SETTINGS_FILE),
            hint="keep template overrides inside the plugin",
        )
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() and not inside(root, path):
            raise outside_link(path, folder=path.is_dir())


def read_settings(root: Path) -> Settings:
    """The plugin's docgen.toml, or the defaults when it has none."""
    path = root / SETTINGS_FILE
    if not path.exists() and not path.is_symlink():
        return default_settings()
    settings = parse_settings(read_text(root, path, what=SETTINGS_FILE), display(path), root)
    if settings.templates is not None and settings.templates.is_dir():
        _check_templates(root, settings.templates)
    return settings
