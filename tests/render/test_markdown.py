"""docgen.render.markdown: rendering, template errors, and a changed template rendered again."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from docgen.pipeline import generate, readme_text
from tests.plugin_factory import REPO


def test_a_changed_override_template_is_rendered_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, plugin: Callable[..., Path]
) -> None:
    """Each docgen run is a new process: a changed template must never meet a stale memo."""
    monkeypatch.setenv("DOCGEN_CACHE_DIR", str(tmp_path / "cache"))
    root = plugin(
        files={
            "docgen.toml": 'templates = "tpl"\n',
            "tpl/README.md.j2": '{% extends "docgen/README.md.j2" %}\n',
        }
    )
    command = [sys.executable, "-m", "docgen", "--stdout", str(root)]

    def run() -> str:
        return subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=True).stdout

    before = run()
    (root / "tpl" / "README.md.j2").write_text(
        '{% extends "docgen/README.md.j2" %}\n{% block footer %}\n\nFOOTER{% endblock %}\n',
        encoding="utf-8",
    )
    # trim_blocks eats the newline after {% block footer %}: the block is "\nFOOTER"
    assert run() == before[: -len("\n")] + "\nFOOTER\n"


def test_empty_cache_dir_setting_turns_caching_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, plugin: Callable[..., Path]
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("DOCGEN_CACHE_DIR", "")
    assert readme_text(plugin()) == (generate(plugin()).text, ())
    assert not (tmp_path / "home").exists()


def test_template_syntax_error_names_the_file_and_line(plugin: Callable[..., Path]) -> None:
    root = plugin(
        files={"docgen.toml": 'templates = "tpl"\n', "tpl/README.md.j2": "line one\n{% if %}\n"}
    )
    from docgen.errors import DocgenError

    with pytest.raises(DocgenError) as raised:
        generate(root)
    assert (raised.value.path, raised.value.line) == (str(root / "tpl" / "README.md.j2"), 2)
    assert str(raised.value).startswith(
        f"{root / 'tpl' / 'README.md.j2'}:2: error: template error: "
    )
