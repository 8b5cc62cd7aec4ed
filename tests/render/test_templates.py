"""docgen.render.templates: one Environment per template folder, and the default templates
compiled to modules (as a wheel ships them) rendering exactly what the templates render."""

from __future__ import annotations

import filecmp
import importlib.metadata
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import jinja2
import pytest

from docgen.build.profiles import profiles
from docgen.pipeline import generate
from docgen.render import templates
from docgen.templates_dir import default_templates
from tests.plugin_factory import REPO, SAMPLE

GOLDEN = REPO / "tests" / "golden"


@pytest.fixture
def fresh_environments() -> Iterator[None]:
    templates.environment.cache_clear()
    templates.digest.cache_clear()
    yield
    templates.environment.cache_clear()
    templates.digest.cache_clear()


@pytest.fixture
def compiled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_environments: None
) -> Callable[[Path], Path]:
    """compiled(templates) compiles a template folder as the build hook does, into the
    folder docgen looks in; caching is off, so every README is rendered."""
    monkeypatch.setenv("DOCGEN_CACHE_DIR", "")
    monkeypatch.setattr(templates, "COMPILED", tmp_path / "compiled")
    return lambda folder: templates.compile_folder(folder, tmp_path / "compiled")


def _compile_all(compiled: Callable[[Path], Path]) -> list[Path]:
    """What hatch_build.py compiles: the defaults and each profile's own layout."""
    return [
        compiled(folder)
        for folder in (default_templates(), *templates.layouts(default_templates()))
    ]


def _default_loader() -> jinja2.BaseLoader:
    environment = templates.environment(default_templates(), None, "")
    assert isinstance(environment.loader, jinja2.ChoiceLoader)
    return environment.loader.loaders[-1]


def test_templates_are_compiled_once_per_process_whatever_the_number_of_plugins(
    monkeypatch: pytest.MonkeyPatch, plugin: Callable[..., Path], fresh_environments: None
) -> None:
    monkeypatch.setenv("DOCGEN_CACHE_DIR", "")
    compiled: list[str | None] = []
    compile_ = jinja2.Environment.compile

    def counting(self: jinja2.Environment, source: str, name: str | None = None, *a, **k):  # type: ignore[no-untyped-def]
        compiled.append(name)
        return compile_(self, source, name, *a, **k)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    generate(SAMPLE)
    once = len(compiled)
    assert once > 1
    generate(plugin())
    generate(SAMPLE, compat=False)
    assert len(compiled) == once, "a second plugin compiled templates again"
    assert len(set(compiled)) == once


def test_compiled_default_templates_render_every_golden_file_identically(
    compiled: Callable[[Path], Path],
) -> None:
    _compile_all(compiled)
    assert isinstance(_default_loader(), jinja2.ModuleLoader)
    assert generate(SAMPLE).text == (SAMPLE / "README.md").read_text(encoding="utf-8")
    expected = (GOLDEN / "sample-plugin.corrected.md").read_text(encoding="utf-8")
    assert generate(SAMPLE, compat=False).text == expected


def test_every_profile_renders_the_same_from_compiled_templates(
    compiled: Callable[[Path], Path],
) -> None:
    """Each compat profile, its own layout included, renders what the template files do."""
    names = [profile.name for profile in profiles()]
    from_files = [generate(SAMPLE, compat=name).text for name in names]
    templates.environment.cache_clear()
    _compile_all(compiled)
    assert [generate(SAMPLE, compat=name).text for name in names] == from_files
    layout = next(p for p in profiles() if p.templates)
    environment = templates.environment(default_templates(), None, layout.templates)
    assert isinstance(environment.loader, jinja2.ChoiceLoader)
    assert isinstance(environment.loader.loaders[0], jinja2.ModuleLoader)


def test_compiled_templates_serve_overrides_and_the_docgen_prefix(
    compiled: Callable[[Path], Path], plugin: Callable[..., Path]
) -> None:
    _compile_all(compiled)
    footer = '{% extends "docgen/README.md.j2" %}{% block footer %}\n\nFOOTER{% endblock %}\n'
    plain = generate(plugin()).text
    root = plugin(files={"docgen.toml": 'templates = "tpl"\n', "tpl/README.md.j2": footer})
    assert generate(root).text == plain[: -len("\n")] + "\nFOOTER\n"


def test_stale_compiled_templates_are_not_used(
    compiled: Callable[[Path], Path], tmp_path: Path
) -> None:
    """Modules compiled from other templates, or by another jinja2, are ignored: the
    templates are compiled from templates/ as in a source checkout."""
    other = tmp_path / "other"
    shutil.copytree(default_templates(), other)
    (other / "partials" / "title.md.j2").write_text("# changed\n", encoding="utf-8")
    compiled(other)
    assert isinstance(_default_loader(), jinja2.FileSystemLoader)
    templates.environment.cache_clear()
    folder = compiled(default_templates())
    folder.rename(folder.with_name(folder.name.replace(jinja2.__version__, "0.0.0")))
    assert isinstance(_default_loader(), jinja2.FileSystemLoader)


def test_a_source_checkout_compiles_the_templates(fresh_environments: None) -> None:
    if templates.COMPILED.is_dir():
        pytest.skip("docgen is installed from a wheel")
    assert isinstance(_default_loader(), jinja2.FileSystemLoader)


def _installed_compiled_folders() -> list[Path]:
    try:
        distribution = importlib.metadata.distribution("dokku-docgen")
    except importlib.metadata.PackageNotFoundError:
        return []
    files = distribution.files or []
    return sorted(
        {
            Path(str(distribution.locate_file(file))).parent
            for file in files
            if file.parts[:3] == ("docgen", "prebuilt", "templates") and file.suffix == ".py"
        }
    )


def test_the_installed_wheel_ships_the_templates_compiled(tmp_path: Path) -> None:
    """Where docgen is installed from a wheel (CI installs it so), its compiled modules are
    exactly what the templates of this checkout compile to, with the installed jinja2."""
    folders = _installed_compiled_folders()
    if not folders:
        pytest.skip("docgen is not installed from a wheel (editable install or source checkout)")
    if any(f"jinja2-{jinja2.__version__}-" not in folder.name for folder in folders):
        pytest.skip(f"the wheel was built with another jinja2 ({folders[0].name})")
    sources = (REPO / "templates", *templates.layouts(REPO / "templates"))
    expected = sorted(templates.compile_folder(folder, tmp_path) for folder in sources)
    assert [folder.name for folder in folders] == [folder.name for folder in expected]
    for shipped, built in zip(folders, expected, strict=True):
        names = sorted(path.name for path in built.glob("*.py"))
        assert sorted(path.name for path in shipped.glob("*.py")) == names
        assert filecmp.cmpfiles(shipped, built, names, shallow=False)[0] == names
