"""``docgen --format help``: the sample plugin's help, byte for byte (tests/golden/help/), in
both modes and with colour, and the command line around it.

The compat goldens are what the official plugins' own help-functions prints for the sample
plugin's scripts: they were checked with the reference capture script on a copy of the sample
plugin given dokku-meilisearch's ``commands``, ``help-functions`` and ``common-functions``
(none of which is part of this repository). scripts/help_parity.py checks the official
plugins themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from docgen.cli import main
from docgen.cli.console import help_colour_wanted
from docgen.pipeline import HelpResult, help_from_source, help_of, help_text
from tests.plugin_factory import SAMPLE, plugin_source, script


def _all_pages(result: HelpResult, *, colour: bool = False) -> str:
    """The overview and every command's page, each after the dokku command that prints it."""
    prefix = result.help.prefix
    pages = [f"$ dokku {prefix}:help\n{help_text(result, colour=colour)}"]
    pages += [
        f"$ dokku {prefix}:help {page.name}\n{help_text(result, page.name, colour=colour)}"
        for page in result.help.commands
    ]
    return "".join(pages)


@pytest.mark.parametrize("compat", [True, False], ids=["compat", "corrected"])
def test_sample_plugin_help(compat: bool, golden: Callable[[str, str], None]) -> None:
    suffix = "" if compat else ".corrected"
    golden(f"help/sample-plugin{suffix}.txt", _all_pages(help_of(SAMPLE, compat=compat)))


@pytest.mark.parametrize("compat", [True, False], ids=["compat", "corrected"])
def test_sample_plugin_help_in_colour(compat: bool, golden: Callable[[str, str], None]) -> None:
    suffix = "" if compat else ".corrected"
    text = _all_pages(help_of(SAMPLE, compat=compat), colour=True)
    golden(f"help/sample-plugin{suffix}.color.txt", text)


def test_colour_is_the_plain_text_with_escapes() -> None:
    """help-functions' colour output less its SGR escapes is its plain output."""
    import re

    result = help_of(SAMPLE)
    coloured = _all_pages(result, colour=True)
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == _all_pages(result)
    assert coloured.count("\x1b[") == 2 * coloured.count("\x1b[m")


def test_logs_page_in_colour() -> None:
    page = help_text(help_of(SAMPLE), "logs", colour=True).split("\n")
    assert page[:3] == [
        "\x1b[1musage:\x1b[m dokku meilisearch:logs <service> \x1b[0;34m[-t|--tail]\x1b[m "
        "[<tail-num>]",
        "",
        "\x1b[1mprint the latest log lines of a service\x1b[m",
    ]
    assert page[4:7] == [
        "\x1b[1;36marguments:\x1b[m",
        "",
        "service  \x1b[2;37m name of the service\x1b[m",
    ]


# --- the command line ---------------------------------------------------------------------


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, list[str]]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err.splitlines()


def test_cli_overview_and_command(capsys: pytest.CaptureFixture[str]) -> None:
    result = help_of(SAMPLE)
    assert _run(capsys, "--format", "help", str(SAMPLE)) == (0, help_text(result), [])
    expected = help_text(result, "logs")
    assert _run(capsys, "--format", "help", "--command", "logs", str(SAMPLE)) == (0, expected, [])


def test_cli_corrected_and_colour(capsys: pytest.CaptureFixture[str]) -> None:
    result = help_of(SAMPLE, compat=False)
    argv = ("--format", "help", "--no-compat", "--color", "--command", "unlink", str(SAMPLE))
    assert _run(capsys, *argv) == (0, help_text(result, "unlink", colour=True), [])


def test_cli_no_colour_into_a_pipe(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--format", "help", str(SAMPLE))
    assert (code, "\x1b" in out) == (0, False)


@pytest.mark.parametrize(
    ("argv", "error"),
    [
        (
            ["--command", "logs"],
            "Error: --command and --color/--no-color go with --format help",
        ),
        (
            ["--format", "json", "--color"],
            "Error: --command and --color/--no-color go with --format help",
        ),
    ],
)
def test_cli_help_options_need_format_help(
    argv: list[str], error: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(capsys, *argv, str(SAMPLE))
    assert (code, out, err[-1]) == (2, "", error)


@pytest.mark.parametrize(
    ("command", "error"),
    [
        ("logz", "subcommands: error: no command logz (did you mean logs?)"),
        (
            "../config",
            "subcommands: error: no command ../config (docgen --format help PATH lists them)",
        ),
        (
            "backup-auth",
            "config: error: backup-auth has no help: PLUGIN_UNIMPLEMENTED_SUBCOMMANDS lists it "
            "(dokku prints nothing for it)",
        ),
    ],
)
def test_cli_no_such_command(command: str, error: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "--format", "help", "--command", command, str(SAMPLE))
    assert (code, out, err) == (2, "", [f"{SAMPLE}/{error}"])


@pytest.mark.parametrize(
    ("environment", "tty", "choice", "wanted"),
    [
        ({"TERM": "xterm-256color"}, True, None, True),
        ({"TERM": "xterm-256color"}, False, None, False),
        ({"TERM": "xterm-256color", "NO_COLOR": "1"}, True, None, False),
        ({"TERM": "xterm-256color", "DOKKU_NO_COLOR": "1"}, True, None, False),
        ({"TERM": "xterm-256color", "DOKKU_NO_COLOR": ""}, True, None, True),
        ({"TERM": "dumb"}, True, None, False),
        ({"TERM": "unknown"}, True, None, False),
        ({}, True, None, False),
        ({"NO_COLOR": "1"}, False, True, True),
        ({"TERM": "xterm"}, True, False, False),
    ],
)
def test_help_colour_wanted(
    environment: dict[str, str],
    tty: bool,
    choice: bool | None,
    wanted: bool,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("TERM", "NO_COLOR", "DOKKU_NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)

    class Stream:
        def isatty(self) -> bool:
            return tty

    assert help_colour_wanted(Stream(), choice) is wanted  # type: ignore[arg-type]


def test_warnings_go_to_stderr(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from tests.plugin_factory import make_plugin

    root = make_plugin(tmp_path / "p", subcommands={"create": "#!/bin/bash\nf() {\n  echo\n}\n"})
    code, out, err = _run(capsys, "--format", "help", "--command", "create", str(root))
    assert (code, out.splitlines()[:3]) == (0, ["usage: dokku mini:create", "", ""])
    assert (
        f"{root}/subcommands/create: warning: no line mentions desc: help-functions prints "
        "nothing for this command's help; docgen prints it with an empty description" in err
    )


def test_in_memory_source() -> None:
    """help_from_source is the pure core: records in, the help model out."""
    source = plugin_source(
        subcommands={"create": script("create", "create a $PLUGIN_SERVICE service")},
        config=(
            'export PLUGIN_COMMAND_PREFIX="mini"\nexport PLUGIN_SERVICE="Mini"\n'
            'export PLUGIN_VARIABLE="MINI"\nexport PLUGIN_UNIMPLEMENTED_SUBCOMMANDS=(@UNIMPLEMENTED@)\n'
        ),
    )
    result = help_from_source(source)
    assert [(p.name, p.description) for p in result.help.commands] == [
        ("create", "create a Mini service"),
        ("list", "list all mini services"),
    ]


# --- help-functions' rules on odd scripts -------------------------------------------------

ODD_CONFIG = """\
#!/usr/bin/env bash
export PLUGIN_COMMAND_PREFIX="odd"
export PLUGIN_SERVICE="Odd"
export PLUGIN_VARIABLE="ODD"
export PLUGIN_DEFAULT_ALIAS="ODD"
export PLUGIN_SCHEME="odd"
export PLUGIN_DATASTORE_PORTS=(1111 2222)
export PLUGIN_UNIMPLEMENTED_SUBCOMMANDS=(@UNIMPLEMENTED@)
export ODD_CONFIG_OPTIONS=${ODD_CONFIG_OPTIONS:=""}
"""


def _odd(name: str, body: str) -> str:
    """A script whose function holds ``body`` (lines indented by two spaces)."""
    return f'#!/usr/bin/env bash\n#E above the function: ignored\nservice-{name}-cmd() {{\n{body}\n}}\n\nservice-{name}-cmd "$@"\n'


ODD_SCRIPTS = {
    # every kind of name on the declare line; the overview elides after three
    "names": _odd(
        "names",
        '  declare desc="names of every kind"\n'
        '  declare SERVICE="$1" USE_IAM_OPTIONAL_FLAG="$2" INFO_FLAG="$3" PORTS_LIST=("${@:4}")\n'
        "  #A service, the service\n  #A ünïcode, widens the column in the C locale",
    ),
    "more": _odd(
        "more",
        '  declare desc="flags and lists"\n'
        '  declare SERVICE="$1" X_FLAGS_LIST=("${@:2}") TAIL_NUM_OPTIONAL="${3:-all}"\n'
        "  #F --flag without a comma\n  #F -a|--all, several, commas here\n  #F -e, \\tescaped",
    ),
    # $1 is the command's name and $2 is "true" on its own page, empty in the overview
    "positional": _odd(
        "positional", '  declare desc="about $1 ($2) with ${PLUGIN_DATASTORE_PORTS[@]}"'
    ),
    "quoted": _odd("quoted", "  declare desc='single $PLUGIN_SERVICE'"),
    # a comment mentioning desc comes first: it is the description, as it is
    "comment": _odd("comment", '  #E the description of this example\n  declare desc="never read"'),
    # examples: markers anywhere, blank lines, quotes first, code, tabs, $1 as the block
    "examples": _odd(
        "examples",
        '  declare desc="examples of every kind"\n'
        "  #E > a quote comes first\n"
        "  #E dokku $PLUGIN_COMMAND_PREFIX:examples\n"
        "  #E > after a command\n"
        "  #E\n"
        "  #E     code   with   inner spacing\n"
        "  #E         deeper code\n"
        "  #E sentence with ${PLUGIN_DATASTORE_PORTS[1]} and $PLUGIN_SERVICE_NAME\n"
        "  #E export ${PLUGIN_VARIABLE}_X=1\n"
        "  #EXAMPLE counts too\n"
        "#E column zero breaks\n"
        "  #E\tafter a tab\n"
        "  #E a\\ttab escape",
    ),
    "default": _odd("default", '  declare desc="the bare prefix"\n  declare SERVICE="$1"'),
    "foo+bar": _odd("foo+bar", '  declare desc="sorts before foo"'),
    "foo": _odd("foo", '  declare desc="no arguments"'),
    "foo-bar": _odd("foo-bar", '  declare desc="an argument"\n  declare SERVICE="$1"'),
    ".hidden": _odd("hidden", '  declare desc="a dotfile"'),
}


def _odd_plugin() -> dict[str, object]:
    return {
        "config": ODD_CONFIG,
        "dockerfile": "FROM odd/img:1.2.3\n",
        "subcommands": {"create": None, "list": None, **ODD_SCRIPTS},
    }


def test_odd_scripts(golden: Callable[[str, str], None], tmp_path: Path) -> None:
    """help-functions' reading of odd scripts (module docstring of docgen.build.helpfunctions),
    checked with the reference capture script like the sample plugin's."""
    from tests.plugin_factory import make_plugin

    root = make_plugin(tmp_path / "odd", **_odd_plugin())  # type: ignore[arg-type]
    result = help_of(root)
    golden("help/odd.txt", _all_pages(result))
    golden("help/odd.color.txt", _all_pages(result, colour=True))
    assert [p.name for p in result.help.commands] == [
        "comment",
        "default",
        "examples",
        "foo",
        "foo+bar",
        "foo-bar",
        "more",
        "names",
        "positional",
        "quoted",
    ]
