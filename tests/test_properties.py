"""Property tests: whatever the input, docgen answers with a value or a one-line error.

* every reader's pure parse function, and the thin bashlex layer, return a value or raise
  DocgenError -- never another exception;
* the whole CLI, on a tiny valid plugin with one file replaced by arbitrary text or bytes,
  exits 0 or 2, never raises, prints only ``path[:line]: error|warning: ...`` lines to
  stderr, and in write mode either writes exactly what --stdout printed or leaves the
  README alone;
* plausible annotation lines (#A/#F/#E, declare lines with random names) always render.

Plugins are built in a TemporaryDirectory inside each example (no function-scoped fixture),
and every test keeps to ~100 examples so that the whole file runs in a few seconds.
"""

from __future__ import annotations

import contextlib
import io
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, assume, example, given, settings
from hypothesis import strategies as st

from docgen.build import bash, compat
from docgen.cli import main
from docgen.errors import DocgenError
from docgen.read.config import parse_config
from docgen.read.dockerfile import parse_dockerfile
from docgen.read.metadata import parse_metadata
from docgen.read.records import (
    ConfigSource,
    ImageSource,
    PluginMetadata,
    SourceLine,
    documentation_lines,
)
from tests.plugin_factory import CONFIG, DOCKERFILE, PLUGIN_TOML, make_plugin, script

# No "explain" phase: it re-runs a failing example many times, and a failure should be
# reported in seconds, not half a minute.
PHASES = (Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink)
SETTINGS = settings(
    max_examples=120,
    deadline=None,
    phases=PHASES,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
CLI_SETTINGS = settings(SETTINGS, max_examples=80)

# --- strategies -----------------------------------------------------------------------------

CHARS = st.characters(exclude_categories=("Cs",))  # any code point a UTF-8 file can hold
ANY_TEXT = st.text(CHARS, max_size=300)

# Pieces of the languages docgen reads, so that random text often gets past the first check.
# fmt: off
TOKENS = [
    "\n", " ", "  ", "\t", '"', "'", "`", "\\", "$", "$1", "$2", "${", "}", "(", ")", "[", "]", "{",
    "=", "#", ":", ":-", ":=", "@", "/", ".", ",", ";", "&", "|", "<", ">", "*", "-", "--", "_",
    "export ", "declare ", "local ", "readonly ", "ARG ", "FROM ", "AS ", " as ", "--platform=x ",
    "PLUGIN_COMMAND_PREFIX=", "PLUGIN_DATASTORE_PORTS=", "PLUGIN_UNIMPLEMENTED_SUBCOMMANDS=",
    "PLUGIN_VARIABLE=", "PLUGIN_DEFAULT_ALIAS=", "PLUGIN_SCHEME=", "MINI_CONFIG_OPTIONS=",
    "$PLUGIN_COMMAND_PREFIX", "${PLUGIN_COMMAND_PREFIX}", "${PLUGIN_DATASTORE_PORTS[@]}",
    "${PLUGIN_DATASTORE_PORTS[0]}", "${PLUGIN_DATASTORE_PORTS[1]}", "${PLUGIN_VARIABLE}",
    "$PLUGIN_SERVICE", "${PLUGIN_IMAGE}", "${PLUGIN_IMAGE_VERSION}", "$(", "$((", "${@:2}",
    "desc=", "description=", "#A ", "#F ", "#E ", "#E", "[plugin]", "[plugin.config]",
    "sponsors = ", "version = ", "description = ", "[[", "]]", "true", "1.2.3", "sha256:",
    "mini", "image", "registry:5000/", "templates = ", "compat = false", "inject = true",
    "[sections.", "add = ", "after = ", "remove = true", "commands = ", "[readme]", "[repository]",
    "ghcr.io/", "_FLAG", "_OPTIONAL", "_LIST", "_FLAGS_LIST",
    "SERVICE", "INFO_FLAG", "AWS", "I/O", "(0.0.0.0)", ". ", "?", "café", "\r\n", "\x00",
]
# fmt: on
SOUP = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(CHARS, max_size=5)), max_size=60).map(
    "".join
)
TEXT = st.one_of(ANY_TEXT, SOUP)


def total(function: Callable[..., Any], *args: Any) -> Any:
    """Call ``function``; a DocgenError is an answer, any other exception fails the test."""
    try:
        return function(*args)
    except RecursionError:
        # reported without its traceback: thousands of frames take pytest ages to print
        raise AssertionError(f"{function.__name__} raised RecursionError") from None
    except DocgenError as error:
        assert "error: " in str(error), str(error)
        assert "\n" not in str(error), str(error)
        return error


# --- the readers' pure parse functions ------------------------------------------------------


@SETTINGS
@given(TEXT)
def test_parse_config_is_total(text: str) -> None:
    result = total(parse_config, text, "p")
    if isinstance(result, ConfigSource):
        assert all(a.line >= 1 for a in result.assignments)


@SETTINGS
@given(TEXT)
def test_parse_dockerfile_is_total(text: str) -> None:
    result = total(parse_dockerfile, text, "p")
    if isinstance(result, ImageSource):
        assert result.repository
        assert result.line >= 1


@SETTINGS
@given(TEXT)
def test_parse_metadata_is_total(text: str) -> None:
    result = total(parse_metadata, text, "p")
    if isinstance(result, PluginMetadata):
        assert all(isinstance(s, str) for s in result.sponsors)


@pytest.mark.parametrize("opener", ["[", "{a = ", "[{a = "], ids=["array", "inline-table", "both"])
@pytest.mark.parametrize("closed", [False, True], ids=["open", "closed"])
def test_parse_metadata_deep_nesting(opener: str, closed: bool) -> None:
    """Nesting deep enough to exhaust the stack (a plain test: where the RecursionError
    starts depends on the stack depth, which hypothesis would call flaky)."""
    depth = 5000
    closer = {"[": "]", "{a = ": "}", "[{a = ": "}]"}[opener] if closed else ""
    total(parse_metadata, "x = " + opener * depth + "1" + closer * depth + "\n", "p")


@SETTINGS
@given(TEXT)
def test_documentation_lines_is_total(text: str) -> None:
    lines = documentation_lines(text)
    assert all(isinstance(line, SourceLine) and line.number >= 1 for line in lines)
    assert all(line.text == line.text.strip() for line in lines)


# --- the bashlex layer ----------------------------------------------------------------------


@SETTINGS
@given(TEXT)
def test_parse_command_is_total(text: str) -> None:
    words = total(bash.parse_command, text)
    assert words is None or isinstance(words, tuple)
    for word in words or ():
        assert isinstance(word.text, str)
        split = total(bash.split_assignment, word)
        assert split is None or isinstance(split[0], str)


@SETTINGS
@given(TEXT)
def test_find_parameters_is_total(text: str) -> None:
    parameters = total(bash.find_parameters, text)
    assert parameters is None or isinstance(parameters, tuple)
    for parameter in parameters or ():
        assert 0 <= parameter.start <= parameter.end <= len(text)
        assert text[parameter.start] == "$"
    if parameters is not None:
        # substituting nothing gives the text back
        assert bash.substitute(text, parameters, lambda p: None) == text


@SETTINGS
@given(TEXT)
def test_parse_array_items_is_total(text: str) -> None:
    items = total(bash.parse_array_items, text)
    assert items is None or all(isinstance(item, str) for item in items)


@SETTINGS
@given(TEXT)
def test_unquote_is_total(text: str) -> None:
    value = total(bash.unquote, text)
    assert value is None or isinstance(value, str)


# --- the compat rules the scan and the sentences use ----------------------------------------

UPPER_NAME = st.from_regex(r"[A-Z_]{1,14}", fullmatch=True)
NAME_WITH_SUFFIX = st.builds(
    lambda name, suffix: name + suffix,
    st.from_regex(r"[A-Z_]{0,10}", fullmatch=True),
    st.sampled_from(
        ["", "_FLAG", "_OPTIONAL", "_LIST", "_FLAGS_LIST", "_OPTIONAL_FLAG", "FLAG", "LIST"]
    ),
).filter(bool)


@SETTINGS
@given(NAME_WITH_SUFFIX)
@example(name="_FLAG")
def test_usage_token_is_total(name: str) -> None:
    token = total(compat.usage_token, name)
    assert isinstance(token, str) and token


@SETTINGS
@given(TEXT)
@example(text='declare _FLAG="$1"')
def test_uppercase_usage_is_total(text: str) -> None:
    assert isinstance(total(compat.uppercase_usage, text), str)


@SETTINGS
@given(st.lists(TEXT, min_size=1, max_size=5), st.booleans())
def test_sentence_is_total(lines: list[str], quirky: bool) -> None:
    quirks = compat.COMPAT if quirky else compat.CORRECTED
    assert isinstance(total(compat.sentence, quirks, lines), str)


# --- the whole command line -----------------------------------------------------------------

ORIGINALS: dict[str, str] = {
    "config": CONFIG,
    "Dockerfile": DOCKERFILE,
    "plugin.toml": PLUGIN_TOML,
    "subcommands/create": script(
        "create",
        "create a $PLUGIN_COMMAND_PREFIX service",
        annotations="#F -c|--config-options, extra options\n  #E dokku $PLUGIN_COMMAND_PREFIX:create lollipop",
    ),
    "docs/create.md": "Some notes about `create`.\n",
    "docgen.toml": '[repository]\nowner = "dokku"\n[readme]\nbadges = ["ci", "irc"]\n'
    '[sections.basic]\nadd = ["destroy"]\n',
}
LINE = re.compile(r"^(?P<path>.+?)(?::(?P<line>\d+))?: (?P<kind>error|warning): .+$")


@st.composite
def replaced_file(draw: st.DrawFn) -> tuple[str, str | bytes]:
    """One plugin file and new content for it: arbitrary text or bytes, or the original
    with a random slice replaced (mostly still plausible)."""
    name = draw(st.sampled_from(sorted(ORIGINALS)))
    original = ORIGINALS[name]
    kind = draw(st.sampled_from(["text", "bytes", "splice", "splice-bytes"]))
    if kind == "text":
        return name, draw(TEXT)
    if kind == "bytes":
        return name, draw(st.binary(max_size=300))
    start = draw(st.integers(0, len(original)))
    end = draw(st.integers(start, min(len(original), start + 40)))
    if kind == "splice":
        return name, original[:start] + draw(TEXT) + original[end:]
    data = original.encode("utf-8")
    return name, data[:start] + draw(st.binary(max_size=20)) + data[end:]


def _layout(name: str, content: str | bytes) -> dict[str, Any]:
    overrides: dict[str, Any] = {
        "subcommands": {"create": ORIGINALS["subcommands/create"]},
        "docs": {"create.md": ORIGINALS["docs/create.md"]},
    }
    if name == "config":
        overrides["config"] = content
    elif name == "Dockerfile":
        overrides["dockerfile"] = content
    elif name == "plugin.toml":
        overrides["plugin_toml"] = content
    elif name == "subcommands/create":
        overrides["subcommands"] = {"create": content}
    elif name == "docgen.toml":
        overrides["files"] = {"docgen.toml": content}
    else:
        overrides["docs"] = {"create.md": content}
    return overrides


def cli(*argv: str) -> tuple[int, str, list[str]]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue().splitlines()


def assert_diagnostics(err: list[str], root: Path) -> None:
    """Every stderr line is ``path[:line]: error|warning: message``, naming the plugin."""
    for line in err:
        match = LINE.match(line)
        assert match is not None, line
        assert match.group("path").startswith(str(root)), line


SENTINEL = "# hands off\n"


@CLI_SETTINGS
@given(replaced_file(), st.booleans())
def test_cli_on_a_plugin_with_one_file_replaced(
    replacement: tuple[str, str | bytes], corrected: bool
) -> None:
    name, content = replacement
    mode = ["--no-compat"] if corrected else []
    with tempfile.TemporaryDirectory() as folder:
        root = make_plugin(Path(folder) / "plugin", **_layout(name, content))
        code, out, err = cli("--stdout", *mode, str(root))
        assert code in (0, 2), (code, err)
        assert_diagnostics(err, root)
        if code == 2:
            assert err and "error:" in err[-1], err
            assert sum(": error: " in line for line in err) == 1, err
            assert out == ""
        else:
            assert not any(": error: " in line for line in err), err
            assert out.endswith("\n")
        # write mode agrees with --stdout: it writes exactly that text, or nothing at all
        readme = root / "README.md"
        readme.write_text(SENTINEL, encoding="utf-8")
        written, _, write_err = cli(*mode, str(root))
        if code == 0:
            assert written == 1, write_err
            assert readme.read_text(encoding="utf-8") == out
        else:
            assert written == 2, write_err
            assert readme.read_text(encoding="utf-8") == SENTINEL
        assert sorted(p.name for p in root.iterdir() if p.name.startswith(".README.")) == []


# --- plausible annotations ------------------------------------------------------------------

# fmt: off
PAYLOAD_TOKENS = [
    " ", "  ", "    ", "\t", "'", '"', "`", ",", ", ", ". ", ".", ":", "?", "!", "(", ")", "<", ">",
    "$1", "$2", "#E ", "#F ", "declare desc", "export ", "dokku ", "dokku $PLUGIN_COMMAND_PREFIX:create ",
    "$PLUGIN_COMMAND_PREFIX", "${PLUGIN_COMMAND_PREFIX}", "$PLUGIN_SERVICE", "${PLUGIN_VARIABLE}",
    "${PLUGIN_DEFAULT_ALIAS}", "${PLUGIN_IMAGE}", "${PLUGIN_SCHEME}", "${PLUGIN_DATASTORE_PORTS[0]}",
    "${PLUGIN_DATASTORE_PORTS[@]}", "${PLUGIN_DATASTORE_PORTS[1]}", "${PLUGIN_IMAGE_VERSION}",
    "$(echo x)", "${UNKNOWN:-x}", "-c|--config-options", "--config-options", "-f|--force",
    "AWS", "S3", "I/O", "(AWS)", "<SERVICE>", "(0.0.0.0)", "lollipop", "it's", "don't",
    "service's", "'quoted'", "a", "the", "café", "☕", "\\", "{", "}", "[", "]", "|", "&&", ";",
]
# fmt: on
PAYLOAD = st.lists(
    st.one_of(
        st.sampled_from(PAYLOAD_TOKENS),
        st.text(CHARS.filter(lambda c: c not in "\r\n\x00"), max_size=4),
    ),
    max_size=14,
).map("".join)


@st.composite
def declare_line(draw: st.DrawFn) -> str:
    names = draw(st.lists(NAME_WITH_SUFFIX, min_size=1, max_size=4))
    values = [
        draw(st.sampled_from(['"$1"', '"$2"', '"${3:-all}"', '("${@:2}")', "$1", '"$@"', '""']))
        for _ in names
    ]
    return "declare " + " ".join(
        f"{name}={value}" for name, value in zip(names, values, strict=True)
    )


ANNOTATION = st.one_of(
    st.builds(lambda p: "#A " + p, PAYLOAD),
    st.builds(lambda p: "#F " + p, PAYLOAD),
    st.builds(lambda p: "#E " + p, PAYLOAD),
    st.builds(lambda p: "#E" + p, PAYLOAD),
    st.builds(lambda p: f'declare desc="{p}"', PAYLOAD),
    st.builds(lambda p: f"declare desc='{p}'", PAYLOAD),
    st.builds(lambda p: "declare desc=" + p, PAYLOAD),
    declare_line(),
    st.builds(lambda p: "local cmd=" + p + ' "$1"', PAYLOAD),
)


@CLI_SETTINGS
@given(
    st.lists(ANNOTATION, min_size=1, max_size=12),
    st.booleans(),
    st.sampled_from(["create", "backup", "destroy"]),
)
@example(lines=['declare _FLAG="$1"'], corrected=False, name="create")
@example(lines=['declare SERVICE="$1" _FLAG="$2"'], corrected=True, name="create")
def test_cli_renders_any_plausible_annotations(
    lines: list[str], corrected: bool, name: str
) -> None:
    body = '#!/usr/bin/env bash\nservice-{0}-cmd() {{\n  {1}\n}}\n\nservice-{0}-cmd "$@"\n'.format(
        name, "\n  ".join(lines)
    )
    mode = ["--no-compat"] if corrected else []
    with tempfile.TemporaryDirectory() as folder:
        root = make_plugin(
            Path(folder) / "plugin", subcommands={name: body}, docs={f"{name}.md": "notes\n"}
        )
        code, out, err = cli("--stdout", *mode, str(root))
        assert code == 0, err
        assert_diagnostics(err, root)
        assert all(": warning: " in line for line in err), err
        commands = out.split("## Commands\n\n```\n", 1)[1].split("```", 1)[0]
        assert sum(line.startswith(f"mini:{name} ") for line in commands.splitlines()) == 1, (
            commands
        )
        assert out.endswith("\n")


@CLI_SETTINGS
@given(st.lists(PAYLOAD, min_size=1, max_size=6), st.booleans())
def test_cli_example_sentences(payloads: list[str], corrected: bool) -> None:
    """#E lines only: the example state machine and the sentence rules on random prose."""
    assume(any(p.strip() for p in payloads))
    annotations = "\n  ".join("#E " + p for p in payloads)
    body = script("create", "create a service", annotations=annotations)
    mode = ["--no-compat"] if corrected else []
    with tempfile.TemporaryDirectory() as folder:
        root = make_plugin(Path(folder) / "plugin", subcommands={"create": body})
        code, out, err = cli("--stdout", *mode, str(root))
        assert code == 0, err
        assert_diagnostics(err, root)
        assert "### create a service\n" in out


# --- the help -------------------------------------------------------------------------------


@SETTINGS
@given(TEXT)
def test_help_text_expansion_is_total(text: str) -> None:
    from docgen.build.expansion import Expander, echo_e

    expander = Expander({"PLUGIN_SERVICE": "Mini", "PORTS": ("1", "2")}.get, (text,))
    for result in (expander.heredoc(text), expander.word(text), expander.double_quoted(text)):
        assert isinstance(total(echo_e, result), str)


@SETTINGS
@given(TEXT)
def test_help_reading_and_synopsis_are_total(text: str) -> None:
    from docgen.build import helpfunctions
    from docgen.build.model import Flag
    from docgen.build.synopsis import synopsis
    from docgen.read.records import SubcommandSource

    source = SubcommandSource("x", "p/subcommands/x", text=text)
    total(helpfunctions.command, source, {"PLUGIN_SERVICE": "Mini"}.get)
    total(synopsis, text, [Flag("-t|--tail [<tail-num>]", "x", None, 1)])


@CLI_SETTINGS
@given(
    st.lists(ANNOTATION, min_size=1, max_size=12),
    st.booleans(),
    st.sampled_from(["create", "backup", "default"]),
)
def test_help_renders_any_plausible_annotations(
    lines: list[str], corrected: bool, name: str
) -> None:
    """The help of any plausible script, in both modes, and help and README agree in
    corrected mode."""
    from docgen.lint.drift import help_drift
    from docgen.pipeline import help_of

    body = '#!/usr/bin/env bash\nservice-{0}-cmd() {{\n  {1}\n}}\n\nservice-{0}-cmd "$@"\n'.format(
        name, "\n  ".join(lines)
    )
    mode = ["--no-compat"] if corrected else ["--compat"]
    with tempfile.TemporaryDirectory() as folder:
        root = make_plugin(Path(folder) / "plugin", subcommands={name: body})
        for command in ([], ["--command", name]):
            code, out, err = cli("--format", "help", *mode, *command, str(root))
            assert code == 0, err
            assert_diagnostics(err, root)
            assert out.endswith("\n\n")
        if corrected:
            result = help_of(root, compat=False)
            assert list(help_drift(result.readme, result.help)) == []
