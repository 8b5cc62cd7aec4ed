"""docgen init: the nearest compat profile and the settings the README shows; zero diff
(exit 0) or the hunks left with their hints (exit 1); docgen.toml never replaced without
--force."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from docgen.cli import main
from docgen.init import blob_id, script_profile
from docgen.pipeline import generate


def _committed(root: Path, text: str) -> None:
    (root / "README.md").write_text(text, encoding="utf-8")


@pytest.mark.parametrize("profile", ["2020-04a", "2021-09c", "2023-01", "2025-03"])
def test_zero_diff_with_an_older_profile(
    profile: str, plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """A README written by an older version is matched by its profile, exactly."""
    root = plugin()
    _committed(root, generate(root, compat=profile).text)
    assert main(["init", str(root)]) == 0
    out = capsys.readouterr().out.splitlines()
    chosen = out[0].split('"')[1]
    assert out == [
        f'wrote {root}/docgen.toml (compat = "{chosen}")',
        f"zero diff with profile {chosen}",
    ]
    assert generate(root).text == generate(root, compat=profile).text
    assert main(["--check", str(root)]) == 0


def test_settings_the_readme_shows(
    plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """Another owner, the CI badge only, Unofficial, a notice, --name in an older version."""
    settings = (
        'compat = "2023-01"\n[repository]\nowner = "acme"\n[readme]\nbadges = ["ci"]\n'
        'official = false\nnotice = "**Work in progress**"\n'
        'install = "sudo dokku plugin:install https://github.com/{repository}.git --name {prefix}"\n'
    )
    root = plugin(files={"docgen.toml": settings})
    _committed(root, generate(root).text)
    (root / "docgen.toml").unlink()
    assert main(["init", str(root)]) == 0
    assert (root / "docgen.toml").read_text(encoding="utf-8") == (
        "# docgen settings: see docgen's README, Customising the README.\n"
        'compat = "2023-01"\n\n[repository]\nowner = "acme"\n\n[readme]\nbadges = ["ci"]\n'
        'install = "sudo dokku plugin:install https://github.com/{repository}.git --name {prefix}"\n'
        'official = false\nnotice = "**Work in progress**"\n'
    )
    capsys.readouterr()
    assert main(["--check", str(root)]) == 0


def test_commands_moved_to_another_section(
    plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    settings = '[sections.data]\nprepend = ["ca-import"]\n'
    ca_import = (
        '#!/usr/bin/env bash\nservice-ca-import-cmd() {\n  declare desc="import CA keys"\n'
        '  declare SERVICE="$1"\n}\n'
    )
    root = plugin(
        subcommands={"ca-import": ca_import, "import": ca_import.replace("ca-", "")},
        files={"docgen.toml": settings},
    )
    _committed(root, generate(root).text)
    (root / "docgen.toml").unlink()
    assert main(["init", str(root)]) == 0
    assert '[sections.data]\ncommands = ["ca-import", "import"]\n' in (
        root / "docgen.toml"
    ).read_text(encoding="utf-8")


def test_what_is_left_is_named(
    plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = plugin()
    text = generate(root).text.replace(
        "## Installation", "## How it works\n\nOne container.\n\n## Installation"
    )
    _committed(root, text)
    assert main(["init", str(root)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[1:] == [
        "nearest profile 2025-08: 4 lines of README.md differ",
        "@@ -8 +8 @@",
        " - docker 1.8.x",
        "-",
        "-## How it works",
        "-",
        "-One container.",
        " ",
        "  -> a top section: [top_sections.<key>] title = 'How it works', file = <its text>",
    ]


def test_never_replaces_docgen_toml_without_force(
    plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = plugin(files={"docgen.toml": "# mine\n"})
    _committed(root, generate(root).text)
    assert main(["init", str(root)]) == 2
    assert capsys.readouterr().err == (
        f"{root}/docgen.toml: error: exists already (use --force to replace it)\n"
    )
    assert (root / "docgen.toml").read_text(encoding="utf-8") == "# mine\n"
    assert main(["init", "--force", str(root)]) == 0
    assert (root / "docgen.toml").read_text(encoding="utf-8").startswith("# docgen settings")


def test_no_readme(plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    root = plugin()
    assert main(["init", str(root)]) == 2
    assert capsys.readouterr().err == (
        f"{root}: error: has no README.md to match "
        "(run bin/generate once, or docgen to write one)\n"
    )
    assert not (root / "docgen.toml").exists()


def test_blob_id_is_gits(tmp_path: Path) -> None:
    file = tmp_path / "generate"
    file.write_bytes(b"print('not a real bin/generate')\n")
    done = subprocess.run(
        ["git", "hash-object", str(file)], capture_output=True, text=True, check=True
    )
    assert blob_id(file.read_bytes()) == done.stdout.strip()
    assert script_profile(file.read_bytes()) is None
    assert script_profile(None) is None
