"""docgen.build.expansion: the shell's expansion of help text, and echo -e."""

from __future__ import annotations

import pytest

from docgen.build.expansion import Expander, Value, echo_e

VALUES: dict[str, Value] = {
    "PLUGIN_SERVICE": "Postgres",
    "PORTS": ("5432", "8080"),
    "EMPTY": "",
    "NONE": (),
}
EXPANDER = Expander(VALUES.get, ("the block", "second"))


@pytest.mark.parametrize(
    ("text", "expanded"),
    [
        ("a $PLUGIN_SERVICE b", "a Postgres b"),
        ("${PLUGIN_SERVICE}_URL", "Postgres_URL"),
        ("$PLUGIN_SERVICE_NAME", ""),  # another, unset name
        ("${PORTS[0]} ${PORTS[1]} ${PORTS[2]} ${PORTS[@]} ${PORTS}", "5432 8080  5432 8080 5432"),
        ("${PLUGIN_SERVICE[0]}/${PLUGIN_SERVICE[1]}", "Postgres/"),
        ("${NONE} ${NONE[@]}|", " |"),
        ("${UNSET:-word} ${EMPTY:-word} ${EMPTY-word} ${UNSET-word}", "word word  word"),
        ("${PLUGIN_SERVICE:+set} ${EMPTY:+set} ${EMPTY+set} ${UNSET+set}|", "set  set |"),
        ("${UNSET:=$PLUGIN_SERVICE}", "Postgres"),
        ("$1 / $2 / $3 / $# / $@", "the block / second /  / 2 / the block second"),
        ("a `command` b $(command) c $((1 + 2)) d", "a  b  c  d"),
        ('\\$PLUGIN_SERVICE \\\\ \\` \\x \\"', '$PLUGIN_SERVICE \\ ` \\x \\"'),
        ("joined \\\nline", "joined line"),
        ("cost $ 5 and $", "cost $ 5 and $"),
        ("'$PLUGIN_SERVICE' \"$PLUGIN_SERVICE\"", "'Postgres' \"Postgres\""),
        ("${}", ""),
    ],
)
def test_heredoc(text: str, expanded: str) -> None:
    assert EXPANDER.heredoc(text) == expanded


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ('"create a $PLUGIN_SERVICE service"', "create a Postgres service"),
        ("'single $PLUGIN_SERVICE'", "single $PLUGIN_SERVICE"),
        ('"say \\"hi\\""', 'say "hi"'),
        ("\"a\"b'c'\\d", "abcd"),
        ('"${EMPTY:-fallback} $(echo "x")"', "fallback "),
        ('"unclosed', "unclosed"),
    ],
)
def test_word(raw: str, value: str) -> None:
    assert EXPANDER.word(raw) == value


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        ("plain", "plain"),
        ("a\\tb\\nc", "a\tb\nc"),
        ("\\e[1m\\\\", "\x1b[1m\\"),
        ("\\x41\\0101\\0", "AA\x00"),
        ("\\xff", "\udcff"),  # a byte that is not ASCII, written back raw
        ("\\u0041\\u00e9", "A\\u00E9"),  # the C locale has no é: bash prints the escape
        ("\\q \\101", "\\q \\101"),
        ("stop\\chere", "stop"),
        ("trailing\\", "trailing\\"),
    ],
)
def test_echo_e(text: str, printed: str) -> None:
    assert echo_e(text) == printed
