"""docgen.scan: one subcommand script's lines -> description, usage, flags, examples (A10-A13)."""

from __future__ import annotations

import pytest

from docgen.build import compat
from docgen.build.commands import Scanned, scan
from docgen.build.compat import COMPAT, CORRECTED, Quirks
from docgen.build.examples import examples
from docgen.build.model import Argument, Example, Flag
from docgen.errors import Diagnostic
from docgen.read.records import SubcommandSource

PATH = "plug/subcommands/x"


def _scan(text: str, quirks: Quirks, expand: object = None) -> Scanned:
    source = SubcommandSource("x", PATH, text=text)
    return scan(source, quirks, expand or (lambda line: line))  # type: ignore[arg-type]


def _literal(line: str) -> str:
    return compat.literal_substitute(
        line, "mini", "MINI", "MINI", "mini/server", "mini", ["1234", "5678"]
    )


# --- description --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "compat_desc", "corrected_desc"),
    [
        ('declare desc="create a service"', "create a service", "create a service"),
        # greedy quotes vs bash's reading
        ('declare desc="say "hi" now"', 'say "hi" now', "say hi now"),
        ('declare desc="x" # "comment"', 'x" # "comment', "x"),
        # no double quotes: compat falls back to bash's reading (the script crashes)
        ("declare desc='x'", "x", "x"),
        ("declare desc=x", "x", "x"),
        ('declare description="long"', "long", "long"),
        # the last declare desc line wins
        ('declare desc="first"\ndeclare desc="second"', "second", "second"),
        ("echo nothing", None, None),
    ],
)
def test_description(text: str, compat_desc: str | None, corrected_desc: str | None) -> None:
    assert (_scan(text, COMPAT).description, _scan(text, CORRECTED).description) == (
        compat_desc,
        corrected_desc,
    )


def test_description_is_expanded() -> None:
    text = 'declare desc="create a $PLUGIN_COMMAND_PREFIX service"'
    assert _scan(text, COMPAT, _literal).description == "create a mini service"


@pytest.mark.parametrize("quirks", [COMPAT, CORRECTED], ids=["compat", "corrected"])
def test_unreadable_description_warns(quirks: Quirks) -> None:
    scanned = _scan('#!/bin/bash\n\n  declare desc="unbalanced', quirks)
    assert scanned.description is None
    assert scanned.warnings == (
        Diagnostic(PATH, 3, 'cannot read the value of declare desc=; write declare desc="..."'),
    )


# --- usage --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "compat_usage", "corrected_usage"),
    [
        ('declare SERVICE="$1"', "<service>", "<service>"),
        (
            'declare SERVICE="$1" TAIL_FLAG="$2" TAIL_NUM_OPTIONAL="${3:-all}"',
            "<service> [-t|--tail] <tail-num-optional>",
            "<service> [--tail] [<tail-num>]",
        ),
        (
            'declare SERVICE="$1" CREATE_FLAGS_LIST=("${@:2}")',
            "<service> [--create-flags...]",
            "<service> [--create-flags...]",
        ),
        (
            'declare SERVICE="$1" NAME_OPTIONAL="$2" FORCE_FLAG="$3"',
            "<service> <name-optional> [-f|--force]",
            "<service> [<name>] [--force]",
        ),
        # compat: the last $1 line wins; corrected: the first declare line that reads one
        (
            'declare SERVICE="$1"\ndeclare SERVICE="$1" APP="$2"',
            "<service> <app>",
            "<service>",
        ),
        # a later $1 line without names: compat takes it, corrected keeps the declare line
        ('declare SERVICE="$1" APP="$2"\n[[ -z $1 ]] && exit', "", "<service> <app>"),
        # a later default makes an argument optional (corrected)
        (
            'declare SERVICE="$1" APP="$2"\nAPP=${APP:="$DOKKU_APP_NAME"}',
            "<service> <app>",
            "<service> [<app>]",
        ),
        # no $1 line: no arguments
        ("echo hi", "", ""),
    ],
)
def test_usage(text: str, compat_usage: str, corrected_usage: str) -> None:
    assert (_scan(text, COMPAT).usage, _scan(text, CORRECTED).usage) == (
        compat_usage,
        corrected_usage,
    )


def test_corrected_usage_reads_the_flags() -> None:
    text = """\
  #F -t|--tail [<tail-num>], follow the log
  declare SERVICE="$1" TAIL_FLAG="$2" TAIL_NUM_OPTIONAL="${3:-all}"
"""
    scanned = _scan(text, CORRECTED)
    assert (scanned.usage, scanned.usage_line) == ("<service> [-t|--tail [<tail-num>]]", 2)
    assert [(word.text, word.line) for word in scanned.synopsis] == [
        ("<service>", 2),
        ("[-t|--tail [<tail-num>]]", 1),
    ]
    assert _scan(text, COMPAT).synopsis == ()


def test_example_with_dollar_one_is_swallowed_in_compat() -> None:
    """A10: `#E` lines containing `$1` are taken for the usage line; the last one wins."""
    text = 'declare SERVICE="$1"\n#E dokku x:y $1'
    compat_scan, corrected_scan = _scan(text, COMPAT), _scan(text, CORRECTED)
    assert (compat_scan.usage, compat_scan.example_lines) == ("<e>", ())
    assert (corrected_scan.usage, corrected_scan.example_lines) == ("<service>", ("dokku x:y $1",))


def test_example_with_dollar_one_before_declare() -> None:
    text = '#E dokku x:y $1\ndeclare SERVICE="$1"'
    assert (_scan(text, COMPAT).usage, _scan(text, COMPAT).example_lines) == ("<service>", ())
    assert _scan(text, CORRECTED).example_lines == ("dokku x:y $1",)


@pytest.mark.parametrize(
    ("line", "compat_result", "corrected_result"),
    [
        (
            "#F -x|--x $1, flag",
            ((), "<f>"),
            ((Flag("-x|--x $1", "flag", None, 1),), "[-x|--x]"),
        ),
        ("#A name $1, arg", ((), "<a>"), ((Argument("name $1", "arg", 1),), "")),
    ],
)
def test_annotations_with_dollar_one(
    line: str,
    compat_result: tuple[tuple[object, ...], str],
    corrected_result: tuple[tuple[object, ...], str],
) -> None:
    def summary(scanned: Scanned) -> tuple[tuple[object, ...], str]:
        return (scanned.flags or scanned.arguments, scanned.usage)

    assert summary(_scan(line, COMPAT)) == compat_result
    assert summary(_scan(line, CORRECTED)) == corrected_result


# --- annotations --------------------------------------------------------------------------


@pytest.mark.parametrize("quirks", [COMPAT, CORRECTED], ids=["compat", "corrected"])
def test_flags_split_on_first_comma(quirks: Quirks) -> None:
    text = '#F -a|--all, all, of it\n#F -c|--config-options "--args --go=here", extra arguments'
    assert _scan(text, quirks).flags == (
        Flag("-a|--all", "all, of it", None, 1),
        Flag('-c|--config-options "--args --go=here"', "extra arguments", None, 2),
    )


@pytest.mark.parametrize("quirks", [COMPAT, CORRECTED], ids=["compat", "corrected"])
def test_flag_without_comma_warns_with_line_number(quirks: Quirks) -> None:
    scanned = _scan("#!/usr/bin/env bash\n# x\n  #F --flag no comma\n#F -a|--all, all", quirks)
    assert scanned.flags == (
        Flag("--flag no comma", None, None, 3),
        Flag("-a|--all", "all", None, 4),
    )
    assert scanned.warnings == (
        Diagnostic(PATH, 3, "#F has no comma; write #F -x|--flag, description"),
    )


@pytest.mark.parametrize("quirks", [COMPAT, CORRECTED], ids=["compat", "corrected"])
def test_arguments(quirks: Quirks) -> None:
    scanned = _scan("#A service, the service\n\n#A nocomma", quirks)
    assert scanned.arguments == (
        Argument("service", "the service", 1),
        Argument("nocomma", "", 3),
    )
    assert scanned.warnings == (Diagnostic(PATH, 3, "#A has no comma; write #A name, description"),)


# --- example lines ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "compat_lines", "corrected_lines"),
    [
        ("#E see #E inside", ("see inside",), ("see #E inside",)),
        ("#E dokku x:create lollipop", ("dokku x:create lollipop",), ("dokku x:create lollipop",)),
        ("#E     indented code", ("    indented code",), ("    indented code",)),
        ("#E \tx", ("\tx",), ("\tx",)),
        # blank #E lines are ignored
        ("#E\n#E \n  #E  ", (), ()),
        ("#Example not an annotation", (), ()),
    ],
)
def test_example_lines(
    text: str, compat_lines: tuple[str, ...], corrected_lines: tuple[str, ...]
) -> None:
    assert (_scan(text, COMPAT).example_lines, _scan(text, CORRECTED).example_lines) == (
        compat_lines,
        corrected_lines,
    )


def test_example_lines_are_expanded() -> None:
    text = '#E export ${PLUGIN_VARIABLE}_IMAGE_VERSION="${PLUGIN_IMAGE_VERSION}"'
    assert _scan(text, COMPAT, _literal).example_lines == (
        'export MINI_IMAGE_VERSION="${PLUGIN_IMAGE_VERSION}"',
    )


def test_example_line_with_declare_desc_in_compat_sets_description() -> None:
    text = 'declare desc="real"\n#E declare desc="from example"'
    assert (_scan(text, COMPAT).description, _scan(text, COMPAT).example_lines) == (
        "from example",
        (),
    )
    assert (_scan(text, CORRECTED).description, _scan(text, CORRECTED).example_lines) == (
        "real",
        ('declare desc="from example"',),
    )


def test_full_scan_compat() -> None:
    text = """\
#!/usr/bin/env bash
service-create-cmd() {
  #E create a service named lollipop
  #E dokku $PLUGIN_COMMAND_PREFIX:create lollipop
  #A service, service to run command against
  #F -c|--config-options "--args --go=here", extra arguments
  declare desc="create a $PLUGIN_COMMAND_PREFIX service"
  declare SERVICE="$1" CREATE_FLAGS_LIST=("${@:2}")
}
"""
    assert _scan(text, COMPAT, _literal) == Scanned(
        description="create a mini service",
        usage="<service> [--create-flags...]",
        arguments=(Argument("service", "service to run command against", 5),),
        flags=(Flag('-c|--config-options "--args --go=here"', "extra arguments", None, 6),),
        example_lines=("create a service named lollipop", "dokku mini:create lollipop"),
        warnings=(),
        usage_line=8,
        description_line=7,
        example_numbers=(3, 4),
    )


# --- examples (A13) -----------------------------------------------------------------------

MIXED = (
    "create a service on AWS",
    "dokku mini:create lollipop",
    "dokku mini:info lollipop",
    "it's 'quoted'",
    "    indented code",
    "      nested code",
    "> a quote",
    "> more",
    "exported thing",
    "dokkufile x",
)


def test_examples_grouping_compat() -> None:
    assert examples(MIXED, COMPAT) == (
        Example("text", "Create a service on `AWS`:`"),
        Example("command", "dokku mini:create lollipop\ndokku mini:info lollipop"),
        Example("text", "It's `quoted`:"),
        Example("code", "indented code\nnested code"),
        Example("quote", "> a quote\n> more"),
        Example("command", "exported thing\ndokkufile x"),
    )


def test_examples_grouping_corrected() -> None:
    assert examples(MIXED, CORRECTED) == (
        Example("text", "Create a service on `AWS`:"),
        Example("command", "dokku mini:create lollipop\ndokku mini:info lollipop"),
        Example("text", "It's `quoted`:"),
        Example("code", "indented code\n  nested code"),
        Example("quote", "> a quote\n> more"),
        Example("command", "exported thing\ndokkufile x"),
    )


@pytest.mark.parametrize(
    ("lines", "compat_examples", "corrected_examples"),
    [
        ((), (), ()),
        (
            ("\ttab-indented line",),
            (Example("text", "Tab-indented line:"),),
            (Example("text", "Tab-indented line:"),),
        ),
        (("    only code",), (Example("code", "only code"),), (Example("code", "only code"),)),
        (
            ("    a", "        b  ", "    c"),
            (Example("code", "a\nb\nc"),),
            (Example("code", "a\n    b\nc"),),
        ),
        # a blockquote is kept verbatim, quotes included; white space at the ends goes
        (
            ("> 'schedule' is a crontab expression, eg. \"0 3 * * *\" ",),
            (Example("quote", "> 'schedule' is a crontab expression, eg. \"0 3 * * *\""),),
            (Example("quote", "> 'schedule' is a crontab expression, eg. \"0 3 * * *\""),),
        ),
        (
            ("  leading spaces",),
            (Example("text", "Leading spaces:"),),
            (Example("text", "Leading spaces:"),),
        ),
        # consecutive sentences merge into one
        (
            ("first line", "second line", "dokku x"),
            (Example("text", "First line second line:"), Example("command", "dokku x")),
            (Example("text", "First line second line:"), Example("command", "dokku x")),
        ),
        (
            ("is it paused?",),
            (Example("text", "Is it paused?:"),),
            (Example("text", "Is it paused?"),),
        ),
    ],
)
def test_examples(
    lines: tuple[str, ...],
    compat_examples: tuple[Example, ...],
    corrected_examples: tuple[Example, ...],
) -> None:
    assert (examples(lines, COMPAT), examples(lines, CORRECTED)) == (
        compat_examples,
        corrected_examples,
    )
