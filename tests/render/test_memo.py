"""docgen.render.memo: the render memo returns what a build and render would, its key
follows every input and docgen's own code, and the folder stays bounded."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import docgen
from docgen.errors import DocgenError
from docgen.pipeline import generate, readme_text
from docgen.read.plugin import read_plugin
from docgen.read.records import DocFragment
from docgen.render import memo, templates
from tests.plugin_factory import CONFIG, REPO, make_plugin


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DOCGEN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(memo, "_entries", {})
    return tmp_path / "cache" / "readmes"


def test_the_memo_returns_what_building_and_rendering_give(
    cache: Path, plugin: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = plugin()
    expected = generate(root)
    assert readme_text(root) == (expected.text, expected.warnings)
    [entry] = cache.iterdir()
    header, _, body = entry.read_text(encoding="utf-8").partition("\n")
    assert header.startswith("docgen-memo ") and body == expected.text
    monkeypatch.setattr("docgen.pipeline.from_source", None)  # a hit builds nothing
    assert readme_text(root) == (expected.text, expected.warnings)


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data.replace(b"Currently", b"Formerly"),  # altered
        lambda data: data[: len(data) // 2],  # truncated
        lambda data: data.partition(b"\n")[2],  # no header: the text alone
        lambda data: b"\xff\xfe" + data,  # not UTF-8
        lambda data: b"",
    ],
)
def test_a_damaged_entry_is_rendered_again_and_replaced(
    cache: Path, plugin: Callable[..., Path], damage: Callable[[bytes], bytes]
) -> None:
    root = plugin()
    expected = generate(root)
    readme_text(root)
    [entry] = cache.iterdir()
    stored = entry.read_bytes()
    entry.write_bytes(damage(stored))
    assert readme_text(root) == (expected.text, expected.warnings)
    assert entry.read_bytes() == stored


def test_a_readme_whose_build_warns_is_not_kept(cache: Path, plugin: Callable[..., Path]) -> None:
    root = plugin(dockerfile="FROM mini/server\n")  # no tag: a warning of the build
    text, warnings = readme_text(root)
    assert warnings and (text, warnings) == readme_text(root)
    assert not cache.exists() or not list(cache.iterdir())


def _variants(root: Path) -> list[object]:
    """The records of a plugin, and the same with one input changed each."""
    source = read_plugin(root)
    script = source.subcommands[0]
    longer = script._replace(text=script.text + "# one more line\n")
    second = source.subcommands[1]  # a character moved from one script's end to the next
    moved = (
        script._replace(text=script.text[:-1]),
        second._replace(text=script.text[-1] + second.text),
    )
    problem = DocgenError("cannot be read", path="docs/create.md", line=1, hint="fix it")
    other = DocgenError("cannot be read", path="docs/create.md", line=2, hint="fix it")
    settings = source.settings
    return [
        source,
        source._replace(root=root / "elsewhere"),
        source._replace(config=source.config._replace(lines=(*source.config.lines, "# more"))),
        source._replace(dockerfile=source.dockerfile._replace(path="elsewhere/Dockerfile")),
        source._replace(metadata=source.metadata._replace(sponsors=("someone",))),
        source._replace(subcommands=(longer, *source.subcommands[1:])),
        source._replace(subcommands=(*moved, *source.subcommands[2:])),
        source._replace(fragments=(DocFragment("create", "docs/create.md", "text"),)),
        source._replace(fragments=(DocFragment("create", "docs/create.md", None, problem),)),
        source._replace(fragments=(DocFragment("create", "docs/create.md", None, other),)),
        source._replace(settings=settings._replace(compat=not settings.compat)),
        source._replace(settings=settings._replace(banner="a banner")),
    ]


def test_the_key_follows_every_input_record_and_the_compat_choice(
    plugin: Callable[..., Path],
) -> None:
    keys = {memo.key(source, None) for source in _variants(plugin())}  # type: ignore[arg-type]
    assert len(keys) == len(_variants(plugin()))
    source = read_plugin(plugin())
    choices = {memo.key(source, choice) for choice in (None, True, False, "2020-04a")}
    assert len(choices) == 4


def test_the_key_follows_the_override_templates(plugin: Callable[..., Path]) -> None:
    root = plugin(
        files={
            "docgen.toml": 'templates = "tpl"\n',
            "tpl/README.md.j2": '{% extends "docgen/README.md.j2" %}\n',
        }
    )
    key = memo.key(read_plugin(root), None)
    (root / "tpl" / "README.md.j2").write_text(
        '{% extends "docgen/README.md.j2" %}\n{% block footer %}x{% endblock %}\n',
        encoding="utf-8",
    )
    templates.digest.cache_clear()
    assert memo.key(read_plugin(root), None) != key
    templates.digest.cache_clear()


def test_the_key_is_the_same_in_another_process(plugin: Callable[..., Path]) -> None:
    """The records are written out as text: nothing in them may depend on the process
    (a set's order changes with hash randomisation)."""
    root = plugin(files={"docgen.toml": '[readme]\nbadges = ["ci"]\n'})
    program = (
        "import sys; from pathlib import Path; from docgen.render import memo;"
        "from docgen.read.plugin import read_plugin;"
        "print(memo.key(read_plugin(Path(sys.argv[1])), None))"
    )
    keys = {
        subprocess.run(
            [sys.executable, "-c", program, str(root)],
            cwd=REPO,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for seed in ("1", "2")
    }
    assert keys == {memo.key(read_plugin(root), None)}


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

    source = read_plugin(plugin())
    key = memo.key(source, None)
    monkeypatch.setattr(memo, "code_digest", lambda folder: "other code")
    assert memo.key(source, None) != key


def test_the_memo_stays_bounded_after_300_distinct_readmes(cache: Path, tmp_path: Path) -> None:
    roots = [
        make_plugin(tmp_path / f"p{n}", config=CONFIG.replace('PREFIX="mini"', f'PREFIX="m{n}"'))
        for n in range(300)
    ]
    texts = [readme_text(root)[0] for root in roots]
    assert len(set(texts)) == 300
    entries = list(cache.iterdir())
    assert len(entries) < 300
    assert len(entries) <= memo.LIMIT + memo.SLACK
    assert memo.read(cache, memo.key(read_plugin(roots[-1]), None)) == texts[-1]  # the newest


def test_pruning_keeps_the_most_recently_used_entries(tmp_path: Path) -> None:
    for n in range(10):
        memo.write(tmp_path, str(n), str(n))
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
