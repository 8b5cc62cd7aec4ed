"""``docgen init``: the docgen.toml that makes docgen write a plugin's committed README.

It never runs the plugin's code. It reads the README the plugin has, infers what settings
it shows (the repository, the badges, "Unofficial", a notice, the install line...), renders
the plugin with every compat profile and keeps the nearest. What is left is shown hunk by
hunk, each with the setting or block override that would express it.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from docgen.build.model import Readme
from docgen.build.profiles import Profile, profiles
from docgen.errors import DocgenError
from docgen.pipeline import Result, from_source
from docgen.read.records import PluginSource
from docgen.read.settings import BADGES, default_settings, parse_settings


class Hunk(NamedTuple):
    lines: tuple[str, ...]  # the unified diff lines of the hunk
    hint: str  # the setting or block override that would express it, or what is left


class Migration(NamedTuple):
    profile: Profile
    settings: str  # the text of docgen.toml
    differing: int  # lines of the README that docgen would write otherwise
    hunks: tuple[Hunk, ...]
    script: Profile | None  # the profile of the plugin's bin/generate, when docgen knows it


def blob_id(data: bytes) -> str:
    """The id git gives a file's content (``git hash-object``)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def script_profile(script: bytes | None) -> Profile | None:
    """The profile of a bin/generate that is one of the released versions."""
    if script is None:
        return None
    blob = blob_id(script)
    return next((p for p in profiles() if any(blob.startswith(b) for b in p.blobs)), None)


# --- settings the README shows --------------------------------------------------------------

_GITHUB = re.compile(r"github\.com/(?P<owner>[\w.-]+)/(?P<name>[\w.-]+?)(?:\.git|/|\))")
_BRANCH = re.compile(r"(?:branch=|branch%3A|/tree/|/CI/)(?P<branch>[\w.-]+)")


def _title(readme: list[str]) -> dict[str, object]:
    """The repository, branch and badges of the title line."""
    found: dict[str, object] = {}
    title = readme[0] if readme and readme[0].startswith("# dokku ") else ""
    badges = [b for b, marker in (("ci", "Build Status"), ("irc", "IRC")) if marker in title]
    badges.sort(key=lambda b: title.index("Build Status" if b == "ci" else "IRC"))
    if tuple(badges) != BADGES:
        found["readme.badges"] = badges
    branch = _BRANCH.search(title)
    if branch and branch.group("branch") != "master":
        found["repository.branch"] = branch.group("branch")
    return found


def _install(readme: list[str], prefix: str) -> dict[str, object]:
    """The repository of the install line, and the line's form (settings_text drops the
    form where it is the profile's own)."""
    line = next((x for x in readme if "dokku plugin:install" in x), "")
    match = _GITHUB.search(line)
    found: dict[str, object] = {}
    if match is None:
        return found
    owner, name = match.group("owner"), match.group("name")
    if owner != "dokku":
        found["repository.owner"] = owner
    if name != f"dokku-{prefix}":
        found["repository.name"] = name
    form = line.replace(f"github.com/{owner}/{name}.git", "github.com/{repository}.git")
    if prefix and form.endswith(f" {prefix}"):
        form = form[: -len(prefix)] + "{prefix}"
    if "{" not in form.replace("{repository}", "").replace("{prefix}", ""):
        found["readme.install"] = form
    return found


def _paragraphs(readme: list[str]) -> dict[str, object]:
    """Unofficial, a banner under the title, a notice after the description, versions."""
    found: dict[str, object] = {}
    text = "\n".join(readme)
    blocks = text.split("\n\n")
    description = next(
        (i for i, b in enumerate(blocks) if "Currently defaults to installing " in b), None
    )
    if description is not None:
        if blocks[description].startswith("Unofficial "):
            found["readme.official"] = False
        if "Currently defaults to installing [" not in blocks[description]:
            found["readme.image_link"] = False
        if description > 1:
            found["readme.banner"] = "\n\n".join(blocks[1:description])
        after = blocks[description + 1] if description + 1 < len(blocks) else ""
        if after and not after.startswith("## "):
            found["readme.notice"] = after
    docker = re.search(r"^- docker (\S+)$", text, re.M)
    if docker and docker.group(1) != "1.8.x":
        found["readme.docker_version"] = docker.group(1)
    dokku = re.search(r"^- dokku (\S+)$", text, re.M)
    if dokku:
        found["readme.dokku_version"] = dokku.group(1)
    return found


def inferred(readme: str, prefix: str) -> dict[str, object]:
    """The docgen.toml keys whose values the README shows and that differ from defaults."""
    lines = readme.split("\n")
    return {**_title(lines), **_install(lines, prefix), **_paragraphs(lines)}


def settings_text(profile: Profile, keys: dict[str, object]) -> str:
    """docgen.toml: the profile, then each inferred key in its table; a key with the
    profile's own value is left out."""
    own = {
        "readme.install": profile.boilerplate.install,
        "readme.dokku_version": profile.boilerplate.dokku_version,
    }
    out = [
        "# docgen settings: see docgen's README, Customising the README.",
        f'compat = "{profile.name}"',
    ]
    for table in ("repository", "readme"):
        entries = [
            (key.split(".", 1)[1], value)
            for key, value in keys.items()
            if key.startswith(f"{table}.") and own.get(key, not value) != value
        ]
        if entries:
            out += ["", f"[{table}]", *(f"{key} = {_toml(value)}" for key, value in entries)]
    return "\n".join(out) + "\n"


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    text = str(value)
    if "\n" in text or '"' in text or "\\" in text:
        return '"""\n' + text.replace("\\", "\\\\").replace('"""', '\\"""') + '"""'
    return f'"{text}"'


# --- the nearest profile ----------------------------------------------------------------------


class _Candidate(NamedTuple):
    profile: Profile
    settings: str
    result: Result


def _render(source: PluginSource, profile: Profile, text: str) -> _Candidate | None:
    settings = parse_settings(text, "docgen.toml (inferred)", source.root)
    try:
        result = from_source(source._replace(settings=settings))
    except DocgenError:
        return None  # the plugin does not render with this version (a file it needs is missing)
    return _Candidate(profile, text, result)


def _differing(readme: str, rendered: str) -> int:
    diff = difflib.ndiff(readme.splitlines(), rendered.splitlines())
    return sum(1 for line in diff if line[:1] in "+-")


def _choose(readme: str, candidates: list[_Candidate], script: Profile | None) -> _Candidate:
    """Zero diff wins; else the plugin's own bin/generate version (a README edited by hand
    says little about the version), else the fewest differing lines. Among equals: the
    mainline before a side branch's version, then the newest."""
    scored = [
        (_differing(readme, c.result.text), c.profile.side_branch, -i, c)
        for i, c in enumerate(candidates)
    ]
    zero = [c for score, _, _, c in sorted(scored, key=lambda s: s[:3]) if score == 0]
    own = [c for c in candidates if c.profile == script]
    if zero:
        return next((c for c in zero if c.profile == script), zero[0])
    if own:
        return own[0]
    return min(scored, key=lambda item: item[:3])[3]


def nearest(source: PluginSource, readme: str, script: Profile | None) -> Migration:
    """The profile whose README is nearest the committed one, with the settings the README
    shows, and the section edits that move commands where the README has them."""
    keys = inferred(readme, _prefix(readme))
    own = _render(source, script, settings_text(script, keys)) if script else None
    if own is not None and own.result.text == readme:  # zero diff wins: no need for the rest
        return Migration(own.profile, own.settings, 0, (), script)
    found = [_render(source, p, settings_text(p, keys)) for p in profiles()]
    candidates = [c for c in found if c is not None]
    if not candidates:
        raise DocgenError(
            "renders with no compat profile",
            path=str(source.root),
            hint="run docgen on it to see why",
        )
    best = _choose(readme, candidates, script)
    edits = section_edits(readme, best.result.readme)
    if edits:
        moved = _render(source, best.profile, best.settings + edits)
        if moved is not None and _differing(readme, moved.result.text) < _differing(
            readme, best.result.text
        ):
            best = moved
    text = best.result.text
    differing = _differing(readme, text)
    return Migration(best.profile, best.settings, differing, tuple(hunks(readme, text)), script)


def _prefix(readme: str) -> str:
    title = readme.split("\n", 1)[0]
    return title[len("# dokku ") :].split(" ")[0] if title.startswith("# dokku ") else ""


# --- usage sections the README shows --------------------------------------------------------------


def _command_at(lines: Sequence[str], index: int) -> str | None:
    """The command whose block starts at heading ``index``: the name on its usage line."""
    window = lines[index + 1 : index + 5]
    if "# usage" not in window:
        return None
    usage = window[window.index("# usage") + 1] if window[-1] != "# usage" else ""
    match = re.match(r"dokku [^:\s]+:(\S+)", usage)
    return match.group(1) if match else None


def _usage_sections(readme: str) -> dict[str, list[str]]:
    """The commands under each ``### section`` heading of the README's Usage, by title."""
    found: dict[str, list[str]] = {}
    current = ""
    lines = readme.split("\n")
    start = next((i for i, line in enumerate(lines) if line == "## Usage"), len(lines))
    for index in range(start, len(lines)):
        line = lines[index]
        if not line.startswith("### ") or line.startswith("### Disabling"):
            continue
        name = _command_at(lines, index)
        if name is None:
            current = line[4:]
            found.setdefault(current, [])
        elif current:
            found[current].append(name)
    return found


def section_edits(readme: str, model: Readme) -> str:
    """docgen.toml tables for the usage sections whose commands differ in the README."""
    shown = {s.key: [c.name for c in s.commands] for s in model.sections}
    keys = {s.title: s.key for s in model.boilerplate.sections}
    out: list[str] = []
    previous = ""
    for title, commands in _usage_sections(readme).items():
        key = keys.get(title)
        if key is None:
            key = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "section"
            out += [
                "",
                f"[sections.{key}]",
                f"title = {_toml(title)}",
                f"commands = {_toml(commands)}",
            ]
            out += [f"after = {_toml(previous)}"] if previous else []
        elif commands and shown.get(key) != commands:
            out += ["", f"[sections.{key}]", f"commands = {_toml(commands)}"]
        previous = key
    return "\n".join(out) + "\n" if out else ""


# --- what is left -------------------------------------------------------------------------------

# How to change each top-level block of the README, by its heading.
_BLOCK_HINTS = {
    "title": "the title line: [readme] badges, banner, [repository] (or override block title)",
    "description": "the description: [readme] official, image_link, notice "
    "(or override block description)",
    "## Sponsors": "plugin.toml's sponsors (or override block sponsors)",
    "## Requirements": "[readme] dokku_version, docker_version (or override block requirements)",
    "## Installation": '[readme] install = "..." (or override block installation)',
    "## Commands": "the Commands block follows subcommands/ (or override block commands)",
    "## Usage": "[sections.<key>] title, intro, drop_paragraphs (or override block usage)",
    "### Disabling": "override block docker_pull (partials/docker_pull.md.j2, block pull)",
}


def _where(readme: Sequence[str], index: int) -> tuple[str, str]:
    """The top-level block (its heading) and the last ``###`` heading at README line
    ``index``; lines in code fences are no headings."""
    block, sub, fenced = "title", "", False
    for number, line in enumerate(readme[: index + 1]):
        if line.startswith("```"):
            fenced = not fenced
        elif fenced:
            continue
        elif line.startswith("## "):
            block, sub = line, ""
        elif line.startswith("### Disabling"):
            block, sub = "### Disabling", ""
        elif line.startswith("### "):
            sub = line
        elif number > 0 and block == "title" and line:
            block = "description"
    return block, sub


def _hint(readme: Sequence[str], index: int, removed: Sequence[str]) -> str:
    """The setting or override for a hunk whose first change is at README line ``index``."""
    extra = next((x for x in removed if x.startswith("## ") and x not in _BLOCK_HINTS), None)
    if extra is not None:
        return f"a top section: [top_sections.<key>] title = {extra[3:]!r}, file = <its text>"
    if (readme[-1:] and index >= len(readme) - 1) or any(
        x.startswith("## License") for x in removed
    ):
        return "text after the last section: override block footer"
    block, sub = _where(readme, index)
    if block == "## Usage" and sub and sub[4:] not in ("Basic Usage",):
        return (
            f"the command under {sub!r}: its script in subcommands/ or docs/ "
            "(or override partials/command.md.j2)"
        )
    return _BLOCK_HINTS.get(block, "override the template block that writes it")


def hunks(readme: str, rendered: str) -> Iterator[Hunk]:
    """The differences, as unified diff hunks with one line of context, each with its hint."""
    old, new = readme.splitlines(), rendered.splitlines()
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for group in matcher.get_grouped_opcodes(1):
        body = [f"@@ -{group[0][1] + 1} +{group[0][3] + 1} @@"]
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                body += [f" {line}" for line in old[i1:i2]]
                continue
            body += [f"-{line}" for line in old[i1:i2]]
            body += [f"+{line}" for line in new[j1:j2]]
        changed = next(i1 for tag, i1, _, _, _ in group if tag != "equal")
        removed = [old[i] for tag, i1, i2, _, _ in group if tag != "equal" for i in range(i1, i2)]
        yield Hunk(tuple(body), _hint(old, changed, removed))


def start(source: PluginSource, readme: str | None, script: bytes | None) -> Migration:
    """The migration of a plugin read with default settings."""
    if readme is None:
        raise DocgenError(
            "has no README.md to match",
            path=str(source.root),
            hint="run bin/generate once, or docgen to write one",
        )
    source = source._replace(settings=default_settings())
    return nearest(source, readme, script_profile(script))
