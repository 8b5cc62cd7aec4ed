"""docgen.read.toml: TOML through tomllib; a syntax error names the file and the line."""

from __future__ import annotations

import pytest

from docgen.errors import DocgenError
from docgen.read.toml import parse_toml


def test_valid_document() -> None:
    assert parse_toml('[a]\nb = ["x", "y"]\nc = true\n', "x.toml") == {
        "a": {"b": ["x", "y"], "c": True}
    }


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[t]\n[t]\n", "plug/x.toml:2: error: is not valid TOML: Cannot declare ('t',) twice"),
        ('a = "x"\n[a]\n', "plug/x.toml:2: error: is not valid TOML: Cannot overwrite a value"),
        ("k = \n", "plug/x.toml:1: error: is not valid TOML: Invalid value"),
        (
            "[t\n",
            "plug/x.toml:1: error: is not valid TOML: Expected ']' at the end of a table declaration",
        ),
        ('s = """\nopen', "plug/x.toml:2: error: is not valid TOML: Unterminated string"),
        ("a = " + "[" * 5000, "plug/x.toml: error: is not valid TOML: nested too deeply"),
    ],
)
def test_invalid_documents_name_the_line(text: str, message: str) -> None:
    with pytest.raises(DocgenError) as raised:
        parse_toml(text, "plug/x.toml")
    assert str(raised.value) == message
