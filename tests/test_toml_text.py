"""docgen.toml_text: the simple-TOML fast path agrees with tomllib wherever it answers."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from docgen.errors import DocgenError
from docgen.read.toml import parse_toml, simple_toml

ROOT = Path(__file__).resolve().parent.parent

PLUGIN_TOML = """[plugin]
description = "dokku postgres service plugin"
version = "1.41.0"
sponsors = ["coding-socks"]
[plugin.config]
"""


@pytest.mark.parametrize(
    "path",
    [
        "templates/sections.toml",
        "sample-plugin/plugin.toml",
        "tests/examples/extra-commands/docgen.toml",
        "tests/examples/unofficial-fork/docgen.toml",
    ],
)
def test_project_files_take_the_fast_path(path: str) -> None:
    """The files of every run never need tomllib (the point of the fast path)."""
    text = (ROOT / path).read_text(encoding="utf-8")
    assert simple_toml(text) == tomllib.loads(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (PLUGIN_TOML, tomllib.loads(PLUGIN_TOML)),
        ("", {}),
        ("# only a comment\n\n", {}),
        ('a = "x"\n[t]\nb = true\nc = false\n', {"a": "x", "t": {"b": True, "c": False}}),
        ('l = [ "a" , "b", ]\ne = []\n', {"l": ["a", "b"], "e": []}),
        ('s = "a#b, [c]"\n', {"s": "a#b, [c]"}),
        ('m = """\nline 1\n\n  line 3"""\n', {"m": "line 1\n\n  line 3"}),
        ('m = """one line"""\n', {"m": "one line"}),
        ('m = """  \nkept"""\n', {"m": "  \nkept"}),
        ('[[s]]\nk = "1"\n[[s]]\nk = "2"\n', {"s": [{"k": "1"}, {"k": "2"}]}),
        ('[a.b]\nx = "1"\n[a]\ny = "2"\n', {"a": {"b": {"x": "1"}, "y": "2"}}),
        ('\t key\t=\t"v"\t\n', {"key": "v"}),
        ('k = "ü ✓"\n', {"k": "ü ✓"}),
    ],
)
def test_simple_toml(text: str, expected: dict[str, object]) -> None:
    assert simple_toml(text) == expected == tomllib.loads(text)


@pytest.mark.parametrize(
    "text",
    [
        'k = "x" # trailing comment\n',
        'k = "a\\"b"\n',
        "k = 'literal'\n",
        "k = 1\n",
        'a.b = "dotted key"\n',
        '"quoted" = "key"\n',
        'k = [\n  "multi-line list",\n]\n',
        'k = ["a", ["nested"]]\n',
        'k = { inline = "table" }\n',
        'k = "tab\tinside"\n',
        'k = """with "quote" inside"""\n',
        'k = """unclosed\n',
        'k = """a""" trailing\n',
        'k = "x"\r\n',
        "[[a.b]]\n",
        "[ a ]\n",
        "[[s]]\n[s.x]\n",
        "[[a]]\n[a]\n",
        'a = ["x"]\n[[a]]\n',
    ],
)
def test_everything_else_goes_to_tomllib(text: str) -> None:
    """Valid or not, these are left to tomllib, which parses them or says what is wrong."""
    assert simple_toml(text) is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('k = "1"\nk = "2"\n', "plug/x.toml:2: error: is not valid TOML: Cannot overwrite a value"),
        ("[t]\n[t]\n", "plug/x.toml:2: error: is not valid TOML: Cannot declare ('t',) twice"),
        ('a = "x"\n[a]\n', "plug/x.toml:2: error: is not valid TOML: Cannot overwrite a value"),
        ("k = \n", "plug/x.toml:1: error: is not valid TOML: Invalid value"),
        (
            "[t\n",
            "plug/x.toml:1: error: is not valid TOML: Expected ']' at the end of a table declaration",
        ),
    ],
)
def test_invalid_documents_get_tomllibs_message(text: str, message: str) -> None:
    """The fast path never accepts what TOML refuses: the error comes from tomllib."""
    assert simple_toml(text) is None
    with pytest.raises(DocgenError) as raised:
        parse_toml(text, "plug/x.toml")
    assert str(raised.value) == message


# Pieces of TOML lines, valid and invalid, near the edge of the simple subset.
_KEYS = st.sampled_from(["a", "b", "key", "k-1", "K_2", "a.b", '"q"', "", "a b"])
_TEXT = st.text(alphabet=st.sampled_from("ab #,[]=\"\\\t'ü\n\r\x01"), max_size=8)
_VALUES = st.one_of(
    _TEXT.map(lambda text: f'"{text}"'),
    _TEXT.map(lambda text: f'"""{text}"""'),
    st.lists(_TEXT.map(lambda text: f'"{text}"'), max_size=3).map(
        lambda items: "[" + ", ".join(items) + "]"
    ),
    st.sampled_from(["true", "false", "[]", "[,]", '["a",]', "1", "", '"""', "[\n]"]),
    _TEXT,
)
_LINES = st.one_of(
    st.tuples(_KEYS, st.sampled_from(["=", " = ", "\t=", " "]), _VALUES).map("".join),
    st.sampled_from(["[a]", "[b]", "[a.b]", "[b.a]", "[[s]]", "[[a]]", "[s.x]", "[ a ]", "[]"]),
    st.sampled_from(["", "# comment", "  # indented ü", "\t", '"""', 'x"""', "[a] # c"]),
    _TEXT,
)


# Lines inside the subset, so that most documents get an answer from the fast path.
_SAFE_TEXT = st.text(alphabet=st.sampled_from("ab #,[]=ü\n"), max_size=8)
_SAFE_LINES = st.one_of(
    st.tuples(
        st.sampled_from(["a", "b", "c", "d", "k-1", "K_2"]),
        st.sampled_from(["=", " = "]),
        st.one_of(
            _SAFE_TEXT.filter(lambda text: "\n" not in text).map(lambda text: f'"{text}"'),
            _SAFE_TEXT.map(lambda text: f'"""{text}"""'),
            st.sampled_from(["true", "false", '["x", "y",]']),
        ),
    ).map("".join),
    st.sampled_from(["[a]", "[b]", "[a.b]", "[[s]]", "", "# c"]),
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.lists(_LINES, max_size=8), st.lists(_SAFE_LINES, max_size=8)).map("\n".join))
def test_fast_path_agrees_with_tomllib(text: str) -> None:
    """Where the fast path answers, tomllib accepts the text and gives the same table."""
    simple = simple_toml(text)
    if simple is not None:
        assert simple == tomllib.loads(text)
