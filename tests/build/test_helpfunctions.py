"""docgen.build.helpfunctions: a script read the way the plugins' help-functions reads it.
tests/test_help.py checks whole outputs (verified with the reference capture script)."""

from __future__ import annotations

import pytest

from docgen.build.expansion import Value
from docgen.build.helpfunctions import (
    Line,
    description,
    examples,
    implemented,
    rows,
    sanitised,
    usage,
)
from docgen.build.model import HelpExample, HelpRow
from docgen.read.records import SubcommandSource

VALUES: dict[str, Value] = {"PLUGIN_SERVICE": "Mini", "PLUGIN_COMMAND_PREFIX": "mini"}


def _lines(*texts: str) -> list[Line]:
    return [Line(number, text) for number, text in enumerate(texts, start=1)]


def test_sanitised_keeps_the_function_on() -> None:
    text = (
        '#!/bin/bash\n#E before the function\nf() {\n  #E in it\n\n  x-cmd "$@"\n'
        "\x00  #A nul\n}\nunterminated"
    )
    assert sanitised(text) == [
        Line(3, "f() {"),
        Line(4, "  #E in it"),
        Line(7, "  #A nul"),
        Line(8, "}"),
    ]


def test_sanitised_first_line_loses_one_comma() -> None:
    assert sanitised("f() {,\n") == [Line(1, "f() {")]
    assert sanitised("f() {,,\n") == [Line(1, "f() {,,")]


@pytest.mark.parametrize(
    ("line", "words"),
    [
        (
            'declare SERVICE="$1" TAIL_FLAG="$2" TAIL_NUM_OPTIONAL="${3:-all}"',
            ["<service>", "[-t|--tail]", "[<tail-num>]"],
        ),
        (
            'declare SERVICE="$1" USE_IAM_OPTIONAL_FLAG="$2"',
            ["<service>", "[-u|--use-iam-optional]"],
        ),
        ('declare INFO_FLAG="$1" info_FLAG="$2"', ["[--single-info-flag]", "[-i|--info]"]),
        (
            'declare L=("$@") X_FLAGS_LIST=("${@:2}") PORTS_LIST=("${@:2}")',
            ["<l>", "[--x-flags...]", "<ports...>"],
        ),
        ('declare A_FLAG_B_FLAG="$1" _FLAG="$2"', ["[-a|--a-b-flag]", "[-|--]"]),
        # a quoted value with a space inside gives a bogus name, as in help-functions
        ('declare A="x y=z"', ["<a>", "<y>"]),
        ('local SERVICE="$1"', []),
    ],
)
def test_usage(line: str, words: list[str]) -> None:
    tokens, number = usage(_lines("f() {", f"  {line}"))
    assert [token.text for token in tokens] == words
    assert number == (2 if words else None)


def test_usage_skips_the_desc_line() -> None:
    tokens, number = usage(_lines('declare desc="x"', 'declare X="$1"'))
    assert ([t.text for t in tokens], number) == (["<x>"], 2)


@pytest.mark.parametrize(
    ("line", "page", "overview"),
    [
        ('  declare desc="a $PLUGIN_SERVICE service"', "a Mini service", "a Mini service"),
        ('  declare desc="$1 ($2)"', "x (true)", "x ()"),
        ("  declare desc='a $PLUGIN_SERVICE'", "a $PLUGIN_SERVICE", "a $PLUGIN_SERVICE"),
        ('  local desc="local works" other=1', "local works", "local works"),
        ("  #E a description", "  #E a description", "  #E a description"),
        # bash keeps one backslash, echo -e makes a tab of it
        ('  declare desc="tab\\\\there"', "tab\there", "tab\there"),
    ],
)
def test_description(line: str, page: str, overview: str) -> None:
    assert description(_lines("f() {", line), "x", VALUES.get) == (page, overview, 2)


def test_no_description() -> None:
    assert description(_lines("f() {", "  declare X=1"), "x", VALUES.get) is None


def test_rows() -> None:
    lines = _lines(
        "f() {",
        "  #F -a|--all, all of $PLUGIN_SERVICE",
        "  #F --nocomma",
        "  #A not a flag",
        "Also #F x, after the first F",
        "  #F",
    )
    assert rows(lines, "F", VALUES.get) == (
        HelpRow("-a|--all", " all of Mini", 2),
        HelpRow("--nocomma", "--nocomma", 3),
        HelpRow("x", " after the first F", 5),
    )


def test_examples() -> None:
    lines = _lines(
        "f() {",
        "  #E dokku $PLUGIN_COMMAND_PREFIX:x",
        "  #E     code   kept",
        "  #E > quote",
        "  #E $1",
    )
    assert examples(lines, VALUES.get) == (
        HelpExample("command", "dokku mini:x", 2),
        HelpExample("code", "code   kept", 3),
        HelpExample("quote", "> quote", 4),
        # $1 is the block before expansion: each line cut after its first space
        HelpExample("text", " #E dokku $PLUGIN_COMMAND_PREFIX:x", 5),
        HelpExample("code", "code   kept", 5),
        HelpExample("quote", "> quote", 5),
        HelpExample("text", "$1", 5),
    )


def test_implemented() -> None:
    scripts = [
        SubcommandSource(name, f"p/subcommands/{name}")
        for name in (".hidden", "a", "b", "x:b", "x:c:d")
    ]
    folder = SubcommandSource("dir", "p/subcommands/dir", folder=True)
    # a name with a colon is compared by its part after the first one, up to the next
    found = implemented([*scripts, folder], ["b"])
    assert [script.name for script in found] == ["a", "x:c:d"]
    assert [s.name for s in implemented(scripts, ["c"])] == ["a", "b", "x:b"]
