"""Compat mode on the trees of tests/compat_cases.py: byte for byte what bin/generate wrote
(tests/golden/compat/), without a warning, since the script does not stop on them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from docgen.errors import DocgenError
from docgen.pipeline import generate
from tests.compat_cases import CASES
from tests.plugin_factory import make_plugin


@pytest.mark.parametrize("name", sorted(CASES))
def test_compat_case(name: str, tmp_path: Path, golden: Callable[[str, str], None]) -> None:
    root = make_plugin(tmp_path / name, **CASES[name].plugin)  # type: ignore[arg-type]
    result = generate(root)
    golden(f"compat/{name}.md", result.text)


# Trees that are bad input once they are read as bash, Docker and TOML read them.
CORRECTED_ERRORS = {
    "from-empty-image": "Dockerfile:1: error: cannot read an image name in FROM :1.0 "
    "(write FROM image:tag)",
    "plugin-toml-not-toml": "plugin.toml:1: error: is not valid TOML: Expected newline or end "
    "of document after a statement",
    "sponsors-bracket-in-comment": "plugin.toml: error: sponsors must be a list of GitHub names "
    '(write sponsors = ["name"])',
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_corrected_mode_renders_each_case(name: str, tmp_path: Path) -> None:
    """Corrected mode renders the evident meaning of the same trees, without the garbage,
    or says in one line why the input is wrong."""
    root = make_plugin(tmp_path / name, **CASES[name].plugin)  # type: ignore[arg-type]
    if name in CORRECTED_ERRORS:
        with pytest.raises(DocgenError) as raised:
            generate(root, compat=False)
        assert str(raised.value) == f"{root}/{CORRECTED_ERRORS[name]}"
        return
    text = generate(root, compat=False).text
    assert "<->" not in text and "### None" not in text and "hub.docker.com/r/ghcr.io" not in text
