"""Symlinks: nothing outside the plugin folder is ever read into a README."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.conftest import (
    MODES,
    OUTSIDE_LINKS,
    SECRET,
    argv_for,
    assert_fails,
    run,
    with_readme,
)
from tests.plugin_factory import script

# --- symlinks that leave the plugin folder --------------------------------------------------


OUTSIDE = ": error: is a symlink that points outside the plugin folder; docgen will not read it"
OUTSIDE_LINK_ERRORS = {
    "config": f"{OUTSIDE} (replace the link with the file itself)",
    "dockerfile": f"{OUTSIDE} (replace the link with the file itself)",
    "docs-folder": f"{OUTSIDE} (replace the link with the folder itself)",
    "docs-fragment": f"{OUTSIDE} (replace the link with the file itself)",
    "plugin-toml": f"{OUTSIDE} (replace the link with the file itself)",
    "subcommand-dir": f"{OUTSIDE} (replace the link with the folder itself)",
    "subcommand-file": f"{OUTSIDE} (replace the link with the file itself)",
    "subcommand-replaces-create": f"{OUTSIDE} (replace the link with the file itself)",
    "subcommands-folder": f"{OUTSIDE} (replace the link with the folder itself)",
}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("case", sorted(OUTSIDE_LINKS))
def test_symlink_outside_the_plugin_is_never_read(
    mode: str,
    case: str,
    plugin: Callable[..., Path],
    outside: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = plugin()
    link = OUTSIDE_LINKS[case](root, outside)
    if mode == "check":
        # a stale README would make --check print a diff: the secret must not be in it either
        with_readme(root)
    code, out, err = run(capsys, *argv_for(mode, root))
    assert SECRET not in out and SECRET.lower() not in out
    assert all(SECRET not in line and SECRET.lower() not in line for line in err)
    readme = root / "README.md"
    if readme.exists():
        assert SECRET.lower() not in readme.read_text(encoding="utf-8").lower()
    assert code == 2, (code, err)
    assert len(err) == 1, err
    # the error names the link (or, for a linked folder, a file reached through it)
    assert err == [f"{link}{OUTSIDE_LINK_ERRORS[case]}"]


@pytest.mark.parametrize("mode", MODES)
def test_symlink_inside_the_plugin_is_read(
    mode: str, plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = plugin(files={"shared/create.sh": script("create", "create a linked service")})
    link = root / "subcommands" / "create"
    link.unlink()
    link.symlink_to(Path("..") / "shared" / "create.sh")
    code, out, err = run(capsys, *argv_for(mode, root))
    assert err == []
    assert code == {"write": 1, "check": 1, "stdout": 0}[mode]
    if mode == "stdout":
        assert "### create a linked service\n" in out


DANGLING = "is a dangling symlink (its target is missing, or a loop) (fix the link, or remove it)"
OUTSIDE_ERROR = (
    "is a symlink that points outside the plugin folder; docgen will not read it "
    "(replace the link with the file itself)"
)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("ghost-target", DANGLING),
        ("/nonexistent/ghost-target", DANGLING),
        ("loop", DANGLING),
    ],
    ids=["inside", "outside", "loop"],
)
def test_dangling_subcommand_symlink(
    mode: str,
    target: str,
    message: str,
    plugin: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = with_readme(plugin())
    link = root / "subcommands" / "loop" if target == "loop" else root / "subcommands" / "ghost"
    link.symlink_to(target)
    assert_fails(capsys, mode, root, line=f"{link}: error: {message}", readme_root=root)


# --- template overrides -----------------------------------------------------------------
def test_templates_folder_outside_the_plugin_is_refused(
    tmp_path: Path, plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "elsewhere"
    (outside).mkdir()
    (outside / "README.md.j2").write_text("SECRET\n", encoding="utf-8")
    root = plugin(files={"docgen.toml": 'templates = "../elsewhere"\n'})
    code, out, err = run(capsys, "--stdout", root)
    assert (code, out) == (2, "")
    assert err == [
        f"{root}/docgen.toml: error: the templates folder of docgen.toml is outside the plugin"
        " folder (keep template overrides inside the plugin)"
    ]


def test_symlinked_template_outside_the_plugin_is_refused(
    tmp_path: Path, plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET\n", encoding="utf-8")
    root = plugin(
        files={
            "docgen.toml": 'templates = "docgen-templates"\n',
            "docgen-templates/README.md.j2": '{% extends "docgen/README.md.j2" %}\n',
        }
    )
    (root / "docgen-templates" / "footer.md.j2").symlink_to(secret)
    code, out, err = run(capsys, "--stdout", root)
    assert (code, out) == (2, "")
    assert err == [
        f"{root}/docgen-templates/footer.md.j2: error: is a symlink that points outside the"
        " plugin folder; docgen will not read it (replace the link with the file itself)"
    ]
