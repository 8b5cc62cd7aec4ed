"""docgen.render.help: the help's layout rules, one at a time."""

from __future__ import annotations

import pytest

from docgen.build.compat import COMPAT, CORRECTED
from docgen.build.model import Help, HelpCommand, HelpExample, HelpRow, UsageToken
from docgen.render.help import (
    COLOURS,
    PLAIN,
    column,
    command_line,
    render_command,
    render_overview,
    two_columns,
)


@pytest.mark.parametrize(
    ("lines", "table"),
    [
        # the last column is never padded; the others take their widest cell and two spaces
        (["a, one", "ccc, three"], ["a     one", "ccc   three"]),
        # every comma starts a cell; a short row is padded to the end of its columns
        (["a,b,c", "dd,e"], ["a   b  c", "dd  e  "]),
        # blank lines are dropped, cells are not trimmed
        (["  x,y", "", " \t ", "z,"], ["  x  y", "z    "]),
        # escapes take no width
        (["\x1b[1mab\x1b[m,x", "abc,y"], ["\x1b[1mab\x1b[m   x", "abc  y"]),
        # the C locale: each byte that is not ASCII prints as \xHH
        (["é,x", "ab,y"], ["\\xc3\\xa9  x", "ab        y"]),
        ([], []),
    ],
)
def test_column(lines: list[str], table: list[str]) -> None:
    assert column(lines) == table


def test_two_columns_measure_terminal_cells() -> None:
    assert two_columns([("é", "x"), ("日本", "y"), ("abc", "")]) == ["é      x", "日本   y", "abc"]


def _command(name: str, *words: str, kind: str = "argument") -> HelpCommand:
    usage = tuple(UsageToken(word, kind, word.strip("<>[]"), False) for word in words)
    return HelpCommand(name, f"p/subcommands/{name}", usage, f"{name} it", f"{name} it", (), (), ())


@pytest.mark.parametrize(
    ("words", "short", "full"),
    [
        ((), ":x", ":x"),
        (("<a>", "<b>", "<c>"), ":x <a> <b> <c>", ":x <a> <b> <c>"),
        (("<a>", "<b>", "<c>", "<d>", "<e>"), ":x <a> <b> <c>...", ":x <a> <b> <c> <d> <e>"),
    ],
)
def test_command_line_elides_after_three_arguments(
    words: tuple[str, ...], short: str, full: str
) -> None:
    command = _command("x", *words)
    assert command_line(command, PLAIN, short=True) == short
    assert command_line(command, PLAIN, short=False) == full


def test_default_is_the_bare_prefix_and_flags_are_blue_on_the_page() -> None:
    assert command_line(_command("default", "<s>"), PLAIN, short=True) == " <s>"
    flag = _command("x", "[-f|--force]", kind="flag")
    assert command_line(flag, COLOURS, short=False) == ":x \x1b[0;34m[-f|--force]\x1b[m"
    assert command_line(flag, COLOURS, short=True) == ":x [-f|--force]"


HELP = Help(
    "mini",
    "Mini",
    (
        _command("foo"),
        _command("foo-bar", "<s>"),
        _command("foo+bar"),
    ),
)


def test_overview_sorts_by_byte_in_compat_and_keeps_the_order_corrected() -> None:
    compat = render_overview(HELP, COMPAT).split("\n")
    corrected = render_overview(HELP, CORRECTED).split("\n")
    assert compat[13:17] == [
        "    mini:foo+bar       foo+bar it",
        "    mini:foo           foo it",
        "    mini:foo-bar <s>   foo-bar it",
        "",
    ]
    assert corrected[13:16] == [
        "    mini:foo           foo it",
        "    mini:foo-bar <s>   foo-bar it",
        "    mini:foo+bar       foo+bar it",
    ]
    assert (
        compat[:13]
        == corrected[:13]
        == [
            "usage: dokku mini[:COMMAND]",
            "",
            "List your mini services.",
            "",
            "Example:",
            "",
            "    $ dokku mini:list",
            "",
            "      Mini services",
            "      service-name",
            "",
            "dokku mini commands: (get help with dokku mini:help SUBCOMMAND)",
            "",
        ]
    )


EXAMPLES = (
    HelpExample("quote", "> first", 1),
    HelpExample("command", "dokku mini:x", 2),
    HelpExample("command", "dokku mini:y", 3),
    HelpExample("text", "some text", 4),
    HelpExample("code", "code", 5),
    HelpExample("text", "", 6),
)


@pytest.mark.parametrize(
    ("quirks", "lines"),
    [
        # help-functions: an empty line where commands and other lines alternate, one more
        # before each quote; trailing empty lines go
        (
            COMPAT,
            [
                "",
                "    > first",
                "",
                "    dokku mini:x",
                "    dokku mini:y",
                "",
                "some text",
                "    code",
            ],
        ),
        # corrected: an empty line between blocks of different kinds
        (
            CORRECTED,
            [
                "    > first",
                "",
                "    dokku mini:x",
                "    dokku mini:y",
                "",
                "some text",
                "",
                "    code",
            ],
        ),
    ],
)
def test_examples(quirks: object, lines: list[str]) -> None:
    command = _command("x")._replace(examples=EXAMPLES)
    page = render_command(HELP, command, quirks).split("\n")  # type: ignore[arg-type]
    assert page[4:6] == ["examples:", ""]
    assert page[6:] == [*lines, "", ""]


@pytest.mark.parametrize(
    ("quirks", "rows"),
    [
        # every comma starts a column; a row without one repeats its text
        (COMPAT, ["-a     all  ", "-bb    b     c", "--cc  --cc  "]),
        (CORRECTED, ["-a     all", "-bb    b, c", "--cc"]),
    ],
)
def test_flag_rows(quirks: object, rows: list[str]) -> None:
    flags = (HelpRow("-a", " all", 1), HelpRow("-bb", " b, c", 2), HelpRow("--cc", "--cc", 3))
    corrected = (HelpRow("-a", "all", 1), HelpRow("-bb", "b, c", 2), HelpRow("--cc", "", 3))
    command = _command("x")._replace(flags=flags if quirks is COMPAT else corrected)
    page = render_command(HELP, command, quirks).split("\n")  # type: ignore[arg-type]
    assert page[4:10] == ["flags:", "", *rows, ""]
