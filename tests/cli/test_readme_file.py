"""The README file itself: symlink, read-only, folder, atomic writes, markers; a failed run leaves it as it was."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.conftest import (
    SECRET,
    SECRET_SCRIPT,
    SENTINEL,
    _link_file,
    argv_for,
    config_with,
    readme_state,
    rendered,
    run,
    temp_files,
    with_readme,
)

# --- the README itself: symlink, read-only, directory ---------------------------------------


@pytest.mark.parametrize("mode", ["write", "check"])
def test_readme_symlink(
    mode: str, plugin: Callable[..., Path], outside: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = plugin()
    target = outside / "README.md"
    target.write_text(f"{SECRET}\n", encoding="utf-8")
    (root / "README.md").symlink_to(target)
    code, out, err = run(capsys, *argv_for(mode, root))
    assert code == 2
    assert err == [
        f"{root}/README.md: error: is a symlink that points outside the plugin folder; "
        "docgen will not read it (replace the link with the file itself)"
    ]
    assert SECRET not in out
    assert target.read_text(encoding="utf-8") == f"{SECRET}\n"
    assert (root / "README.md").is_symlink()
    assert temp_files(root) == []


def test_readme_symlink_stdout_ignores_it(
    plugin: Callable[..., Path], outside: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = plugin()
    target = outside / "README.md"
    target.write_text(f"{SECRET}\n", encoding="utf-8")
    (root / "README.md").symlink_to(target)
    text, err = rendered(capsys, root)
    assert err == [] and SECRET not in text
    assert target.read_text(encoding="utf-8") == f"{SECRET}\n"


def test_readonly_stale_readme_is_refused(
    plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """Tests run as root, where os.access(W_OK) is always true: docgen must look at the
    permission bits, refuse to replace a read-only README, and say so."""
    root = with_readme(plugin())
    readme = root / "README.md"
    readme.chmod(0o444)
    try:
        before = readme_state(root)
        code, _out, err = run(capsys, root)
        assert readme_state(root) == before, "a read-only README was replaced"
        assert code == 2
        assert err == [f"{readme}: error: is read-only (make it writable, or use --check)"]
        assert temp_files(root) == []
    finally:
        readme.chmod(0o644)


def test_readonly_readme_check_and_current(
    plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """--check never writes, so a read-only README is fine there; a current one is fine too."""
    root = with_readme(plugin())
    readme = root / "README.md"
    readme.chmod(0o444)
    try:
        code, _out, err = run(capsys, "--check", root)
        assert (code, err) == (1, [])
        assert readme.read_text(encoding="utf-8") == SENTINEL
        text, _ = rendered(capsys, root)
        readme.chmod(0o644)
        readme.write_text(text, encoding="utf-8")
        readme.chmod(0o444)
        code, _out, err = run(capsys, root)
        assert (code, err) == (0, [])
        assert stat.S_IMODE(readme.stat().st_mode) == 0o444
    finally:
        readme.chmod(0o644)


@pytest.mark.parametrize("mode", ["write", "check"])
def test_readme_is_a_directory(
    mode: str, plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = plugin()
    (root / "README.md").mkdir()
    (root / "README.md" / "keep").write_text("kept\n", encoding="utf-8")
    code, _out, err = run(capsys, *argv_for(mode, root))
    assert code == 2
    assert err == [
        f"{root}/README.md: error: is not a regular file (remove it so docgen can write the README)"
    ]
    assert (root / "README.md" / "keep").read_text(encoding="utf-8") == "kept\n"
    assert temp_files(root) == []


def test_readme_symlink_inside_the_plugin(
    plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """--check reads a README linked inside the plugin (it writes nothing); write mode
    leaves a current one alone and refuses to write a stale one through the link."""
    root = plugin()
    text, _ = rendered(capsys, root)
    (root / "docs").mkdir()
    (root / "docs" / "README.md").write_text(text, encoding="utf-8")
    (root / "README.md").symlink_to("docs/README.md")
    assert run(capsys, "--check", root) == (0, "1 current, 0 out of date, 0 errors\n", [])
    assert run(capsys, root) == (0, "1 current, 0 rewritten, 0 errors\n", [])
    (root / "docs" / "README.md").write_text(SENTINEL, encoding="utf-8")
    code, out, err = run(capsys, "--check", "-q", root)
    assert (code, out, err) == (1, f"{root}/README.md is out of date\n", [])
    code, out, err = run(capsys, root)
    assert (code, err) == (
        2,
        [
            f"{root}/README.md: error: is a symlink; docgen will not write through it "
            "(replace the link with the file itself)"
        ],
    )
    assert (root / "README.md").is_symlink()
    assert (root / "docs" / "README.md").read_text(encoding="utf-8") == SENTINEL


@pytest.mark.parametrize("mode", ["write", "check"])
def test_readme_not_utf8(
    mode: str, plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """A README that is not UTF-8 is broken output of docgen: stale, and replaced by write
    mode, with a warning."""
    root = plugin()
    text, _ = rendered(capsys, root)
    (root / "README.md").write_bytes(b"caf\xe9\n")
    code, out, err = run(capsys, *argv_for(mode, "-q", root))
    assert code == 1
    assert err == [
        f"{root}/README.md:1: warning: not valid UTF-8 (byte 0xe9); "
        "docgen takes the README as stale and writes it anew as UTF-8"
    ]
    if mode == "check":
        assert out == f"{root}/README.md is out of date\n"
        assert (root / "README.md").read_bytes() == b"caf\xe9\n"
    else:
        assert out == f"wrote {root}/README.md\n"
        assert (root / "README.md").read_text(encoding="utf-8") == text


# --- atomic writes --------------------------------------------------------------------------


def test_write_keeps_permission_bits(
    plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = with_readme(plugin())
    readme = root / "README.md"
    readme.chmod(0o640)
    code, out, err = run(capsys, root)
    assert (code, err) == (1, [])
    assert out == f"wrote {readme}\n0 current, 1 rewritten, 0 errors\n"
    assert readme.read_text(encoding="utf-8") != SENTINEL
    assert stat.S_IMODE(readme.stat().st_mode) == 0o640
    assert temp_files(root) == []


def test_new_readme_is_world_readable(
    plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = plugin()
    code, _out, err = run(capsys, root)
    assert (code, err) == (1, [])
    mode = stat.S_IMODE((root / "README.md").stat().st_mode)
    assert mode & 0o644 == 0o644, oct(mode)  # not the 0o600 of a bare temporary file
    assert temp_files(root) == []


def test_current_readme_is_not_rewritten(
    plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = plugin()
    assert run(capsys, root)[0] == 1
    readme = root / "README.md"
    os.utime(readme, ns=(1_000_000_000, 1_000_000_000))
    before = readme.stat()
    code, out, err = run(capsys, root)
    assert (code, out, err) == (0, "1 current, 0 rewritten, 0 errors\n", [])
    after = readme.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    code, out, err = run(capsys, "--check", root)
    assert (code, out, err) == (0, "1 current, 0 out of date, 0 errors\n", [])


def _break_dockerfile(root: Path, outside: Path) -> None:
    (root / "Dockerfile").write_text("RUN true\n", encoding="utf-8")


def _break_prefix(root: Path, outside: Path) -> None:
    (root / "config").write_text(config_with(None), encoding="utf-8")


def _break_encoding(root: Path, outside: Path) -> None:
    (root / "subcommands" / "create").write_bytes(b"#!/bin/bash\n# caf\xe9\n")


def _break_symlink(root: Path, outside: Path) -> None:
    _link_file(root, outside, "subcommands/evil", SECRET_SCRIPT)


def _break_toml(root: Path, outside: Path) -> None:
    # bin/generate stops at this sponsors line, and TOML's value is no list either
    (root / "plugin.toml").write_text('[plugin\nsponsors = "acme"\n', encoding="utf-8")


def _break_all_unimplemented(root: Path, outside: Path) -> None:
    config = config_with(
        PLUGIN_UNIMPLEMENTED_SUBCOMMANDS='export PLUGIN_UNIMPLEMENTED_SUBCOMMANDS=("create" "list")'
    )
    (root / "config").write_text(config, encoding="utf-8")


BREAKAGE_ERRORS = {
    "_break_dockerfile": "Dockerfile: error: no FROM instruction (the Dockerfile's FROM names the plugin's default image)",
    "_break_prefix": 'config: error: PLUGIN_COMMAND_PREFIX is not set (add export PLUGIN_COMMAND_PREFIX="name")',
    "_break_encoding": "subcommands/create:2: error: not valid UTF-8 (byte 0xe9) (save the file as UTF-8)",
    "_break_symlink": "subcommands/evil: error: is a symlink that points outside the plugin folder; docgen will not read it (replace the link with the file itself)",
    "_break_toml": "plugin.toml:1: error: is not valid TOML: Expected ']' at the end of a table declaration",
    "_break_all_unimplemented": "config: error: every subcommand is listed in PLUGIN_UNIMPLEMENTED_SUBCOMMANDS (a README needs at least one implemented command)",
}


@pytest.mark.parametrize(
    "breakage",
    [
        _break_dockerfile,
        _break_prefix,
        _break_encoding,
        _break_symlink,
        _break_toml,
        _break_all_unimplemented,
    ],
    ids=lambda f: f.__name__[len("_break_") :],
)
def test_failure_leaves_a_written_readme_unchanged(
    breakage: Callable[[Path, Path], None],
    plugin: Callable[..., Path],
    outside: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = plugin()
    assert run(capsys, root)[0] == 1
    readme = root / "README.md"
    readme.chmod(0o640)
    before = readme.read_bytes()
    stat_before = readme.stat()
    breakage(root, outside)
    # stale on purpose: the broken input would change the README if it were rendered
    code, _out, err = run(capsys, root)
    assert code == 2
    assert err == [f"{root}/{BREAKAGE_ERRORS[breakage.__name__]}"]
    assert readme.read_bytes() == before
    after = readme.stat()
    assert (after.st_ino, after.st_mtime_ns, stat.S_IMODE(after.st_mode)) == (
        stat_before.st_ino,
        stat_before.st_mtime_ns,
        0o640,
    )
    assert temp_files(root) == []


MARKER_COUNT = (
    ": error: needs exactly one <!-- docgen:start --> and one <!-- docgen:end --> line "
    "(found {} and {}) (fix the markers, or remove both to let docgen write the whole README)"
)

# --- README markers (partial README managed between two comment lines) ---------------------


@pytest.mark.parametrize("mode", ["write", "check"])
@pytest.mark.parametrize(
    ("readme", "message"),
    [
        ("# Title\n<!-- docgen:start -->\nold\n", MARKER_COUNT.format(1, 0)),
        ("# Title\n<!-- docgen:end -->\nold\n", MARKER_COUNT.format(0, 1)),
        (
            "# Title\n<!-- docgen:start -->\n<!-- docgen:start -->\n<!-- docgen:end -->\n",
            MARKER_COUNT.format(2, 1),
        ),
        (
            "# Title\n\n<!-- docgen:end -->\nold\n<!-- docgen:start -->\n",
            ":5: error: <!-- docgen:end --> comes before <!-- docgen:start --> (swap the markers)",
        ),
    ],
    ids=["start-only", "end-only", "two-starts", "end-before-start"],
)
def test_broken_readme_markers(
    mode: str,
    readme: str,
    message: str,
    plugin: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = with_readme(plugin(), readme)
    code, _out, err = run(capsys, *argv_for(mode, root))
    assert code == 2, (code, err)
    assert err == [f"{root}/README.md{message}"]
    assert (root / "README.md").read_text(encoding="utf-8") == readme


def test_readme_markers_keep_the_text_around_them(
    plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = with_readme(
        plugin(), "# My fork\n\nintro\n<!-- docgen:start -->\nold\n<!-- docgen:end -->\n\nfooter\n"
    )
    text, _ = rendered(capsys, root)
    code, _out, err = run(capsys, root)
    assert (code, err) == (1, [])
    written = (root / "README.md").read_text(encoding="utf-8")
    assert written.startswith("# My fork\n\nintro\n<!-- docgen:start -->\n")
    assert written.endswith("<!-- docgen:end -->\n\nfooter\n")
    assert text in written and "\nold\n" not in written
    assert run(capsys, "--check", root)[0] == 0
