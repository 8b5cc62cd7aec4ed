"""docgen.render: the jinja2 environment, the render memo and its key."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from docgen.build.profiles import corrected, newest, profiles
from docgen.pipeline import generate
from docgen.render import markdown as render_module
from docgen.render import templates
from tests.plugin_factory import REPO


def _memo_files(folder: Path) -> list[Path]:
    return sorted((folder / "readmes").glob("*.md"))


def test_render_memo_returns_the_same_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, plugin: Callable[..., Path]
) -> None:
    monkeypatch.setenv("DOCGEN_CACHE_DIR", str(tmp_path / "cache"))
    root = plugin()
    first = generate(root).text
    assert len(_memo_files(tmp_path / "cache")) == 1
    assert generate(root).text == first
    assert _memo_files(tmp_path / "cache")[0].read_text(encoding="utf-8") == first


def test_render_memo_key_follows_the_model_the_quirks_and_the_templates(
    plugin: Callable[..., Path],
) -> None:
    root = plugin(
        files={
            "docgen.toml": 'templates = "tpl"\n',
            "tpl/README.md.j2": '{% extends "docgen/README.md.j2" %}\n',
        }
    )
    result = generate(root)
    overrides = root / "tpl"
    key = render_module._render_key(result.readme, newest(), overrides)
    assert render_module._render_key(result.readme, newest(), overrides) == key
    assert render_module._render_key(result.readme, corrected(), overrides) != key
    assert render_module._render_key(result.readme, profiles()[0], overrides) != key
    assert (
        render_module._render_key(result.readme._replace(prefix="other"), newest(), overrides)
        != key
    )
    templates.digest.cache_clear()
    (overrides / "README.md.j2").write_text(
        '{% extends "docgen/README.md.j2" %}\n{% block footer %}x{% endblock %}\n',
        encoding="utf-8",
    )
    assert render_module._render_key(result.readme, newest(), overrides) != key
    templates.digest.cache_clear()


def test_render_memo_key_follows_each_command_and_each_section(
    plugin: Callable[..., Path],
) -> None:
    """Sections name their commands by position in the key text: every change still shows."""
    readme = generate(plugin()).readme
    key = render_module._render_key(readme, newest(), None)
    basic = readme.sections[0]
    create = basic.commands[0]
    renamed = create._replace(description="something else")
    changes = [
        readme._replace(commands=tuple(renamed if c is create else c for c in readme.commands)),
        readme._replace(sections=(basic._replace(commands=(renamed,)), *readme.sections[1:])),
        readme._replace(sections=(basic._replace(commands=()), *readme.sections[1:])),
        readme._replace(sections=(basic._replace(title="Other"), *readme.sections[1:])),
        readme._replace(sections=readme.sections[::-1]),
    ]
    keys = {render_module._render_key(changed, newest(), None) for changed in changes}
    assert len(keys) == len(changes) and key not in keys


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
    generate(plugin())
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
