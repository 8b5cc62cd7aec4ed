"""Helpers for the end-to-end tests of the command line: every case runs through
``main([...])``, the way a user meets it.

* an error exits 2 and prints exactly ONE line to stderr, ``path[:line]: error: message (hint)``,
  never a traceback, and the README.md on disk is left exactly as it was;
* a warning prints ``path[:line]: warning: message`` and rendering goes on
  (``--strict`` turns it into exit 2);
* exit 0 when the README is current, 1 when it is stale (rewritten, or reported by --check).
"""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from docgen.cli import main
from tests.plugin_factory import CONFIG_TEMPLATE, script

REPO = Path(__file__).resolve().parent.parent.parent

MODES = ("write", "check", "stdout")
SENTINEL = "# a README that docgen must not touch\n"
SECRET = "S3CR3T-DO-NOT-LEAK-7f3a"
DESCRIPTION = "Official mini plugin for dokku. Currently defaults to installing {}."

Run = tuple[int, str, list[str]]


# --- helpers --------------------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> Run:
    """main(argv) -> (exit code, stdout, stderr lines)."""
    try:
        code = main([str(arg) for arg in argv])
    except RecursionError:
        # a traceback thousands of frames deep takes pytest half a minute to print
        pytest.fail("main() raised RecursionError (traceback omitted)", pytrace=False)
    out, err = capsys.readouterr()
    return code, out, err.splitlines()


def argv_for(mode: str, *paths: object) -> list[object]:
    return {"write": [], "check": ["--check"], "stdout": ["--stdout"], "lint": ["lint"]}[
        mode
    ] + list(paths)


def readme_state(root: Path) -> tuple[bytes, int] | None:
    """The README's bytes and permission bits, or None when there is none."""
    path = root / "README.md"
    if not path.exists() and not path.is_symlink():
        return None
    if path.is_symlink() or not path.is_file():
        return (b"<not a regular file>", stat.S_IMODE(path.lstat().st_mode))
    return path.read_bytes(), stat.S_IMODE(path.stat().st_mode)


def temp_files(root: Path) -> list[str]:
    return sorted(
        p.name for p in root.iterdir() if p.name.startswith(".README.") or p.suffix == ".tmp"
    )


def assert_fails(
    capsys: pytest.CaptureFixture[str],
    mode: str,
    target: object,
    *,
    line: str,
    readme_root: Path | None = None,
    extra: tuple[str, ...] = (),
) -> list[str]:
    """Run docgen on ``target`` in ``mode``; it must exit 2 with exactly one error line
    (equal to ``line``) and leave the README as it was."""
    before = readme_state(readme_root) if readme_root is not None else None
    code, out, err = run(capsys, *argv_for(mode, *extra, target))
    assert code == 2, (code, out, err)
    assert err == [line]
    assert "Traceback" not in out
    summary = {
        "check": "0 current, 0 out of date, 1 error\n",
        "write": "0 current, 0 rewritten, 1 error\n",
    }
    assert out == summary.get(mode, "")
    if readme_root is not None:
        assert readme_state(readme_root) == before
        assert temp_files(readme_root) == []
    return err


def with_readme(root: Path, text: str = SENTINEL) -> Path:
    (root / "README.md").write_text(text, encoding="utf-8")
    return root


def rendered(capsys: pytest.CaptureFixture[str], root: Path, *extra: str) -> tuple[str, list[str]]:
    """--stdout must succeed; returns (README text, stderr lines)."""
    code, out, err = run(capsys, "--stdout", *extra, root)
    assert code == 0, (code, err)
    return out, err


def description_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.startswith("Official ")]
    assert len(lines) == 1, text[:500]
    return lines[0]


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder next to the plugin, holding files that docgen must never read."""
    folder = tmp_path / "outside"
    folder.mkdir()
    return folder


def config_with(
    prefix_line: str | None = 'export PLUGIN_COMMAND_PREFIX="mini"', **replace: str | None
) -> str:
    """The factory's config with the prefix line (and any other NAME= line) replaced."""
    lines = []
    for line in CONFIG_TEMPLATE.splitlines():
        if "PLUGIN_COMMAND_PREFIX=" in line:
            if prefix_line is not None:
                lines.append(prefix_line)
            continue
        name = next((n for n in replace if f"{n}=" in line), None)
        if name is not None:
            if replace[name] is not None:
                lines.append(replace[name])  # type: ignore[arg-type]
            continue
        lines.append(line)
    return "\n".join(lines) + "\n"


SECRET_SCRIPT = script("evil", f"desc {SECRET}")


def _link_file(root: Path, outside: Path, name: str, content: str) -> Path:
    target = outside / name.replace("/", "_")
    target.write_text(content, encoding="utf-8")
    link = root / name
    if link.exists() or link.is_symlink():
        link.unlink()
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(target)
    return link


def _link_folder(root: Path, outside: Path, name: str, files: dict[str, str]) -> Path:
    folder = outside / f"{name.replace('/', '_')}-folder"
    folder.mkdir()
    for file, content in files.items():
        (folder / file).write_text(content, encoding="utf-8")
    link = root / name
    if link.is_dir() and not link.is_symlink():
        for child in link.iterdir():
            child.unlink()
        link.rmdir()
    link.symlink_to(folder, target_is_directory=True)
    return link


OUTSIDE_LINKS: dict[str, Callable[[Path, Path], Path]] = {
    "subcommand-file": lambda root, out: _link_file(root, out, "subcommands/evil", SECRET_SCRIPT),
    "subcommand-replaces-create": lambda root, out: _link_file(
        root, out, "subcommands/create", SECRET_SCRIPT
    ),
    "subcommand-dir": lambda root, out: _link_folder(
        root, out, "subcommands/evil", {"x": SECRET_SCRIPT}
    ),
    "subcommands-folder": lambda root, out: _link_folder(
        root, out, "subcommands", {"create": SECRET_SCRIPT, "list": SECRET_SCRIPT}
    ),
    "docs-fragment": lambda root, out: _link_file(root, out, "docs/create.md", f"{SECRET}\n"),
    "docs-folder": lambda root, out: _link_folder(root, out, "docs", {"create.md": f"{SECRET}\n"}),
    "config": lambda root, out: _link_file(
        root, out, "config", CONFIG_TEMPLATE.replace('"mini"', f'"{SECRET.lower()}"')
    ),
    "dockerfile": lambda root, out: _link_file(
        root, out, "Dockerfile", f"FROM {SECRET.lower()}:1\n"
    ),
    "plugin-toml": lambda root, out: _link_file(
        root, out, "plugin.toml", f'[plugin]\ndescription = "x"\nsponsors = ["{SECRET}"]\n'
    ),
}
