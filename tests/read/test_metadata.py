"""docgen.read.metadata: plugin.toml's description, version and sponsors, as TOML reads them
and as bin/generate does (the last raw line starting with sponsors, A17)."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.read.metadata import parse_metadata, read_metadata
from docgen.read.records import PluginMetadata

PATH = "plug/plugin.toml"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '[plugin]\ndescription = "dokku postgres service plugin"\nversion = "1.0.0"\n[plugin.config]\n',
            PluginMetadata(PATH, "dokku postgres service plugin", "1.0.0", (), None),
        ),
        # sponsors under [plugin]: the parsed list, and the raw line for compat
        (
            '[plugin]\ndescription = "d"\nversion = "1"\nsponsors = ["a", "b"]\n',
            PluginMetadata(PATH, "d", "1", ("a", "b"), (4, 'sponsors = ["a", "b"]')),
        ),
        # top-level sponsors
        (
            'sponsors = ["top"]\n[plugin]\ndescription = "d"\n',
            PluginMetadata(PATH, "d", "", ("top",), (1, 'sponsors = ["top"]')),
        ),
        # [plugin] sponsors win over top-level ones; the last raw line wins for the script
        (
            'sponsors = ["top"]\n[plugin]\nsponsors = ["inner"]\n',
            PluginMetadata(PATH, "", "", ("inner",), (3, 'sponsors = ["inner"]')),
        ),
        # a BOM hides a first-line sponsors line from the script
        (
            '\ufeffsponsors = ["a"]\n',
            PluginMetadata(PATH, "", "", ("a",), None),
        ),
        # an indented line does not start with "sponsors": no raw line
        (
            '[plugin]\n  sponsors = ["indented"]\n',
            PluginMetadata(PATH, "", "", ("indented",), None),
        ),
        ("", PluginMetadata(PATH, "", "", (), None)),
        ("[plugin]\nversion = 2\n", PluginMetadata(PATH, "", "2", (), None)),
        (
            'plugin = 3\nsponsors = ["x"]\n',
            PluginMetadata(PATH, "", "", ("x",), (2, 'sponsors = ["x"]')),
        ),
    ],
)
def test_parse_metadata(text: str, expected: PluginMetadata) -> None:
    assert parse_metadata(text, PATH) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("x = [", "plug/plugin.toml:1: error: is not valid TOML: Invalid value"),
        (
            "[plugin\n",
            "plug/plugin.toml:1: error: is not valid TOML: Expected ']' at the end of a table declaration",
        ),
        ('sponsors = ["a"\n', "plug/plugin.toml:2: error: is not valid TOML: Unclosed array"),
    ],
)
def test_invalid_toml(text: str, expected: str) -> None:
    """The message names the file and the line tomllib reports. It is kept, not raised:
    bin/generate never parses plugin.toml, so only corrected mode needs it to be TOML."""
    problem = parse_metadata(text, PATH).problem
    assert problem is not None and problem.path == PATH
    assert str(problem) == expected


@pytest.mark.parametrize(
    "text",
    ['sponsors = "a"', "sponsors = [1]", '[plugin]\nsponsors = {a = "b"}', 'sponsors = ["a", 2]'],
)
def test_sponsors_must_be_a_list_of_strings(text: str) -> None:
    metadata = parse_metadata(text, PATH)
    assert metadata.sponsors == ()
    assert str(metadata.problem) == (
        'plug/plugin.toml: error: sponsors must be a list of GitHub names (write sponsors = ["name"])'
    )


def test_read_metadata(tmp_path: Path) -> None:
    (tmp_path / "plugin.toml").write_bytes(
        b'[plugin]\r\ndescription = "d"\r\nsponsors = ["a","b"]\r\n'
    )
    assert read_metadata(tmp_path) == PluginMetadata(
        str(tmp_path / "plugin.toml"), "d", "", ("a", "b"), (3, 'sponsors = ["a","b"]')
    )
