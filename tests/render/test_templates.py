"""docgen.render.templates: one Environment per template folder and process."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import jinja2
import pytest

from docgen.pipeline import generate
from docgen.render import templates
from docgen.templates_dir import default_templates
from tests.plugin_factory import SAMPLE


@pytest.fixture
def fresh_environments() -> Iterator[None]:
    templates.environment.cache_clear()
    templates.digest.cache_clear()
    yield
    templates.environment.cache_clear()
    templates.digest.cache_clear()


def _default_loader() -> jinja2.BaseLoader:
    environment = templates.environment(default_templates(), None, "", None)
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
