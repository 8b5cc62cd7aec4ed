"""docgen.build.synopsis: corrected mode's usage, read from the script's bash."""

from __future__ import annotations

import pytest

from docgen.build import bash
from docgen.build.model import Flag, UsageToken
from docgen.build.synopsis import display, synopsis


def _usage(body: str, *flags: str) -> str:
    specs = [Flag(spec, "help", None, 100 + n) for n, spec in enumerate(flags)]
    return " ".join(token.text for token in synopsis(body, specs))


# The shapes of the official plugins' scripts, and what each accepts.
@pytest.mark.parametrize(
    ("body", "flags", "expected"),
    [
        ('declare SERVICE="$1"', (), "<service>"),
        ("echo nothing", (), ""),
        # an argument defaulted later is optional
        ('declare SERVICE="$1" APP="$2"\nAPP=${APP:="$DOKKU_APP_NAME"}', (), "<service> [<app>]"),
        ('declare APP="$1"\n  APP=${APP:="$DOKKU_APP_NAME"}', (), "[<app>]"),
        ('declare SERVICE="$1" APP="$2"\n: "${APP:=default}"', (), "<service> [<app>]"),
        # a default on the declare line, or the name, makes it optional
        ('declare SERVICE="$1" NAME="${2:-x}"', (), "<service> [<name>]"),
        ('declare SERVICE="$1" NAME_OPTIONAL="$2"', (), "<service> [<name>]"),
        # a flag followed by the optional value its #F line names
        (
            'declare SERVICE="$1" TAIL_FLAG="$2" TAIL_NUM_OPTIONAL="${3:-all}"',
            ("-t|--tail [<tail-num>]",),
            "<service> [-t|--tail [<tail-num>]]",
        ),
        # ... and one whose #F line names no value: the value stays a word of its own
        (
            'declare SERVICE="$1" TAIL_FLAG="$2" TAIL_NUM_OPTIONAL="${3:-all}"',
            ("-t|--tail",),
            "<service> [-t|--tail] [<tail-num>]",
        ),
        (
            'declare SERVICE="$1" BUCKET_NAME="$2" USE_IAM_OPTIONAL_FLAG="$3"',
            ("-u|--use-iam",),
            "<service> <bucket-name> [-u|--use-iam]",
        ),
        ('declare SERVICE="$1" FORCE_FLAG="$2"', ("-f|--force",), "<service> [-f|--force]"),
        # a flag name without a #F line of its own: a choice among the #F lines
        (
            'declare SERVICE="$1" INFO_FLAG="$2"',
            ("--config-dir", "--data-dir", "--dsn"),
            "<service> [--info-flags...]",
        ),
        ('declare SERVICE="$1" INFO_FLAG="$2"', ("--dsn",), "<service> [--dsn]"),
        ('declare SERVICE="$1" INFO_FLAG="$2"', (), "<service> [--info]"),
        # lists
        ('declare SERVICE="$1" PORTS_LIST=("${@:2}")', (), "<service> [<ports...>]"),
        (
            'declare SERVICE="$1" APP="$2" LINK_FLAGS_LIST=("${@:3}")\n'
            'APP=${APP:="$DOKKU_APP_NAME"}',
            ('-a|--alias "BLUE_DATABASE"', '-n|--no-restart "false"'),
            "<service> [<app>] [--link-flags...]",
        ),
        # a #F line that no name takes: a global flag, without its value
        (
            'declare SERVICE="$1" APP="$2"\nAPP=${APP:="$DOKKU_APP_NAME"}',
            ('-n|--no-restart "false"',),
            "<service> [<app>] [-n|--no-restart]",
        ),
        # the order of the parameters, not of the names
        ('declare B="$2" A="$1"', (), "<a> <b>"),
        # assignments that read no positional parameter are no arguments
        ('declare SERVICE="$1" LOCAL="x" ALL=("$@")', (), "<service> [<all...>]"),
        ('local cmd="x" argv=("$@")\n  declare SERVICE="$1"', (), "<service>"),
        # the first declare line that reads a positional parameter
        ('declare desc="x $1"\ndeclare SERVICE="$1"\ndeclare OTHER="$1"', (), "<service>"),
        # a comment is no statement
        ('# declare NOT="$1"\ndeclare SERVICE="$1"', (), "<service>"),
    ],
)
def test_synopsis(body: str, flags: tuple[str, ...], expected: str) -> None:
    assert _usage(body, *flags) == expected


def test_tokens_say_what_each_word_is() -> None:
    body = 'declare SERVICE="$1" TAIL_FLAG="$2" TAIL_NUM_OPTIONAL="${3:-all}"'
    assert synopsis(body, [Flag("-t|--tail [<tail-num>]", "follow", None, 7)]) == (
        UsageToken("<service>", "argument", "service", False, 1),
        UsageToken("[-t|--tail [<tail-num>]]", "flag", "tail", True, 7),
    )
    assert synopsis('declare X="$1" L=("${@:2}")', []) == (
        UsageToken("<x>", "argument", "x", False, 1),
        UsageToken("[<l...>]", "list", "l", True, 1),
    )


def test_unparsable_declare_line_gives_no_usage() -> None:
    assert _usage('declare SERVICE="$1" BROKEN=("${@:2}"') == ""


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("SERVICE", "service"),
        ("TAIL_NUM_OPTIONAL", "tail-num"),
        ("PORTS_LIST", "ports"),
        ("LINK_FLAGS_LIST", "link-flags"),
        ("_OPTIONAL", "-optional"),
    ],
)
def test_display(name: str, shown: str) -> None:
    assert display(name) == shown


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ('declare A="$1" L=("${@:2}")', [("A", "$1", None), ("L", None, ["${@:2}"])]),
        ("declare E=() X=1", [("E", None, []), ("X", "1", None)]),
        ('declare A=(a "b c)")', [("A", None, ["a", "b c)"])]),
        ("echo hi", []),
    ],
)
def test_assignments(
    statement: str, expected: list[tuple[str, str | None, list[str] | None]]
) -> None:
    found = bash.assignments(statement)
    assert found is not None
    assert [
        (
            a.name,
            None if a.value is None else a.value.text,
            None if a.items is None else [w.text for w in a.items],
        )
        for a in found
    ] == expected


@pytest.mark.parametrize("statement", ["declare A=(unclosed", "if then", 'declare A=("x" ('])
def test_assignments_of_no_simple_command(statement: str) -> None:
    assert bash.assignments(statement) is None
