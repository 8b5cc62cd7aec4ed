"""docgen.read.docs: docs/<command>.md fragments; a name that is no regular file is no
fragment (as bin/generate's isfile test); a BOM is kept (the compat rules decide)."""

from __future__ import annotations

from pathlib import Path

from docgen.read.docs import read_fragments
from docgen.read.records import DocFragment


def test_no_docs_folder(tmp_path: Path) -> None:
    assert read_fragments(tmp_path) == ()


def test_docs_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "docs").write_text("not a folder", encoding="utf-8")
    assert read_fragments(tmp_path) == ()


def test_read_fragments(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "README.md").write_text("the docs index", encoding="utf-8")
    (docs / "notes.txt").write_text("not markdown", encoding="utf-8")
    (docs / "create.markdown").write_text("wrong suffix", encoding="utf-8")
    (docs / "pause.md").mkdir()
    (docs / "upgrade.md").write_bytes(b"\xef\xbb\xbfUp\r\n\r\n")
    (docs / "create.md").write_text("Create.\n\n", encoding="utf-8")
    (docs / "nosuch.md").write_text("", encoding="utf-8")
    assert read_fragments(tmp_path) == (
        DocFragment("create", str(docs / "create.md"), "Create.\n\n"),
        DocFragment("nosuch", str(docs / "nosuch.md"), ""),
        DocFragment("pause", str(docs / "pause.md"), None),
        DocFragment("upgrade", str(docs / "upgrade.md"), "\ufeffUp\n\n"),
    )


def test_problems_are_kept(tmp_path: Path) -> None:
    """A fragment that cannot be read is an error only if a rendered command uses it."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "bad.md").write_bytes(b"caf\xe9\n")
    (docs / "ghost.md").symlink_to(docs / "nowhere.md")
    (docs / "pipe.md").symlink_to("/dev/null")
    bad, ghost, pipe = read_fragments(tmp_path)
    assert (
        str(bad.problem)
        == f"{docs / 'bad.md'}:1: error: not valid UTF-8 (byte 0xe9) (save the file as UTF-8)"
    )
    assert (ghost.text, ghost.problem) == (None, None)
    assert (pipe.text, pipe.problem) == (None, None)


def test_fragments_in_code_point_order(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ["backup_x", "backup.x", "backup-unset", "Zeta"]:
        (docs / f"{name}.md").write_text(name, encoding="utf-8")
    assert [f.name for f in read_fragments(tmp_path)] == [
        "Zeta",
        "backup-unset",
        "backup.x",
        "backup_x",
    ]


def test_readme_md_is_skipped_only_by_exact_name(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "README.md").write_text("index", encoding="utf-8")
    (docs / "readme.md").write_text("lower", encoding="utf-8")
    assert read_fragments(tmp_path) == (DocFragment("readme", str(docs / "readme.md"), "lower"),)
