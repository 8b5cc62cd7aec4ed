"""``docgen.toml``: the Settings type, its defaults, and the one reader of the file.

Every key is documented in README.md ("Customising the README"). A key, a section or a
value that matches nothing is an error naming the file and the line, with the closest
valid name where there is one, so that a typo never silently does nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from docgen.errors import DocgenError
from docgen.read.files import BOM, display, inside, outside_link, read_text
from docgen.read.toml import key_line, parse_toml

SETTINGS_FILE = "docgen.toml"
BADGES = ("ci", "irc")
# The top-level blocks of the README, in order: a [top_sections.<key>] goes after one.
TOP_BLOCKS = (
    "title",
    "description",
    "sponsors",
    "requirements",
    "installation",
    "commands",
    "usage",
)
INSTALL_FIELDS = ("prefix", "repository", "owner", "name")
_SEE = "see docgen's README, Customising the README"


class Section(NamedTuple):
    """A usage section (``### Basic Usage``) and the commands it shows, in order."""

    key: str
    title: str
    intro: str
    commands: tuple[str, ...]
    named: tuple[tuple[str, int | None], ...] = ()  # names docgen.toml gave, with their line


class TopSection(NamedTuple):
    """A ``##`` section of prose from a file of the plugin, after a top-level block."""

    key: str
    title: str
    after: str  # one of TOP_BLOCKS (chains of top sections are resolved by the reader)
    path: str  # the file, as messages show it
    text: str
    line: int | None = None  # the line of docgen.toml that names the file


class SectionEdit(NamedTuple):
    """One [sections.<key>] table of docgen.toml, its types checked. apply_section_edits
    applies the edits, in file order, to the usage sections of the chosen profile."""

    key: str
    line: int | None  # of the [sections.<key>] table
    title: str | None = None
    intro: str | None = None
    commands: tuple[str, ...] | None = None
    prepend: tuple[str, ...] = ()
    add: tuple[str, ...] = ()
    drop_paragraphs: tuple[str, ...] = ()
    drop_line: int | None = None
    after: str | None = None
    after_line: int | None = None
    remove: bool = False
    named: tuple[tuple[str, int | None], ...] = ()  # the commands it names, with their line


class Settings(NamedTuple):
    """What docgen.toml says; None (or no edit) leaves the chosen profile's value."""

    compat: bool | str = True  # True: the newest profile; False: corrected mode; or a profile
    owner: str = "dokku"
    repository: str = ""  # "" means dokku-<prefix>
    branch: str = "master"
    official: bool = True
    badges: tuple[str, ...] = BADGES
    banner: str = ""
    notice: str = ""  # a Markdown paragraph after the description
    dokku_version: str | None = None  # the Requirements and Installation lines
    docker_version: str = "1.8.x"
    install: str | None = None  # the install command, with {prefix}, {repository}, {owner}, {name}
    image_link: bool = True  # the image in the description links to its page
    section_edits: tuple[SectionEdit, ...] = ()
    top_sections: tuple[TopSection, ...] = ()
    templates: Path | None = None  # a folder of template overrides
    path: str = ""  # docgen.toml as messages show it; "" when the plugin has none
    compat_line: int | None = None  # the line of docgen.toml's compat key
    lint_ignore: tuple[str, ...] = ()  # lint codes not to report ([lint] ignore)
    key_lines: tuple[tuple[str, int | None], ...] = ()  # each dotted key docgen.toml sets

    def line(self, key: str) -> int | None:
        """The line of docgen.toml that sets ``key`` (``lint.ignore``), for messages."""
        return dict(self.key_lines).get(key)


# Each key of docgen.toml outside the [sections] and [top_sections] tables: the Settings
# field it sets and its type.
_FIELDS: dict[str, tuple[str, type | tuple[type, ...]]] = {
    "compat": ("compat", (bool, str)),
    "templates": ("templates", str),
    "repository.owner": ("owner", str),
    "repository.name": ("repository", str),
    "repository.branch": ("branch", str),
    "readme.official": ("official", bool),
    "readme.badges": ("badges", list),
    "readme.banner": ("banner", str),
    "readme.notice": ("notice", str),
    "readme.dokku_version": ("dokku_version", str),
    "readme.docker_version": ("docker_version", str),
    "readme.install": ("install", str),
    "readme.image_link": ("image_link", bool),
    "lint.ignore": ("lint_ignore", list),
}
_TABLES = ("repository", "readme", "lint")
_SECTION_KEYS: dict[str, type] = {
    "title": str,
    "intro": str,
    "commands": list,
    "add": list,
    "prepend": list,
    "drop_paragraphs": list,
    "after": str,
    "remove": bool,
}
_TOP_SECTION_KEYS: dict[str, type] = {"title": str, "file": str, "after": str}


def default_settings() -> Settings:
    """The settings of a plugin without docgen.toml."""
    return Settings()


def suggestion(name: str, choices: Iterable[str]) -> str:
    """``did you mean X?`` for the closest of ``choices`` (or the one it begins), or ""."""
    import difflib  # only for a mistake: every run reads this module (about 1 ms)

    choices = list(choices)
    close = difflib.get_close_matches(name, choices, n=1, cutoff=0.65)
    if not close:
        close = [choice for choice in choices if name and choice.startswith(name)][:1]
    return f"did you mean {close[0]}?" if close else ""


class _File:
    """docgen.toml's text, to name the line of each key in an error."""

    def __init__(self, text: str, path: str) -> None:
        self.text, self.path = text, path

    def error(self, message: str, keys: Sequence[str], hint: str = "") -> DocgenError:
        return DocgenError(message, path=self.path, line=key_line(self.text, keys), hint=hint)

    def unknown(self, keys: Sequence[str], siblings: Iterable[str]) -> DocgenError:
        """An unknown key; ``siblings`` are the valid names beside it."""
        *parents, leaf = keys
        close = suggestion(leaf, siblings)
        if close:
            close = close.replace(
                "did you mean ", "did you mean " + "".join(f"{p}." for p in parents)
            )
        return self.error(f"unknown key {'.'.join(keys)}", keys, close or _SEE)

    def expect(self, value: Any, kind: type | tuple[type, ...], keys: Sequence[str]) -> Any:
        """``value`` if it has the type; lists become tuples of strings."""
        name = ".".join(keys)
        if not isinstance(value, kind):
            kinds = kind if isinstance(kind, tuple) else (kind,)
            wanted = " or ".join(k.__name__ for k in kinds)
            message = f"{name} must be a {wanted}, not {type(value).__name__}"
            raise self.error(message, keys, _SEE)
        if isinstance(value, list):
            if not all(isinstance(item, str) for item in value):
                raise self.error(f"{name} must be a list of strings", keys, _SEE)
            return tuple(value)
        return value


def _flat_keys(data: dict[str, Any], file: _File) -> dict[str, Any]:
    """The keys outside [sections] and [top_sections], dotted (``readme.badges``)."""
    flat: dict[str, Any] = {}
    for key, value in data.items():
        if key in ("sections", "top_sections"):
            continue
        if key not in _TABLES:
            if key not in _FIELDS:
                raise file.unknown((key,), [*_FIELDS, *_TABLES, "sections", "top_sections"])
            flat[key] = value
            continue
        for name, item in file.expect(value, dict, (key,)).items():
            if f"{key}.{name}" not in _FIELDS:
                siblings = [field.split(".")[1] for field in _FIELDS if field.startswith(f"{key}.")]
                raise file.unknown((key, name), siblings)
            flat[f"{key}.{name}"] = item
    return flat


def _checked_values(fields: dict[str, Any], file: _File) -> None:
    for badge in fields.get("badges", ()):
        if badge not in BADGES:
            hint = suggestion(badge, BADGES) or f"choose from {', '.join(BADGES)}"
            raise file.error(f"readme.badges: unknown badge {badge}", ("readme", "badges"), hint)
    install = fields.get("install")
    if install is not None:
        import string  # here: its import (its Template class) costs every run about 1 ms

        try:
            names = {name for _, name, _, _ in string.Formatter().parse(install) if name}
        except ValueError as error:
            raise file.error(f"readme.install: {error}", ("readme", "install"), _SEE) from None
        for name in sorted(names - set(INSTALL_FIELDS)):
            hint = suggestion(name, INSTALL_FIELDS) or f"use {', '.join(INSTALL_FIELDS)}"
            message = f"readme.install: unknown placeholder {{{name}}}"
            raise file.error(message, ("readme", "install"), hint)


def _fields(data: dict[str, Any], file: _File, root: Path) -> dict[str, Any]:
    """The Settings fields that docgen.toml sets, each checked against its type."""
    fields: dict[str, Any] = {}
    for key, value in _flat_keys(data, file).items():
        field, kind = _FIELDS[key]
        fields[field] = file.expect(value, kind, key.split("."))
    _checked_values(fields, file)
    if fields.get("templates") == "":
        del fields["templates"]
    elif "templates" in fields:
        fields["templates"] = root / fields["templates"]
    return fields


# --- [sections.<key>] ---------------------------------------------------------------------


def _entry(table: str, key: str, raw: Any, allowed: dict[str, type], file: _File) -> dict[str, Any]:
    """One [<table>.<key>] table, each key checked against its type."""
    entry = file.expect(raw, dict, (table, key))
    for name in entry:
        if name not in allowed:
            raise file.unknown((table, key, name), allowed)
    return {
        name: file.expect(value, allowed[name], (table, key, name)) for name, value in entry.items()
    }


def _first_line(text: str, candidates: Sequence[Sequence[str]]) -> int | None:
    """The first line that sets one of the key paths: a table, or one key of it written
    dotted (``sections.data.title = ...``)."""
    lines = [line for keys in candidates if (line := key_line(text, keys)) is not None]
    return min(lines) if lines else None


def _section_edit(key: str, raw: Any, file: _File) -> SectionEdit:
    entry = _entry("sections", key, raw, _SECTION_KEYS, file)
    named = tuple(
        (name, key_line(file.text, ("sections", key, field)))
        for field in ("prepend", "commands", "add")
        for name in entry.get(field, ())
    )
    return SectionEdit(
        key=key,
        line=_first_line(file.text, [("sections", key), *(("sections", key, n) for n in entry)]),
        title=entry.get("title"),
        intro=entry.get("intro"),
        commands=entry.get("commands"),
        prepend=entry.get("prepend", ()),
        add=entry.get("add", ()),
        drop_paragraphs=entry.get("drop_paragraphs", ()),
        drop_line=key_line(file.text, ("sections", key, "drop_paragraphs")),
        after=entry.get("after"),
        after_line=key_line(file.text, ("sections", key, "after")),
        remove=entry.get("remove", False),
        named=named,
    )


def _index(sections: Sequence[Section], key: str) -> int | None:
    return next((i for i, s in enumerate(sections) if s.key == key), None)


def _paragraphs(edit: SectionEdit, intro: str, path: str) -> str:
    """The intro without the paragraphs that start with one of the edit's drop_paragraphs."""
    paragraphs = intro.split("\n\n")
    for start in edit.drop_paragraphs:
        kept = [p for p in paragraphs if not p.startswith(start)]
        if len(kept) == len(paragraphs):
            starts = [p[: len(start)] for p in paragraphs]
            hint = suggestion(start, starts) or "give the first words of a paragraph of the intro"
            message = f"sections.{edit.key}.drop_paragraphs: no paragraph starts with {start!r}"
            raise DocgenError(message, path=path, line=edit.drop_line, hint=hint)
        paragraphs = kept
    return "\n\n".join(paragraphs)


def _changed(current: Section, edit: SectionEdit, path: str) -> Section:
    commands = current.commands if edit.commands is None else edit.commands
    intro = current.intro if edit.intro is None else edit.intro
    return Section(
        current.key,
        current.title if edit.title is None else edit.title,
        _paragraphs(edit, intro, path),
        (*edit.prepend, *commands, *edit.add),
        (*current.named, *edit.named),
    )


def _new_section(edit: SectionEdit, known: Sequence[str], path: str) -> Section:
    """A section docgen.toml adds: it must have a title, so that a typo in the name of a
    default section cannot quietly create an empty one."""
    if edit.title is None:
        hint = suggestion(edit.key, known)
        hint = f"{hint} a new section needs a title" if hint else "a new section needs a title"
        raise DocgenError(
            f"sections.{edit.key} is no section", path=path, line=edit.line, hint=hint
        )
    return _changed(Section(edit.key, edit.title, "", ()), edit, path)


def _place(sections: list[Section], section: Section, edit: SectionEdit, path: str) -> None:
    position = _index(sections, edit.after or "")
    if position is None:
        known = [s.key for s in sections]
        hint = suggestion(edit.after or "", known) or f"choose from {', '.join(known)}"
        message = f"sections.{section.key}.after names no section: {edit.after}"
        raise DocgenError(message, path=path, line=edit.after_line, hint=hint)
    sections.insert(position + 1, section)


def _removed(sections: list[Section], edit: SectionEdit, path: str) -> None:
    index = _index(sections, edit.key)
    if index is None:
        known = [s.key for s in sections]
        hint = suggestion(edit.key, known) or f"choose from {', '.join(known)}"
        message = f"sections.{edit.key}: no such section to remove"
        raise DocgenError(message, path=path, line=edit.line, hint=hint)
    del sections[index]


def apply_section_edits(
    base: tuple[Section, ...], edits: Sequence[SectionEdit], path: str
) -> tuple[Section, ...]:
    """The usage sections of a profile with docgen.toml's changes, additions and removals
    applied in file order; an edit that matches nothing is an error naming its line."""
    sections = list(base)
    for edit in edits:
        if edit.remove:
            _removed(sections, edit, path)
            continue
        index = _index(sections, edit.key)
        if index is None:
            section = _new_section(edit, [s.key for s in sections], path)
        else:
            section = _changed(sections[index], edit, path)
            if edit.after is None:
                sections[index] = section
                continue
            del sections[index]
        if edit.after is not None:
            _place(sections, section, edit, path)
        else:
            sections.append(section)
    return tuple(sections)


# --- [top_sections.<key>] -----------------------------------------------------------------


def _top_sections(table: dict[str, Any], file: _File) -> tuple[TopSection, ...]:
    """The ``##`` sections docgen.toml adds, each placed after a top-level block (or after
    another top section, which resolves to the block that one follows). ``text`` is filled
    by read_settings, which reads the files."""
    found: list[TopSection] = []
    for key, raw in table.items():
        entry = _entry("top_sections", key, raw, _TOP_SECTION_KEYS, file)
        for needed in ("title", "file", "after"):
            if needed not in entry:
                raise file.error(f"top_sections.{key} needs {needed}", ("top_sections", key), _SEE)
        after = entry["after"]
        earlier = {s.key: s.after for s in found}
        if after not in TOP_BLOCKS and after not in earlier:
            choices = [*TOP_BLOCKS, *earlier]
            hint = suggestion(after, choices) or f"choose from {', '.join(choices)}"
            message = f"top_sections.{key}.after names no section: {after}"
            raise file.error(message, ("top_sections", key, "after"), hint)
        line = key_line(file.text, ("top_sections", key, "file"))
        found.append(
            TopSection(key, entry["title"], earlier.get(after, after), entry["file"], "", line)
        )
    return tuple(found)


def parse_settings(text: str, path: str, root: Path) -> Settings:
    """docgen.toml's text as Settings; ``root`` is the plugin folder, for relative paths.
    The files named by [top_sections] are not read here (see read_settings)."""
    data = parse_toml(text, path)
    file = _File(text, path)
    sections = file.expect(data.get("sections", {}), dict, ("sections",))
    top = file.expect(data.get("top_sections", {}), dict, ("top_sections",))
    fields = _fields(data, file, root)
    return Settings(
        **fields,
        section_edits=tuple(_section_edit(key, raw, file) for key, raw in sections.items()),
        top_sections=_top_sections(top, file),
        path=path,
        compat_line=key_line(text, ("compat",)),
        key_lines=tuple((key, key_line(text, key.split("."))) for key in _flat_keys(data, file)),
    )


def check_commands(settings: Settings, names: Iterable[str]) -> None:
    """Every command that docgen.toml names is a subcommand of the plugin."""
    known = set(names)
    for edit in settings.section_edits:
        for name, line in edit.named:
            if name not in known:
                hint = suggestion(name, known) or "name a file of subcommands/"
                message = f"sections.{edit.key} names {name}, which is no subcommand"
                raise DocgenError(message, path=settings.path, line=line, hint=hint)


# --- reading the file ---------------------------------------------------------------------


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


def _top_section_text(root: Path, section: TopSection, settings_path: str) -> TopSection:
    path = root / section.path
    problem = None
    if not inside(root, path):
        problem = "is outside the plugin folder"
    elif not path.exists():
        problem = "names no file"
    if problem is not None:
        raise DocgenError(
            f"top_sections.{section.key}.file {problem}: {section.path}",
            path=settings_path,
            line=section.line,
            hint="name a file of the plugin, relative to its root",
        )
    what = f"file of top_sections.{section.key}"
    text = read_text(root, path, what=what).removeprefix(BOM)
    return section._replace(path=display(path), text=text)


def _with_texts(root: Path, settings: Settings) -> Settings:
    """Each top section with the text of its file."""
    top = tuple(_top_section_text(root, s, settings.path) for s in settings.top_sections)
    return settings._replace(top_sections=top)


def read_settings(root: Path) -> Settings:
    """The plugin's docgen.toml, or the defaults when it has none."""
    path = root / SETTINGS_FILE
    if not path.exists() and not path.is_symlink():
        return default_settings()
    text = read_text(root, path, what=SETTINGS_FILE).removeprefix(BOM)
    settings = parse_settings(text, display(path), root)
    if settings.templates is not None and settings.templates.is_dir():
        _check_templates(root, settings.templates)
    return _with_texts(root, settings)
