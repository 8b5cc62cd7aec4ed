"""docgen/read/quoting.py: the characters bash reads unquoted."""

from __future__ import annotations

import pytest

from docgen.read.quoting import unquoted


@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [
        ("a b", 0, "a b"),
        ("a'b c'd", 0, "ad"),  # single quotes: nothing inside, nor the quotes
        ('a"b\\" c"d', 0, "ad"),  # an escaped quote does not close double quotes
        ("a'b\\'c", 0, "ac"),  # ...but a backslash escapes nothing inside single quotes
        ("a\\(b", 0, "ab"),  # a backslash and the character it escapes
        ("(x)", 1, "x)"),
        ("a # b\nc", 0, "a # b\nc"),  # comments are text unless asked for
    ],
)
def test_unquoted(text: str, start: int, expected: str) -> None:
    assert "".join(text[index] for index in unquoted(text, start)) == expected


@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [
        ("a # b)\nc)", 0, "a c)"),  # after white space: to the end of the line
        ("#b)\nc", 0, "c"),  # at the start of the walk
        ("x#b)", 0, "x#b)"),  # inside a word: no comment
        ("a '# b'\nc", 0, "a \nc"),  # quoted: no comment
        ("a # b)", 0, "a "),  # no newline: the walk ends
    ],
)
def test_unquoted_with_comments(text: str, start: int, expected: str) -> None:
    walked = "".join(text[index] for index in unquoted(text, start, comments=True))
    assert walked == expected
