"""docgen.render.memo: the render memo stays bounded, keeps what is used, and its key
follows docgen's own code."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

import docgen
from docgen.build.profiles import newest
from docgen.pipeline import generate
from docgen.render import markdown, memo


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DOCGEN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(memo, "_entries", {})
    return tmp_path / "cache" / "readmes"


def test_the_memo_stays_bounded_after_300_distinct_readmes(
    cache: Path, plugin: Callable[..., Path]
) -> None:
    readme = generate(plugin(), compat=True).readme
    texts = [markdown.render(readme._replace(prefix=f"p{n}"), newest()) for n in range(300)]
    entries = list(cache.iterdir())
    assert len(entries) < 300
    assert len(entries) <= memo.LIMIT + memo.SLACK
    # the newest READMEs are still served from the memo
    assert memo.read(cache, markdown._render_key(readme._replace(prefix="p299"), newest(), None))
    assert texts[299].startswith("# dokku p299")


def test_pruning_keeps_the_most_recently_used_entries(tmp_path: Path) -> None:
    for n in range(10):
        (tmp_path / f"{n}.md").write_text(str(n), encoding="utf-8")
        os.utime(tmp_path / f"{n}.md", ns=(n * 10**9, n * 10**9))
    assert memo.read(tmp_path, "0") == "0"  # used now: the newest
    assert memo.prune(tmp_path, keep=3) == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["0.md", "8.md", "9.md"]


def test_the_memo_folder_is_listed_once_per_slack_writes(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache.mkdir(parents=True)
    listings = []
    scandir = os.scandir

    def counting(path: str | Path) -> object:
        listings.append(path)
        return scandir(path)

    monkeypatch.setattr(memo.os, "scandir", counting)
    for n in range(memo.LIMIT + 2 * memo.SLACK):
        memo.write(cache, f"{n:04d}", "text")
    # one count at the first write, then one listing per prune: at LIMIT + SLACK entries,
    # and again SLACK writes later
    assert len(listings) == 3
    assert len(list(cache.iterdir())) <= memo.LIMIT + memo.SLACK


def test_a_change_to_a_docgen_source_file_changes_the_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, plugin: Callable[..., Path]
) -> None:
    package = tmp_path / "docgen"
    shutil.copytree(
        Path(docgen.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__")
    )
    before = memo.code_digest(package)
    (package / "__pycache__").mkdir(exist_ok=True)
    (package / "__pycache__" / "x.pyc").write_bytes(b"compiled")
    memo.code_digest.cache_clear()
    assert memo.code_digest(package) == before
    compat = package / "build" / "compat.py"
    compat.write_text(compat.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    memo.code_digest.cache_clear()
    assert memo.code_digest(package) != before
    memo.code_digest.cache_clear()

    readme = generate(plugin()).readme
    key = markdown._render_key(readme, newest(), None)
    monkeypatch.setattr(memo, "code_digest", lambda folder: "other code")
    assert markdown._render_key(readme, newest(), None) != key
