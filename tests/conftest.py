"""Shared fixtures: golden files and a factory of tiny plugins, one per edge case."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.plugin_factory import make_plugin

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="session", autouse=True)
def cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The tests never read or fill the user's cache (~/.cache/docgen): a fresh folder for
    the session, removed afterwards."""
    folder = tmp_path_factory.mktemp("docgen-cache")
    previous = os.environ.get("DOCGEN_CACHE_DIR")
    os.environ["DOCGEN_CACHE_DIR"] = str(folder)
    yield folder
    if previous is None:
        del os.environ["DOCGEN_CACHE_DIR"]
    else:
        os.environ["DOCGEN_CACHE_DIR"] = previous
    shutil.rmtree(folder, ignore_errors=True)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/* with the current output instead of comparing",
    )


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """golden(name, text): text must equal tests/golden/<name>, byte for byte."""
    update = request.config.getoption("--update-golden")

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
            return
        assert path.exists(), f"no golden file {path}; run pytest --update-golden once"
        assert text == path.read_text(encoding="utf-8"), f"output differs from {path}"

    return check


@pytest.fixture
def plugin(tmp_path: Path) -> Callable[..., Path]:
    """plugin(**overrides) -> the folder of a tiny valid plugin (see plugin_factory)."""

    def factory(**overrides: object) -> Path:
        return make_plugin(tmp_path / "plugin", **overrides)  # type: ignore[arg-type]

    return factory
