"""Files and folders the system will not let docgen read or write: one error line naming
the file and saying what to do, never a traceback.

The tests run as root, for whom permission bits do not apply, so the system's answer is
simulated: the one call that would fail for an ordinary user raises PermissionError.
"""

from __future__ import annotations

import builtins
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.cli.conftest import MODES, SENTINEL, assert_fails, run, with_readme

DENIED = PermissionError(13, "Permission denied")


def _deny(monkeypatch: pytest.MonkeyPatch, module: Any, name: str, target: Path) -> None:
    """``module.name(path, ...)`` raises PermissionError for ``target``, as for a user
    without access; other paths are untouched."""
    real = getattr(module, name)

    def denied(path: Any, *args: Any, **kwargs: Any) -> Any:
        if os.fspath(path) == os.fspath(target):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(module, name, denied)


def _no_access(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    real = os.access

    def access(path: Any, mode: int, **kwargs: Any) -> bool:
        return False if os.fspath(path) == os.fspath(target) else real(path, mode, **kwargs)

    monkeypatch.setattr(os, "access", access)


@pytest.mark.parametrize("mode", MODES)
def test_unreadable_subcommand(
    mode: str,
    plugin: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = with_readme(plugin())
    _deny(monkeypatch, builtins, "open", root / "subcommands" / "create")
    assert_fails(
        capsys,
        mode,
        root,
        line=f"{root}/subcommands/create: error: cannot be read: Permission denied "
        f"(let the user running docgen read it: chmod a+r {root}/subcommands/create)",
        readme_root=root,
    )


@pytest.mark.parametrize("folder", ["subcommands", "docs"])
def test_unreadable_folder(
    folder: str,
    plugin: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = with_readme(plugin(docs={"create.md": "Notes.\n"}))
    _deny(monkeypatch, os, "scandir", root / folder)
    assert_fails(
        capsys,
        "check",
        root,
        line=f"{root}/{folder}: error: cannot be read: Permission denied "
        f"(let the user running docgen read it: chmod a+rx {root}/{folder})",
        readme_root=root,
    )


def test_plugin_folder_not_searchable(
    plugin: Callable[..., Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = plugin()
    _no_access(monkeypatch, root)
    assert_fails(
        capsys,
        "lint",
        root,
        line=f"{root}: error: cannot be read: Permission denied "
        f"(let the user running docgen read it: chmod a+rx {root})",
    )


def test_unreadable_template_folder(
    plugin: Callable[..., Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = plugin(files={"docgen.toml": 'templates = "tpl"\n', "tpl/partials/x.j2": "x\n"})
    _no_access(monkeypatch, root / "tpl")
    assert_fails(
        capsys,
        "check",
        root,
        line=f"{root}/tpl: error: cannot be read: Permission denied "
        f"(let the user running docgen read it: chmod a+rx {root}/tpl)",
    )


@pytest.mark.parametrize("mode", ["write", "check"])
def test_unreadable_readme(
    mode: str,
    plugin: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = with_readme(plugin())
    real = Path.read_bytes

    def read_bytes(path: Path) -> bytes:
        if path == root / "README.md":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    assert_fails(
        capsys,
        mode,
        root,
        line=f"{root}/README.md: error: cannot be read: Permission denied "
        f"(let the user running docgen read it: chmod a+r {root}/README.md)",
    )
    monkeypatch.undo()
    assert (root / "README.md").read_text(encoding="utf-8") == SENTINEL


def test_folder_not_writable(
    plugin: Callable[..., Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = with_readme(plugin())

    def mkstemp(*args: Any, **kwargs: Any) -> tuple[int, str]:
        raise DENIED

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    code, out, err = run(capsys, root)
    assert (code, out) == (2, "0 current, 0 rewritten, 1 error\n")
    assert err == [
        f"{root}: error: cannot write here: Permission denied (docgen writes README.md through "
        "a temporary file in its folder: make the folder writable, or use --check)"
    ]
    assert (root / "README.md").read_text(encoding="utf-8") == SENTINEL
