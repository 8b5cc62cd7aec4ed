"""docgen.output: marker injection, comparison with the README on disk, atomic writes."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from docgen.errors import DocgenError
from docgen.output import END, START, Comparison, compare, inject, write

# --- inject -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("current", "generated", "expected"),
    [
        (
            f"head\n{START}\nold\n{END}\ntail\n",
            "NEW\n",
            f"head\n{START}\nNEW\n{END}\ntail\n",
        ),
        # everything outside the markers is kept byte for byte
        (
            f"  # Title\r\n\n\n<b>x</b>\t\n{START} trailing\nold\nstuff\n{END}  \n\n\ntail \u00e9\r\n",
            "G\n",
            f"  # Title\r\n\n\n<b>x</b>\t\n{START}\nG\n{END}  \n\n\ntail \u00e9\r\n",
        ),
        (f"a{START}b{END}c", "G", f"a{START}\nG{END}c"),
        (f"{START}{END}", "", f"{START}\n{END}"),
    ],
)
def test_inject(current: str, generated: str, expected: str) -> None:
    assert inject(current, generated, "R") == expected


@pytest.mark.parametrize(
    ("current", "found"),
    [
        ("no markers", "0 and 0"),
        (f"{START}\n", "1 and 0"),
        (f"{END}\n", "0 and 1"),
        (f"{START}\n{START}\n{END}\n", "2 and 1"),
        (f"{START}\n{END}\n{END}\n", "1 and 2"),
    ],
)
def test_inject_missing_or_duplicate_markers(current: str, found: str) -> None:
    with pytest.raises(DocgenError) as raised:
        inject(current, "G", "plug/README.md")
    assert str(raised.value) == (
        f"plug/README.md: error: needs exactly one {START} and one {END} line (found {found}) "
        "(fix the markers, or remove both to let docgen write the whole README)"
    )


def test_inject_reversed_markers() -> None:
    with pytest.raises(DocgenError) as raised:
        inject(f"x\n{END}\ny\n{START}\n", "G", "plug/README.md")
    assert (raised.value.message, raised.value.path, raised.value.hint) == (
        f"{END} comes before {START}",
        "plug/README.md",
        "swap the markers",
    )
    # the line of the start marker
    assert raised.value.line == 4


# --- compare ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"a\nb\n",
        b"a\r\nb\r\n",
        b"\xef\xbb\xbfa\nb\n",
        b"\xef\xbb\xbfa\r\nb\r\n",
    ],
    ids=["lf", "crlf", "bom", "bom-crlf"],
)
def test_compare_treats_crlf_and_bom_as_current(tmp_path: Path, data: bytes) -> None:
    (tmp_path / "README.md").write_bytes(data)
    comparison = compare(tmp_path, "a\nb\n")
    assert (comparison.current, comparison.stale, comparison.diff()) == ("a\nb\n", False, [])


def test_compare_stale(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_bytes(b"a\r\nb\r\n")
    comparison = compare(tmp_path, "a\nc\n")
    assert comparison == Comparison(tmp_path / "README.md", "a\nb\n", "a\nc\n")
    assert comparison.stale is True
    assert comparison.diff() == [
        "--- README.md (committed)\n",
        "+++ README.md (generated)\n",
        "@@ -1,2 +1,2 @@\n",
        " a\n",
        "-b\n",
        "+c\n",
    ]


def test_compare_without_readme(tmp_path: Path) -> None:
    comparison = compare(tmp_path, "x\n")
    assert (comparison.current, comparison.wanted, comparison.stale) == (None, "x\n", True)
    assert comparison.diff() == [
        "--- README.md (committed)\n",
        "+++ README.md (generated)\n",
        "@@ -0,0 +1 @@\n",
        "+x\n",
    ]


def test_compare_with_markers_injects(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text(f"pre\n{START}\nold\n{END}\npost\n", encoding="utf-8")
    comparison = compare(tmp_path, "new\n")
    assert comparison.wanted == f"pre\n{START}\nnew\n{END}\npost\n"
    assert comparison.stale is True


def test_compare_with_markers_current(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_bytes(f"pre\r\n{START}\r\nnew\r\n{END}\r\npost\r\n".encode())
    assert compare(tmp_path, "new\n").stale is False


def test_compare_with_one_marker_fails(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text(f"pre\n{START}\nold\n", encoding="utf-8")
    with pytest.raises(DocgenError) as raised:
        compare(tmp_path, "new\n")
    assert raised.value.path == str(tmp_path / "README.md")


def test_compare_invalid_utf8_is_stale_with_a_warning(tmp_path: Path) -> None:
    """docgen wrote the README: one that is not UTF-8 is broken output, to be replaced."""
    (tmp_path / "README.md").write_bytes(b"ok\ncaf\xe9\n")
    comparison = compare(tmp_path, "x\n")
    assert (comparison.stale, comparison.current) == (True, "ok\ncaf\ufffd\n")
    assert [str(w) for w in comparison.warnings] == [
        f"{tmp_path / 'README.md'}:2: warning: not valid UTF-8 (byte 0xe9); "
        "docgen takes the README as stale and writes it anew as UTF-8"
    ]
    write(comparison)
    assert (tmp_path / "README.md").read_bytes() == b"x\n"


def test_compare_invalid_utf8_with_markers_is_an_error(tmp_path: Path) -> None:
    """With markers, the text around them is the maintainer's: never replaced."""
    (tmp_path / "README.md").write_bytes(b"caf\xe9\n<!-- docgen:start -->\n<!-- docgen:end -->\n")
    with pytest.raises(DocgenError) as raised:
        compare(tmp_path, "x\n")
    assert str(raised.value) == (
        f"{tmp_path / 'README.md'}:1: error: not valid UTF-8 (byte 0xe9) "
        "(docgen keeps the text around its markers as it is: save the file as UTF-8)"
    )


def test_compare_refuses_a_directory(tmp_path: Path) -> None:
    (tmp_path / "README.md").mkdir()
    with pytest.raises(DocgenError) as raised:
        compare(tmp_path, "x\n")
    assert raised.value.message == "is not a regular file"


def test_compare_reads_a_symlink_inside_the_plugin(tmp_path: Path) -> None:
    (tmp_path / "real.md").write_text("x\n", encoding="utf-8")
    (tmp_path / "README.md").symlink_to(tmp_path / "real.md")
    assert compare(tmp_path, "x\n").stale is False
    assert compare(tmp_path, "y\n").stale is True


def test_write_refuses_a_symlink(tmp_path: Path) -> None:
    (tmp_path / "real.md").write_text("x\n", encoding="utf-8")
    (tmp_path / "README.md").symlink_to(tmp_path / "real.md")
    with pytest.raises(DocgenError) as raised:
        write(compare(tmp_path, "y\n"))
    assert str(raised.value) == (
        f"{tmp_path / 'README.md'}: error: is a symlink; docgen will not write through it "
        "(replace the link with the file itself)"
    )
    assert (tmp_path / "real.md").read_text(encoding="utf-8") == "x\n"


def test_compare_refuses_a_dangling_symlink(tmp_path: Path) -> None:
    (tmp_path / "README.md").symlink_to(tmp_path / "gone.md")
    with pytest.raises(DocgenError) as raised:
        compare(tmp_path, "x\n")
    assert str(raised.value) == (
        f"{tmp_path / 'README.md'}: error: is a symlink that points nowhere "
        "(replace the link with the file itself)"
    )


# --- write --------------------------------------------------------------------------------


def _leftovers(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name != "README.md")


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o755, 0o644])
def test_write_keeps_mode_bits(tmp_path: Path, mode: int) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("old\n", encoding="utf-8")
    os.chmod(readme, mode)
    write(compare(tmp_path, "new\n"))
    assert (stat.S_IMODE(readme.stat().st_mode), readme.read_bytes(), _leftovers(tmp_path)) == (
        mode,
        b"new\n",
        [],
    )


def test_write_new_file(tmp_path: Path) -> None:
    write(compare(tmp_path, "caf\u00e9\nx\n"))
    readme = tmp_path / "README.md"
    assert (stat.S_IMODE(readme.stat().st_mode), readme.read_bytes(), _leftovers(tmp_path)) == (
        0o644,
        "caf\u00e9\nx\n".encode(),
        [],
    )


def test_write_writes_lf_utf8_without_bom(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_bytes(b"\xef\xbb\xbfold\r\n")
    write(compare(tmp_path, "a\nb\n"))
    assert (tmp_path / "README.md").read_bytes() == b"a\nb\n"


def test_write_with_markers(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text(f"pre\n{START}\nold\n{END}\npost\n", encoding="utf-8")
    write(compare(tmp_path, "new\n"))
    assert (tmp_path / "README.md").read_text(
        encoding="utf-8"
    ) == f"pre\n{START}\nnew\n{END}\npost\n"


def test_write_failure_leaves_no_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "README.md").write_text("old\n", encoding="utf-8")
    comparison = compare(tmp_path, "new\n")

    def fail(source: str, target: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(DocgenError) as raised:
        write(comparison)
    assert (
        str(raised.value)
        == f"{tmp_path / 'README.md'}: error: cannot be written: No space left on device"
    )
    assert ((tmp_path / "README.md").read_text(encoding="utf-8"), _leftovers(tmp_path)) == (
        "old\n",
        [],
    )


def test_write_read_only_readme(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("old\n", encoding="utf-8")
    comparison = compare(tmp_path, "new\n")
    # as root, os.access says yes to everything: pretend to be an ordinary user
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    with pytest.raises(DocgenError) as raised:
        write(comparison)
    assert str(raised.value) == f"{readme}: error: is read-only (make it writable, or use --check)"
    assert (readme.read_text(encoding="utf-8"), _leftovers(tmp_path)) == ("old\n", [])


def test_write_read_only_mode_bits(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("old\n", encoding="utf-8")
    os.chmod(readme, 0o444)
    with pytest.raises(DocgenError) as raised:
        write(compare(tmp_path, "new\n"))
    assert raised.value.message == "is read-only"
    assert (
        readme.read_text(encoding="utf-8"),
        stat.S_IMODE(readme.stat().st_mode),
        _leftovers(tmp_path),
    ) == (
        "old\n",
        0o444,
        [],
    )
