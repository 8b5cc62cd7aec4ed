"""docgen.readers.config: assignment statements of the plugin's config, arrays included."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.errors import DocgenError
from docgen.read.config import parse_config, read_config
from docgen.read.records import Assignment


def _assignments(text: str) -> list[Assignment]:
    return list(parse_config(text, "p/config").assignments)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            'export PLUGIN_COMMAND_PREFIX="postgres"',
            Assignment("PLUGIN_COMMAND_PREFIX", 1, 'PLUGIN_COMMAND_PREFIX="postgres"'),
        ),
        ("PLUGIN_SCHEME=postgres", Assignment("PLUGIN_SCHEME", 1, "PLUGIN_SCHEME=postgres")),
        ("declare -x FOO=bar", Assignment("FOO", 1, "FOO=bar")),
        ("declare -rx R=3", Assignment("R", 1, "R=3")),
        ("declare -r -x RX=3", Assignment("RX", 1, "RX=3")),
        ("export -n N=4", Assignment("N", 1, "N=4")),
        ("readonly RO=1", Assignment("RO", 1, "RO=1")),
        ("typeset T=2", Assignment("T", 1, "T=2")),
        ("local L=1", Assignment("L", 1, "L=1")),
        ("  \texport INDENTED=1", Assignment("INDENTED", 1, "INDENTED=1")),
        ("E=", Assignment("E", 1, "E=")),
        # the rest of the line is kept as written; only the first name is taken
        ("A=1 B=2", Assignment("A", 1, "A=1 B=2")),
        (
            'export MINI_CONFIG_OPTIONS=${MINI_CONFIG_OPTIONS:=" --a "} # default',
            Assignment(
                "MINI_CONFIG_OPTIONS",
                1,
                'MINI_CONFIG_OPTIONS=${MINI_CONFIG_OPTIONS:=" --a "} # default',
            ),
        ),
    ],
)
def test_scalar_assignment(line: str, expected: Assignment) -> None:
    assert _assignments(line + "\n") == [expected]


@pytest.mark.parametrize(
    "line",
    [
        '# export PLUGIN_COMMENTED="no"',
        "echo A=1",
        "if [[ $A == 1 ]]; then",
        "1A=2",
        "A-B=1",
        "A =1",
        "",
        "exported A=1",
    ],
)
def test_not_an_assignment(line: str) -> None:
    assert _assignments(line + "\n") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "export PLUGIN_DATASTORE_PORTS=(5432)",
            [Assignment("PLUGIN_DATASTORE_PORTS", 1, "PLUGIN_DATASTORE_PORTS=(5432)", "5432")],
        ),
        ("X=()", [Assignment("X", 1, "X=()", "")]),
        (
            "export PLUGIN_DATASTORE_PORTS=(1234) # trailing (comment)",
            [
                Assignment(
                    "PLUGIN_DATASTORE_PORTS",
                    1,
                    "PLUGIN_DATASTORE_PORTS=(1234) # trailing (comment)",
                    "1234",
                )
            ],
        ),
        # a quoted ) does not close the array
        ('X=( "a)" b )', [Assignment("X", 1, 'X=( "a)" b )', ' "a)" b ')]),
        ("X=( 'a)' b )", [Assignment("X", 1, "X=( 'a)' b )", " 'a)' b ")]),
        ("X=( a\\) b )", [Assignment("X", 1, "X=( a\\) b )", " a\\) b ")]),
        # # starts a comment only after white space
        ("X=(a#b)", [Assignment("X", 1, "X=(a#b)", "a#b")]),
        # an unclosed array is read as a scalar; the next lines are read on
        ("Z=(unclosed\nA=1", [Assignment("Z", 1, "Z=(unclosed"), Assignment("A", 2, "A=1")]),
    ],
)
def test_array_assignment(text: str, expected: list[Assignment]) -> None:
    assert _assignments(text + "\n") == expected


def test_multi_line_array_with_comments() -> None:
    text = (
        "#!/usr/bin/env bash\n"
        "export PLUGIN_UNIMPLEMENTED_SUBCOMMANDS=(\n"
        '  "backup" # no backups (yet)\n'
        '  "clone"\n'
        "  # a whole comment line (with parens)\n"
        '  "export"\n'
        ")\n"
        'export PLUGIN_SCHEME="after"\n'
    )
    assert _assignments(text) == [
        Assignment(
            "PLUGIN_UNIMPLEMENTED_SUBCOMMANDS",
            2,
            "PLUGIN_UNIMPLEMENTED_SUBCOMMANDS=(",
            '\n  "backup" # no backups (yet)\n  "clone"\n  # a whole comment line (with parens)\n  "export"\n',
        ),
        Assignment("PLUGIN_SCHEME", 8, 'PLUGIN_SCHEME="after"'),
    ]


def test_comment_hides_the_closing_paren() -> None:
    text = "Y=(a # c)\n  b)\nA=1\n"
    assert _assignments(text) == [
        Assignment("Y", 1, "Y=(a # c)", "a # c)\n  b"),
        Assignment("A", 3, "A=1"),
    ]


def test_assignments_inside_if_blocks() -> None:
    text = (
        'export PLUGIN_BASE_PATH="$PLUGIN_PATH"\n'
        "if [[ -n $DOKKU_API_VERSION ]]; then\n"
        '  export PLUGIN_BASE_PATH="$PLUGIN_ENABLED_PATH"\n'
        "else\n"
        "  PLUGIN_OTHER=1\n"
        "fi\n"
    )
    config = parse_config(text, "p/config")
    assert [(a.name, a.line, a.raw) for a in config.assignments] == [
        ("PLUGIN_BASE_PATH", 1, 'PLUGIN_BASE_PATH="$PLUGIN_PATH"'),
        ("PLUGIN_BASE_PATH", 3, 'PLUGIN_BASE_PATH="$PLUGIN_ENABLED_PATH"'),
        ("PLUGIN_OTHER", 5, "PLUGIN_OTHER=1"),
    ]
    # the last one wins
    assert config.last("PLUGIN_BASE_PATH") == Assignment(
        "PLUGIN_BASE_PATH", 3, 'PLUGIN_BASE_PATH="$PLUGIN_ENABLED_PATH"'
    )
    assert config.last("NOT_THERE") is None


def test_lines_are_kept() -> None:
    config = parse_config("a\nb\n", "p/config")
    assert (config.path, config.lines) == ("p/config", ("a", "b", ""))


def test_read_config(tmp_path: Path) -> None:
    (tmp_path / "config").write_bytes(
        b'\xef\xbb\xbfexport PLUGIN_COMMAND_PREFIX="x"\r\nexport A=(1\r\n 2)\r\n'
    )
    config = read_config(tmp_path)
    assert config.path == str(tmp_path / "config")
    assert config.assignments == (
        Assignment("PLUGIN_COMMAND_PREFIX", 1, 'PLUGIN_COMMAND_PREFIX="x"'),
        Assignment("A", 2, "A=(1", "1\n 2"),
    )


def test_read_config_missing(tmp_path: Path) -> None:
    with pytest.raises(DocgenError) as raised:
        read_config(tmp_path)
    assert str(raised.value) == (
        f"{tmp_path / 'config'}: error: missing config file (a Dokku datastore plugin needs a config)"
    )
