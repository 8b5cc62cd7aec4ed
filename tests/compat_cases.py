"""Plugin trees on which bin/generate renders something odd without stopping: compat mode
must write what it writes, byte for byte (shared/reference/bin-generate-behaviour.md, the
section each case cites).

``tests/golden/compat/<case>.md`` holds the README the reference script wrote for each tree.
tests/test_compat_cases.py checks docgen against those files; ``python scripts/parity.py
--synthetic --generate PATH/TO/bin/generate`` builds the trees again and checks docgen against
the script itself.
"""

from __future__ import annotations

from typing import NamedTuple

from tests.plugin_factory import CONFIG_TEMPLATE, PLUGIN_TOML, UNIMPLEMENTED, script


class Case(NamedTuple):
    section: str  # of bin-generate-behaviour.md
    what: str
    plugin: dict[str, object]  # make_plugin's keyword arguments


def _start(body: str, desc: str = "start a service") -> dict[str, object]:
    """The plugin with a ``start`` command whose script body is ``body``."""
    text = f'#!/usr/bin/env bash\nservice-start-cmd() {{\n  declare desc="{desc}"\n{body}\n}}\n'
    return {"subcommands": {"start": text}}


def _config(old: str, new: str) -> str:
    assert old in CONFIG_TEMPLATE
    return CONFIG_TEMPLATE.replace(old, new)


def _docker(dockerfile: str) -> dict[str, object]:
    return {"dockerfile": dockerfile}


def _toml(extra: str) -> dict[str, object]:
    return {"plugin_toml": PLUGIN_TOML + extra}


CASES: dict[str, Case] = {
    "letterless-run": Case("A11", "a `_` run prints <->", _start('  local service_name="$1"')),
    "usage-from-a-comment": Case(
        "A11",
        "the last $1 line is a comment",
        _start('  declare SERVICE="$1"\n  #node_add "$1" "$2"'),
    ),
    "double-underscore": Case("A11", "a `__` run prints <-->", _start('  local a__b="$1" X="$2"')),
    "no-desc": Case(
        "A9",
        "### None and # None",
        {
            "subcommands": {
                "start": '#!/usr/bin/env bash\nservice-start-cmd() {\n  declare SERVICE="$1"\n}\n'
            }
        },
    ),
    "empty-script": Case(
        "A9", "an empty script is a command without desc", {"subcommands": {"start": ""}}
    ),
    "dotfile": Case("A7", "a .gitkeep is a command", {"subcommands": {".gitkeep": ""}}),
    "tab-in-name": Case(
        "A7", "a tab is written raw", {"subcommands": {"a\tb": script("a\tb", "tab")}}
    ),
    "bom-in-fragment": Case(
        "A1, A15",
        "the BOM of a docs fragment is written",
        {"docs": {"create.md": "\ufeffNotes.\n"}},
    ),
    "bom-before-sponsors": Case(
        "A1, A17",
        "a BOM hides a first-line sponsors line",
        {"plugin_toml": '\ufeffsponsors = ["acme"]\n[plugin]\ndescription = "x"\n'},
    ),
    "bom-before-example": Case(
        "A1, A13",
        "a BOM hides a first-line #E",
        {"subcommands": {"start": "\ufeff#E bom example\n" + script("start", "start it")}},
    ),
    "unimplemented-multiline": Case(
        "A17",
        "an array over several lines names no command",
        {
            "config": CONFIG_TEMPLATE + 'export PLUGIN_UNIMPLEMENTED_SUBCOMMANDS=(\n  "stop"\n)\n',
            "subcommands": {"stop": script("stop", "stop it")},
        },
    ),
    "flag-marker-inside": Case(
        "A10, A12",
        "every #F in the line goes",
        _start('  #F -x|--extra, like #F -y above\n  declare S="$1"'),
    ),
    "flag-help-config-options": Case(
        "A12",
        "a help text that mentions --config-options gets the default",
        _start('  #F -x|--extra, passed after --config-options values\n  declare S="$1"'),
    ),
    "substitution-makes-usage": Case(
        "A10, A11",
        "a substituted value with $1 makes a usage line",
        {
            "config": _config('PLUGIN_SCHEME="mini"', 'PLUGIN_SCHEME="$1x"'),
            "subcommands": {"start": script("start", "start it") + 'echo "${PLUGIN_SCHEME}://"\n'},
        },
    ),
    "from-digest-only": Case(
        "A4, A17", "split at the digest's colon", _docker("FROM postgres@sha256:abcdef\n")
    ),
    "from-registry-port": Case(
        "A4, A17", "split at the port's colon", _docker("FROM registry:5000/db\n")
    ),
    "from-ghcr": Case(
        "A4", "a Docker Hub link for ghcr.io", _docker("FROM ghcr.io/owner/image:1.0\n")
    ),
    "from-arg": Case(
        "A17", "ARGs are not expanded", _docker("ARG VERSION=9.9\nFROM mini/server:${VERSION}\n")
    ),
    "from-comment": Case(
        "A17", "#FROM in a comment wins", _docker("FROM mini/server:1.2.3\n#FROM old/image:0.1\n")
    ),
    "from-lowercase": Case(
        "A17", "a lowercase from is no FROM", _docker("FROM mini/server:1.2.3\nfrom other/img:2\n")
    ),
    "from-label": Case(
        "A17",
        "a LABEL mentioning FROM",
        _docker('FROM mini/server:1\nLABEL note:x="copied FROM upstream"\n'),
    ),
    "from-empty-tag": Case("A4, A17", "an empty tag", _docker("FROM mini/server:\n")),
    "from-empty-image": Case("A4, A17", "an empty image", _docker("FROM :1.0\n")),
    "sponsors-indented": Case(
        "A17", "an indented sponsors line is not read", _toml('  sponsors = ["a"]\n')
    ),
    "sponsors-twice": Case(
        "A17",
        "the last sponsors line wins",
        {"plugin_toml": 'sponsors = ["first"]\n[plugin]\nsponsors = ["second"]\n'},
    ),
    "sponsors-spacing": Case("A17", "no white space strip", _toml('sponsors = ["a",  "b" ,"c"]\n')),
    "plugin-toml-not-toml": Case(
        "A17", "plugin.toml is never parsed", {"plugin_toml": 'version = 0.1.0\nsponsors = ["a"]\n'}
    ),
    "sponsors-bracket-in-comment": Case(
        "A17", "[b] in a comment", {"plugin_toml": 'sponsors = "a" # [b]\n'}
    ),
    "nul-in-comment": Case(
        "A1", "a NUL is a character", {"subcommands": {"start": script("start", "go") + "# \x00\n"}}
    ),
    "unused-fragment-not-utf8": Case(
        "A15", "an unused fragment is never read", {"docs": {"nosuch.md": b"caf\xe9\n"}}
    ),
    "unimplemented-not-utf8": Case(
        "A7",
        "an unimplemented script is never read",
        {
            "subcommands": {"stop": b"caf\xe9\n"},
            "config": _config(UNIMPLEMENTED, f'{UNIMPLEMENTED} "stop"'),
        },
    ),
}
