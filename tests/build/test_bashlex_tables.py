"""docgen.build.bashlex_tables: bashlex's parser tables as plain JSON, read back only when
they fit the grammar; a damaged or malicious file is ignored and never runs code."""

from __future__ import annotations

import importlib.metadata
import json
import os
import pickle
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from docgen.build.bashlex_tables import table_name
from tests.plugin_factory import REPO

# Imports bashlex through docgen in a fresh interpreter (the test process may have imported
# it already) and prints the kind of a parsed node and whether the tables were built.
PROGRAM = """
import sys
from pathlib import Path
from docgen.build import bashlex_tables as tables
tables.PREBUILT = Path(sys.argv[1])
built = []
table = tables._table
tables._table = lambda build, *a: table(lambda *b: built.append(1) or build(*b), *a)
print(tables.load_bashlex().parse("echo hi")[0].kind, "built" if built else "read")
"""


def _load(cache: str, prebuilt: Path) -> str:
    env = {"DOCGEN_CACHE_DIR": cache, "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    command = [sys.executable, "-c", PROGRAM, str(prebuilt)]
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def _tables(cache: Path) -> list[Path]:
    return sorted((cache / "bashlex").glob("bashlex-*.json"))


def test_tables_are_stored_as_json_and_read_back(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert _load(str(cache), tmp_path / "none") == "command built"
    [stored] = _tables(cache)
    action, goto = json.loads(stored.read_text(encoding="utf-8"))
    assert len(action) == len(goto) > 100
    assert _load(str(cache), tmp_path / "none") == "command read"


class _Marker:
    """A pickle that creates a folder when it is loaded."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.mkdir, (str(self.path),))


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not json",
        b"[[], []]",
        b'{"action": [], "goto": []}',
        b'[[{"NOPE": 1}], [{}]]',
        "pickle",
        "out of range",
        "wrong type",
    ],
)
def test_a_damaged_or_malicious_table_file_is_ignored(tmp_path: Path, content: object) -> None:
    cache = tmp_path / "cache"
    assert _load(str(cache), tmp_path / "none") == "command built"
    [stored] = _tables(cache)
    action, goto = json.loads(stored.read_text(encoding="utf-8"))
    marker = tmp_path / "executed"
    if content == "pickle":
        content = pickle.dumps(_Marker(marker))
    elif content == "out of range":
        action[0][next(iter(action[0]))] = len(action) + 5
        content = json.dumps([action, goto]).encode()
    elif content == "wrong type":
        goto[0][next(iter(goto[0]))] = "1"
        content = json.dumps([action, goto]).encode()
    assert isinstance(content, bytes)
    stored.write_bytes(content)
    assert _load(str(cache), tmp_path / "none") == "command built"
    assert not marker.exists()
    assert _load(str(cache), tmp_path / "none") == "command read"  # rewritten whole


def test_prebuilt_tables_serve_a_run_without_cache(tmp_path: Path) -> None:
    """A wheel ships the tables (hatch_build.py): with caching off, they are read."""
    _load(str(tmp_path / "cache"), tmp_path / "none")
    prebuilt = tmp_path / "prebuilt"
    prebuilt.mkdir()
    [stored] = _tables(tmp_path / "cache")
    stored.rename(prebuilt / stored.name)
    assert _load("", prebuilt) == "command read"
    assert _load("", tmp_path / "none") == "command built"


def test_the_table_name_follows_the_grammar_and_the_yacc_source(tmp_path: Path) -> None:
    yacc = tmp_path / "yacc.py"
    yacc.write_text("# one algorithm\n", encoding="utf-8")
    grammar = SimpleNamespace(Productions=["S -> a"], Precedence={}, Start="S")
    name = table_name(grammar, str(yacc))
    assert name.startswith("bashlex-") and name.endswith(".json")
    changed = [
        SimpleNamespace(Productions=["S -> b"], Precedence={}, Start="S"),
        SimpleNamespace(Productions=["S -> a"], Precedence={"a": ("left", 1)}, Start="S"),
        SimpleNamespace(Productions=["S -> a"], Precedence={}, Start="T"),
    ]
    assert all(table_name(other, str(yacc)) != name for other in changed)
    yacc.write_text("# another algorithm\n", encoding="utf-8")
    assert table_name(grammar, str(yacc)) != name


def test_the_installed_wheel_ships_tables_for_the_installed_bashlex() -> None:
    """Where docgen is installed from a wheel (CI installs it so), a run with caching off
    reads the tables the wheel ships instead of building them."""
    try:
        distribution = importlib.metadata.distribution("dokku-docgen")
    except importlib.metadata.PackageNotFoundError:
        pytest.skip("docgen is not installed")
    shipped = [
        Path(str(distribution.locate_file(file)))
        for file in distribution.files or []
        if file.parts[:2] == ("docgen", "prebuilt") and file.name.startswith("bashlex-")
    ]
    if not shipped:
        pytest.skip("docgen is not installed from a wheel (editable install or source checkout)")
    assert _load("", shipped[0].parent) == "command read"
