"""Bad input: a clear error, nothing lost.

Every case runs through the command line, ``main([...])``, the way a user meets it:

* an error exits 2 and prints exactly ONE line to stderr, ``path[:line]: error: message (hint)``,
  never a traceback, and the README.md on disk is left exactly as it was;
* a warning prints ``path[:line]: warning: message`` and rendering goes on
  (``--strict`` turns it into exit 2);
* exit 0 when the README is current, 1 when it is stale (rewritten, or reported by --check).
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from docgen.cli import main
from tests.plugin_factory import CONFIG, DOCKERFILE, PLUGIN_TOML, make_plugin, script

REPO = Path(__file__).resolve().parent.parent

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
    return {"write": [], "check": ["--check"], "stdout": ["--stdout"]}[mode] + list(paths)


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
    line: str | None = None,
    prefix: str | None = None,
    readme_root: Path | None = None,
) -> list[str]:
    """Run docgen on ``target`` in ``mode``; it must exit 2 with exactly one error line
    (equal to ``line``, or starting with ``prefix``) and leave the README as it was."""
    before = readme_state(readme_root) if readme_root is not None else None
    code, out, err = run(capsys, *argv_for(mode, target))
    assert code == 2, (code, out, err)
    assert len(err) == 1, err
    if line is not None:
        assert err == [line]
    if prefix is not None:
        assert err[0].startswith(prefix), err
    assert ": error: " in err[0], err
    assert "Traceback" not in out
    if mode == "check":
        assert out == "0 current, 0 out of date, 1 error\n"
    else:
        assert out == ""
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


# --- not a plugin ---------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_folder_that_is_not_a_plugin(
    mode: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "empty"
    root.mkdir()
    with_readme(root)
    assert_fails(
        capsys,
        mode,
        root,
        line=f"{root}: error: is not a Dokku datastore plugin (no config, no subcommands/) "
        "(run docgen on the plugin's root folder)",
        readme_root=root,
    )


@pytest.mark.parametrize("mode", MODES)
def test_path_that_does_not_exist(
    mode: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "no-such-plugin"
    assert_fails(capsys, mode, missing, prefix=f"{missing}: error: ")
    assert not missing.exists()


@pytest.mark.parametrize("mode", MODES)
def test_file_instead_of_a_folder(
    mode: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "config"
    file.write_text(CONFIG, encoding="utf-8")
    assert_fails(
        capsys,
        mode,
        file,
        line=f"{file}: error: is not a folder (give the path of a plugin checkout)",
    )
    assert file.read_text(encoding="utf-8") == CONFIG


@pytest.mark.parametrize("mode", MODES)
def test_empty_subcommands_folder(
    mode: str, plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = with_readme(plugin(subcommands={"create": None, "list": None}))
    assert_fails(
        capsys,
        mode,
        root,
        line=f"{root}/subcommands: error: has no subcommand scripts (add one bash script per command)",
        readme_root=root,
    )


@pytest.mark.parametrize("mode", MODES)
def test_no_subcommands_folder(
    mode: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "plugin"
    root.mkdir()
    (root / "config").write_text(CONFIG, encoding="utf-8")
    (root / "Dockerfile").write_text(DOCKERFILE, encoding="utf-8")
    (root / "plugin.toml").write_text(PLUGIN_TOML, encoding="utf-8")
    with_readme(root)
    assert_fails(capsys, mode, root, prefix=f"{root}: error: ", readme_root=root)


# --- missing or empty input files -----------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("name", "override", "message"),
    [
        (
            "Dockerfile",
            "dockerfile",
            "missing Dockerfile (a Dokku datastore plugin needs a Dockerfile)",
        ),
        (
            "plugin.toml",
            "plugin_toml",
            "missing plugin.toml (a Dokku datastore plugin needs a plugin.toml)",
        ),
        ("config", "config", "missing config file (a Dokku datastore plugin needs a config)"),
    ],
)
def test_missing_input_file(
    mode: str,
    name: str,
    override: str,
    message: str,
    plugin: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = with_readme(plugin(**{override: None}))
    assert_fails(capsys, mode, root, line=f"{root}/{name}: error: {message}", readme_root=root)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "dockerfile",
    ["", "# FROM is only mentioned in a comment\nRUN echo hi\n", "ARG V=1\nRUN true\n"],
    ids=["empty", "comment-only", "no-from"],
)
def test_dockerfile_without_from(
    mode: str, dockerfile: str, plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = with_readme(plugin(dockerfile=dockerfile))
    assert_fails(
        capsys,
        mode,
        root,
        line=f"{root}/Dockerfile: error: no FROM instruction "
        "(the Dockerfile's FROM names the plugin's default image)",
        readme_root=root,
    )


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("dockerfile", "line"),
    [
        ("FROM\n", None),
        ("RUN true\nFROM --platform=linux/amd64\n", 2),
        ("FROM :1.0\n", 1),
        ("FROM @sha256:00\n", 1),
    ],
    ids=["bare-from", "only-options", "no-name", "digest-only"],
)
def test_dockerfile_from_without_an_image(
    mode: str,
    dockerfile: str,
    line: int | None,
    plugin: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = with_readme(plugin(dockerfile=dockerfile))
    where = f"{root}/Dockerfile" if line is None else f"{root}/Dockerfile:{line}: error: "
    assert_fails(capsys, mode, root, prefix=where, readme_root=root)


# --- Dockerfile variants --------------------------------------------------------------------

HEX = "0123456789abcdef" * 4


@pytest.mark.parametrize(
    ("dockerfile", "link"),
    [
        (
            "FROM registry:5000/team/image:tag\n",
            "[registry:5000/team/image tag](https://registry:5000/team/image)",
        ),
        (f"FROM image@sha256:{HEX}\n", f"[image sha256:{HEX}](https://hub.docker.com/_/image/)"),
        ("FROM image:tag AS base\n", "[image tag](https://hub.docker.com/_/image/)"),
        ("FROM image:tag as base\n", "[image tag](https://hub.docker.com/_/image/)"),
        ("ARG V=1\nFROM image:${V}\n", "[image 1](https://hub.docker.com/_/image/)"),
        ("ARG V=1\nFROM image:$V\n", "[image 1](https://hub.docker.com/_/image/)"),
        ("ARG V\nFROM image:${V:-2.0}\n", "[image 2.0](https://hub.docker.com/_/image/)"),
        (
            "FROM ghcr.io/owner/image:1.0\n",
            "[ghcr.io/owner/image 1.0](https://ghcr.io/owner/image)",
        ),
        ("FROM --platform=linux/amd64 image:tag\n", "[image tag](https://hub.docker.com/_/image/)"),
        (
            "FROM builder:1 AS build\nRUN make\nFROM final:2\n",
            "[final 2](https://hub.docker.com/_/final/)",
        ),
        ("FROM owner/image:3\n", "[owner/image 3](https://hub.docker.com/r/owner/image/)"),
        ("from image:tag\n", "[image tag](https://hub.docker.com/_/image/)"),
    ],
    ids=[
        "registry-port",
        "digest",
        "stage-name",
        "stage-name-lowercase",
        "arg-braced",
        "arg-bare",
        "arg-default",
        "ghcr",
        "platform",
        "multi-stage",
        "hub-owner",
        "lowercase-from",
    ],
)
def test_dockerfile_variants(
    dockerfile: str, link: str, plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = plugin(dockerfile=dockerfile)
    text, err = rendered(capsys, root)
    assert err == []
    assert description_line(text) == DESCRIPTION.format(link)
    if "ghcr.io" in dockerfile or "registry:5000" in dockerfile:
        assert "hub.docker.com" not in text


def test_dockerfile_crlf_variant(
    plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = plugin(dockerfile="ARG V=1\r\nFROM image:${V} AS base\r\n")
    text, err = rendered(capsys, root)
    assert err == []
    assert description_line(text) == DESCRIPTION.format(
        "[image 1](https://hub.docker.com/_/image/)"
    )


@pytest.mark.parametrize("mode", MODES)
def test_dockerfile_without_tag_warns_latest(
    mode: str, plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = plugin(dockerfile="FROM image\n")
    code, out, err = run(capsys, *argv_for(mode, root))
    assert err == [f"{root}/Dockerfile:1: warning: FROM names no tag; the README says latest"]
    assert code == {"write": 1, "check": 1, "stdout": 0}[mode]
    text = (
        out
        if mode == "stdout"
        else (root / "README.md").read_text(encoding="utf-8")
        if mode == "write"
        else None
    )
    if text is not None:
        assert description_line(text) == DESCRIPTION.format(
            "[image latest](https://hub.docker.com/_/image/)"
        )
    if mode == "check":
        assert not (root / "README.md").exists()


# --- config ---------------------------------------------------------------------------------


def config_with(
    prefix_line: str | None = 'export PLUGIN_COMMAND_PREFIX="mini"', **replace: str | None
) -> str:
    """The factory's config with the prefix line (and any other NAME= line) replaced."""
    lines = []
    for line in CONFIG.splitlines():
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


@pytest.mark.parametrize(
    "prefix_line",
    [
        "export PLUGIN_COMMAND_PREFIX='mini'",
        "export PLUGIN_COMMAND_PREFIX=mini",
        'export PLUGIN_COMMAND_PREFIX="mini" # the prefix',
        "export PLUGIN_COMMAND_PREFIX='mini' # the prefix",
        'PLUGIN_COMMAND_PREFIX="mini"',
    ],
    ids=["single-quoted", "unquoted", "comment", "single-quoted-comment", "no-export"],
)
def test_config_prefix_spellings(
    prefix_line: str, plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    baseline, _ = rendered(capsys, plugin())
    root = plugin(config=config_with(prefix_line))
    text, err = rendered(capsys, root)
    assert err == []
    assert text == baseline


def test_config_arrays_over_several_lines(
    plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    config = config_with(
        PLUGIN_DATASTORE_PORTS="export PLUGIN_DATASTORE_PORTS=(\n  1234\n  5678\n)",
        PLUGIN_UNIMPLEMENTED_SUBCOMMANDS='export PLUGIN_UNIMPLEMENTED_SUBCOMMANDS=(\n  "list"\n  "backup"\n)',
    )
    create = script(
        "create",
        "create a $PLUGIN_COMMAND_PREFIX service",
        annotations="#E dokku $PLUGIN_COMMAND_PREFIX:create lollipop ${PLUGIN_DATASTORE_PORTS[@]}",
    )
    root = plugin(config=config, subcommands={"create": create})
    for extra in ((), ("--no-compat",)):
        text, err = rendered(capsys, root, *extra)
        assert err == []
        assert "dokku mini:create lollipop 1234 5678\n" in text
        assert "mini:list" not in text
        assert "mini:create <service> # create a mini service\n" in text


@pytest.mark.parametrize("mode", MODES)
def test_config_without_prefix(
    mode: str, plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = with_readme(plugin(config=config_with(None)))
    assert_fails(
        capsys,
        mode,
        root,
        line=f'{root}/config: error: PLUGIN_COMMAND_PREFIX is not set (add export PLUGIN_COMMAND_PREFIX="name")',
        readme_root=root,
    )


@pytest.mark.parametrize("mode", MODES)
def test_config_with_empty_prefix(
    mode: str, plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = with_readme(plugin(config=config_with('export PLUGIN_COMMAND_PREFIX=""')))
    assert_fails(capsys, mode, root, prefix=f"{root}/config: error: ", readme_root=root)


@pytest.mark.parametrize("mode", MODES)
def test_config_without_ports_warns(
    mode: str, plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = plugin(config=config_with(PLUGIN_DATASTORE_PORTS=None))
    code, out, err = run(capsys, *argv_for(mode, root))
    assert err == [
        f"{root}/config: warning: PLUGIN_DATASTORE_PORTS is not set; "
        "${PLUGIN_DATASTORE_PORTS[...]} stays as written"
    ]
    assert code == {"write": 1, "check": 1, "stdout": 0}[mode]
    if mode == "stdout":
        assert "mini:create <service> # create a mini service" in out
    if mode == "write":
        assert "mini:create <service> # create a mini service" in (root / "README.md").read_text(
            encoding="utf-8"
        )


# --- subcommands ----------------------------------------------------------------------------

NO_DESC = (
    '#!/usr/bin/env bash\nservice-create-cmd() {\n  declare SERVICE="$1"\n  echo "$SERVICE"\n}\n'
)


@pytest.mark.parametrize("mode", MODES)
def test_subcommand_without_desc_warns(
    mode: str, plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = plugin(subcommands={"create": NO_DESC})
    code, out, err = run(capsys, *argv_for(mode, root))
    assert err == [
        f'{root}/subcommands/create: warning: no declare desc="..."; the README uses the command name'
    ]
    assert code == {"write": 1, "check": 1, "stdout": 0}[mode]
    if mode == "stdout":
        assert "mini:create <service>" in out
        assert "None" not in out


@pytest.mark.parametrize(
    ("marker", "message"),
    [
        ("#F -f|--force", "#F has no comma; write #F -x|--flag, description"),
        ("#A service", "#A has no comma; write #A name, description"),
    ],
    ids=["flag", "argument"],
)
def test_annotation_without_comma_warns(
    marker: str, message: str, plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    body = f'#!/usr/bin/env bash\nservice-create-cmd() {{\n  {marker}\n  declare desc="create a service"\n  declare SERVICE="$1"\n}}\n'
    root = plugin(subcommands={"create": body})
    text, err = rendered(capsys, root)
    assert err == [f"{root}/subcommands/create:3: warning: {message}"]
    assert "### create a service\n" in text
    if marker.startswith("#F"):
        assert "-f|--force" in text


@pytest.mark.parametrize("compat", ["--compat", "--no-compat"])
def test_desc_single_quoted(
    compat: str, plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    body = "#!/usr/bin/env bash\nservice-create-cmd() {\n  declare desc='single quoted'\n  declare SERVICE=\"$1\"\n}\n"
    root = plugin(subcommands={"create": body})
    text, err = rendered(capsys, root, compat)
    assert err == []
    assert "### single quoted\n" in text
    assert "mini:create <service> # single quoted\n" in text


@pytest.mark.parametrize("mode", MODES)
def test_subcommand_directory_is_skipped(
    mode: str, plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = plugin(files={"subcommands/helpers/lib.sh": "echo hi\n"})
    code, out, err = run(capsys, *argv_for(mode, root))
    assert err == [f"{root}/subcommands/helpers: warning: skipped: a directory is not a command"]
    assert code == {"write": 1, "check": 1, "stdout": 0}[mode]
    if mode == "stdout":
        assert "helpers" not in out


@pytest.mark.parametrize("mode", MODES)
def test_dotfile_subcommand_is_skipped(
    mode: str, plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = plugin(subcommands={".gitkeep": ""})
    code, out, err = run(capsys, *argv_for(mode, root))
    assert err == [f"{root}/subcommands/.gitkeep: warning: skipped: a dotfile is not a command"]
    assert code == {"write": 1, "check": 1, "stdout": 0}[mode]
    if mode == "stdout":
        assert "gitkeep" not in out
    if mode == "write":
        assert "gitkeep" not in (root / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "blob",
    [b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00", b"#!/bin/sh\necho hi\x00there\n"],
    ids=["elf-header", "nul-in-script"],
)
def test_binary_subcommand_is_an_error(
    mode: str, blob: bytes, plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = with_readme(plugin(subcommands={"blob": blob}))
    assert_fails(
        capsys,
        mode,
        root,
        line=f"{root}/subcommands/blob: error: is a binary file, not text (remove it or replace it with text)",
        readme_root=root,
    )


@pytest.mark.parametrize("mode", MODES)
def test_binary_subcommand_not_utf8_is_an_error(
    mode: str, plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = with_readme(plugin(subcommands={"blob": b"\x7fELF\xff\xfe\x00\x01"}))
    assert_fails(capsys, mode, root, prefix=f"{root}/subcommands/blob:1: error: ", readme_root=root)


@pytest.mark.parametrize("mode", MODES)
def test_subcommand_not_utf8(
    mode: str, plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    body = (
        script("create", "create a service")
        .encode("utf-8")
        .replace(b"create a service", b"caf\xe9 service")
    )
    line = body[: body.index(b"caf\xe9")].count(b"\n") + 1
    root = with_readme(plugin(subcommands={"create": body}))
    assert_fails(
        capsys,
        mode,
        root,
        line=f"{root}/subcommands/create:{line}: error: not valid UTF-8 (byte 0xe9) (save the file as UTF-8)",
        readme_root=root,
    )


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", ["config", "Dockerfile", "plugin.toml"])
def test_input_file_not_utf8(
    mode: str, name: str, plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    original = {"config": CONFIG, "Dockerfile": DOCKERFILE, "plugin.toml": PLUGIN_TOML}[name]
    data = original.encode("utf-8") + b"# \xff\n"
    line = data.count(b"\n")
    root = with_readme(plugin(files={name: data}))
    assert_fails(
        capsys,
        mode,
        root,
        line=f"{root}/{name}:{line}: error: not valid UTF-8 (byte 0xff) (save the file as UTF-8)",
        readme_root=root,
    )


# --- plugin.toml ----------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "toml",
    [
        "[plugin\n",
        '[plugin]\nsponsors = "acme"\n',
        "[plugin]\nsponsors = [1, 2]\n",
        "a = " + "[" * 5000 + "\n",
        "a = " + "{b = " * 5000 + "\n",
    ],
    ids=["unclosed-table", "sponsors-string", "sponsors-ints", "deep-array", "deep-inline-table"],
)
def test_bad_plugin_toml(
    mode: str, toml: str, plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = with_readme(plugin(plugin_toml=toml))
    assert_fails(capsys, mode, root, prefix=f"{root}/plugin.toml", readme_root=root)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "settings",
    ["compat = \n", "unknown_key = 1\n", "a = " + "[" * 5000 + "\n"],
    ids=["syntax", "unknown-key", "deep-array"],
)
def test_bad_docgen_toml(
    mode: str, settings: str, plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = with_readme(plugin(files={"docgen.toml": settings}))
    assert_fails(capsys, mode, root, prefix=f"{root}/docgen.toml", readme_root=root)


# --- usage lines that the reference script would crash on -----------------------------------


@pytest.mark.parametrize("compat", ["--compat", "--no-compat"])
@pytest.mark.parametrize(
    "declare",
    [
        'declare _FLAG="$1"',
        'declare SERVICE="$1" _FLAG="$2"',
        'declare __FLAG="$1"',
        'declare _="$1"',
        'echo "$1" _FLAG_FLAG',
    ],
    ids=[
        "underscore-flag",
        "second-underscore-flag",
        "double-underscore-flag",
        "underscore",
        "echo-flag-flag",
    ],
)
def test_odd_usage_names_never_crash(
    compat: str, declare: str, plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = plugin(subcommands={"create": script("create", "create a service", declare=declare)})
    code, out, err = run(capsys, "--stdout", compat, root)
    assert code in (0, 2), (code, err)
    if code == 2:
        assert len(err) == 1 and err[0].startswith(f"{root}/subcommands/create"), err
    else:
        assert "mini:create" in out


# --- docs fragments -------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_docs_fragment_for_unknown_command_warns(
    mode: str, plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = plugin(docs={"nosuch.md": "notes about nothing\n"})
    code, out, err = run(capsys, *argv_for(mode, root))
    assert err == [f"{root}/docs/nosuch.md: warning: no command nosuch uses this fragment"]
    assert code == {"write": 1, "check": 1, "stdout": 0}[mode]
    if mode == "stdout":
        assert "notes about nothing" not in out


# --- symlinks that leave the plugin folder --------------------------------------------------

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
        root, out, "config", CONFIG.replace('"mini"', f'"{SECRET.lower()}"')
    ),
    "dockerfile": lambda root, out: _link_file(
        root, out, "Dockerfile", f"FROM {SECRET.lower()}:1\n"
    ),
    "plugin-toml": lambda root, out: _link_file(
        root, out, "plugin.toml", f'[plugin]\ndescription = "x"\nsponsors = ["{SECRET}"]\n'
    ),
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
    assert err[0].startswith(f"{link}: error: ") or err[0].startswith(f"{link}/"), err
    assert ": error: " in err[0] and "symlink" in err[0]


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


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "target",
    ["ghost-target", "/nonexistent/ghost-target", "loop"],
    ids=["inside", "outside", "loop"],
)
def test_dangling_subcommand_symlink(
    mode: str, target: str, plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = with_readme(plugin())
    link = root / "subcommands" / "loop" if target == "loop" else root / "subcommands" / "ghost"
    link.symlink_to(target)
    assert_fails(capsys, mode, root, prefix=f"{link}: error: ", readme_root=root)


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
        f"{root}/README.md: error: is a symlink; docgen will not write through it (replace it with a file)"
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
        assert len(err) == 1 and err[0].startswith(f"{readme}: error: "), err
        assert "read-only" in err[0]
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


@pytest.mark.parametrize("mode", ["write", "check"])
def test_readme_not_utf8(
    mode: str, plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = plugin()
    (root / "README.md").write_bytes(b"caf\xe9\n")
    code, _out, err = run(capsys, *argv_for(mode, root))
    assert code == 2
    assert len(err) == 1 and err[0].startswith(f"{root}/README.md: error: "), err
    assert (root / "README.md").read_bytes() == b"caf\xe9\n"


# --- atomic writes --------------------------------------------------------------------------


def test_write_keeps_permission_bits(
    plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = with_readme(plugin())
    readme = root / "README.md"
    readme.chmod(0o640)
    code, out, err = run(capsys, root)
    assert (code, err) == (1, [])
    assert out == f"wrote {readme}\n"
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
    assert (code, out, err) == (0, "", [])
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
    (root / "plugin.toml").write_text("[plugin\n", encoding="utf-8")


def _break_all_unimplemented(root: Path, outside: Path) -> None:
    config = config_with(
        PLUGIN_UNIMPLEMENTED_SUBCOMMANDS='export PLUGIN_UNIMPLEMENTED_SUBCOMMANDS=("create" "list")'
    )
    (root / "config").write_text(config, encoding="utf-8")


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
    assert len(err) == 1 and ": error: " in err[0] and err[0].startswith(str(root)), err
    assert readme.read_bytes() == before
    after = readme.stat()
    assert (after.st_ino, after.st_mtime_ns, stat.S_IMODE(after.st_mode)) == (
        stat_before.st_ino,
        stat_before.st_mtime_ns,
        0o640,
    )
    assert temp_files(root) == []


# --- line endings and encodings -------------------------------------------------------------


@pytest.mark.parametrize(
    "spoil",
    [
        lambda text: text.replace("\n", "\r\n").encode("utf-8"),
        lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"),
        lambda text: b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"),
    ],
    ids=["crlf", "bom", "bom-crlf"],
)
def test_committed_readme_with_crlf_or_bom_is_current(
    spoil: Callable[[str], bytes], plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = plugin()
    text, _ = rendered(capsys, root)
    data = spoil(text)
    readme = root / "README.md"
    readme.write_bytes(data)
    code, out, err = run(capsys, "--check", root)
    assert (code, out, err) == (0, "1 current, 0 out of date, 0 errors\n", [])
    code, out, err = run(capsys, root)
    assert (code, out, err) == (0, "", [])
    assert readme.read_bytes() == data


def _crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


def _cr(text: str) -> str:
    return text.replace("\n", "\r")


CRLF_INPUTS: dict[str, dict[str, object]] = {
    "config": {"config": _crlf(CONFIG)},
    "dockerfile": {"dockerfile": _crlf(DOCKERFILE)},
    "plugin-toml": {"plugin_toml": _crlf(PLUGIN_TOML)},
    "subcommand": {
        "subcommands": {
            "create": _crlf(
                script(
                    "create",
                    "create a $PLUGIN_COMMAND_PREFIX service",
                    annotations="#F -f|--force, force it\n  #E dokku $PLUGIN_COMMAND_PREFIX:create lollipop\n  #E a SENTENCE here",
                )
            )
        }
    },
    "docs": {"docs": {"create.md": _crlf("Some notes.\n\n```shell\nls\n```\n")}},
    "all-cr": {
        "config": _cr(CONFIG),
        "dockerfile": _cr(DOCKERFILE),
        "plugin_toml": _cr(PLUGIN_TOML),
        "subcommands": {
            "list": _cr(
                script(
                    "list", "list all $PLUGIN_COMMAND_PREFIX services", declare="", annotations=""
                )
            )
        },
    },
}


def _lf_version(overrides: dict[str, object]) -> dict[str, object]:
    def fix(value: object) -> object:
        if isinstance(value, str):
            return value.replace("\r\n", "\n").replace("\r", "\n")
        if isinstance(value, dict):
            return {k: fix(v) for k, v in value.items()}
        return value

    return {k: fix(v) for k, v in overrides.items()}


@pytest.mark.parametrize("compat", ["--compat", "--no-compat"])
@pytest.mark.parametrize("case", sorted(CRLF_INPUTS))
def test_crlf_inputs_render_like_lf(
    case: str, compat: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    crlf = make_plugin(tmp_path / "crlf", **CRLF_INPUTS[case])  # type: ignore[arg-type]
    lf = make_plugin(tmp_path / "lf", **_lf_version(CRLF_INPUTS[case]))  # type: ignore[arg-type]
    expected, err_lf = rendered(capsys, lf, compat)
    got, err_crlf = rendered(capsys, crlf, compat)
    assert got == expected
    assert "\r" not in got
    assert [line.replace(str(crlf), "") for line in err_crlf] == [
        line.replace(str(lf), "") for line in err_lf
    ]


@pytest.mark.parametrize(
    "environment",
    [
        {"LC_ALL": "C", "LANG": "C"},
        {"LC_ALL": "C", "LANG": "C", "PYTHONCOERCECLOCALE": "0"},
        {"LC_ALL": "C", "LANG": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0"},
        {"LC_ALL": "POSIX", "LANG": "POSIX"},
    ],
    ids=["C", "C-no-coercion", "C-no-utf8-mode", "POSIX"],
)
def test_stdout_is_utf8_whatever_the_locale(
    environment: dict[str, str], plugin: Callable[..., Path]
) -> None:
    root = plugin(
        subcommands={"create": script("create", "créer un service café")},
        docs={"create.md": "Ünïcödé notes — naïve ☕\n"},
    )

    def render(extra: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PYTHON"))}
        env["PYTHONPATH"] = str(REPO)
        env.update(extra)
        return subprocess.run(
            [sys.executable, "-m", "docgen", "--stdout", str(root)],
            env=env,
            cwd=REPO,
            capture_output=True,
            timeout=60,
            check=False,
        )

    utf8 = render({"LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"})
    assert utf8.returncode == 0, utf8.stderr
    assert "café".encode() in utf8.stdout and "☕".encode() in utf8.stdout
    other = render(environment)
    assert other.returncode == 0, other.stderr
    assert other.stderr == b""
    assert other.stdout == utf8.stdout


# --- --check output -------------------------------------------------------------------------


def test_check_reports_a_stale_readme(
    plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = with_readme(plugin())
    code, out, err = run(capsys, "--check", root)
    lines = out.splitlines()
    assert code == 1
    assert err == []
    assert lines[0] == f"{root}/README.md is out of date"
    assert lines[1] == "--- README.md (committed)"
    assert lines[2] == "+++ README.md (generated)"
    assert lines[3].startswith("@@ ")
    assert f"-{SENTINEL.rstrip()}" in lines
    assert lines[-1] == "0 current, 1 out of date, 0 errors"
    assert "\x1b" not in out
    assert (root / "README.md").read_text(encoding="utf-8") == SENTINEL
    assert temp_files(root) == []


def test_check_reports_a_missing_readme(
    plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = plugin()
    code, out, err = run(capsys, "--check", root)
    assert (code, err) == (1, [])
    assert out.splitlines()[0] == f"{root}/README.md is out of date"
    assert not (root / "README.md").exists()


@pytest.mark.parametrize("flag", ["--quiet", "-q"])
def test_check_quiet_drops_the_diff(
    flag: str, plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = with_readme(plugin())
    code, out, err = run(capsys, "--check", flag, root)
    assert (code, err) == (1, [])
    assert out == f"{root}/README.md is out of date\n0 current, 1 out of date, 0 errors\n"
    assert (root / "README.md").read_text(encoding="utf-8") == SENTINEL


@pytest.mark.parametrize(
    ("no_color", "tty", "coloured"),
    [(True, True, False), (True, False, False), (False, False, False), (False, True, True)],
)
def test_check_colour_only_on_a_tty_without_no_color(
    no_color: bool,
    tty: bool,
    coloured: bool,
    plugin: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = with_readme(plugin())
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    else:
        monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: tty)
    code, out, err = run(capsys, "--check", root)
    assert code == 1
    assert ("\x1b" in out) is coloured
    assert "\x1b" not in "".join(err)


def _three_plugins(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path, Path]:
    current = make_plugin(tmp_path / "current")
    assert run(capsys, current)[0] == 1
    stale = with_readme(make_plugin(tmp_path / "stale"))
    broken = with_readme(make_plugin(tmp_path / "broken", dockerfile="RUN true\n"))
    return current, stale, broken


def test_check_many_plugins(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    current, stale, broken = _three_plugins(tmp_path, capsys)
    code, out, err = run(capsys, "--check", current, stale, broken)
    assert code == 2
    assert out.splitlines()[-1] == "1 current, 1 out of date, 1 error"
    assert f"{stale}/README.md is out of date" in out.splitlines()
    assert err == [
        f"{broken}/Dockerfile: error: no FROM instruction (the Dockerfile's FROM names the plugin's default image)"
    ]
    assert (stale / "README.md").read_text(encoding="utf-8") == SENTINEL
    assert (broken / "README.md").read_text(encoding="utf-8") == SENTINEL


def test_write_many_plugins(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    current, stale, broken = _three_plugins(tmp_path, capsys)
    current_before = (current / "README.md").stat()
    code, out, err = run(capsys, current, stale, broken)
    assert code == 2
    assert out.splitlines() == [f"wrote {stale}/README.md", "1 current, 1 out of date, 1 error"]
    assert len(err) == 1 and err[0].startswith(f"{broken}/Dockerfile: error: ")
    assert (stale / "README.md").read_text(encoding="utf-8") != SENTINEL
    assert (broken / "README.md").read_text(encoding="utf-8") == SENTINEL
    assert (current / "README.md").stat().st_mtime_ns == current_before.st_mtime_ns
    # the rewritten one is current now, and the broken one still fails
    code, out, err = run(capsys, "--check", current, stale, broken)
    assert code == 2
    assert out.splitlines()[-1] == "2 current, 0 out of date, 1 error"


# --- --strict -------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_strict_turns_a_warning_into_exit_2(
    mode: str, plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = with_readme(plugin(dockerfile="FROM image\n"))
    warning = f"{root}/Dockerfile:1: warning: FROM names no tag; the README says latest"
    code, out, err = run(capsys, *argv_for(mode, root))
    assert code == {"write": 1, "check": 1, "stdout": 0}[mode]
    with_readme(root)
    code, out, err = run(capsys, *argv_for(mode, "--strict", root))
    assert code == 2, (code, err)
    assert warning in err
    assert (root / "README.md").read_text(encoding="utf-8") == SENTINEL
    if mode == "stdout":
        assert out == ""
    # the failure itself is one error line that names the plugin (or the file)
    errors = [line for line in err if ": error: " in line or line.startswith("error:")]
    assert len(errors) == 1, err
    assert errors[0].startswith(str(root)), errors
    assert err[-1] == errors[0]


def test_strict_without_warnings_is_normal(
    plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = plugin()
    assert run(capsys, "--strict", root)[:3:2] == (1, [])
    assert run(capsys, "--strict", "--check", root)[:3:2] == (0, [])
    assert run(capsys, "--strict", "--stdout", root)[:3:2] == (0, [])


# --- usage errors ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["--stdout", "{a}", "{b}"],
        ["--stdout", "--check", "{a}"],
        ["--bogus-option", "{a}"],
        ["--format", "pdf", "{a}"],
    ],
    ids=["stdout-two-paths", "stdout-and-check", "unknown-option", "unknown-format"],
)
def test_usage_errors_exit_2_and_write_nothing(
    args: Sequence[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = make_plugin(tmp_path / "a")
    b = make_plugin(tmp_path / "b")
    code, _out, err = run(capsys, *[arg.format(a=a, b=b) for arg in args])
    assert code == 2
    assert "Traceback" not in "\n".join(err)
    assert any("rror" in line for line in err), err
    assert not (a / "README.md").exists() and not (b / "README.md").exists()


# --- README markers (partial README managed between two comment lines) ---------------------


@pytest.mark.parametrize("mode", ["write", "check"])
@pytest.mark.parametrize(
    ("readme", "line"),
    [
        ("# Title\n<!-- docgen:start -->\nold\n", None),
        ("# Title\n<!-- docgen:end -->\nold\n", None),
        ("# Title\n<!-- docgen:start -->\n<!-- docgen:start -->\n<!-- docgen:end -->\n", None),
        ("# Title\n\n<!-- docgen:end -->\nold\n<!-- docgen:start -->\n", True),
    ],
    ids=["start-only", "end-only", "two-starts", "end-before-start"],
)
def test_broken_readme_markers(
    mode: str,
    readme: str,
    line: bool | None,
    plugin: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = with_readme(plugin(), readme)
    # with a line: the line of either marker will do
    where = f"{root}/README.md: error: " if line is None else f"{root}/README.md:"
    code, _out, err = run(capsys, *argv_for(mode, root))
    assert code == 2, (code, err)
    assert len(err) == 1 and err[0].startswith(where) and ": error: " in err[0], err
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


# --- file names that cannot be command names ------------------------------------------------


@pytest.mark.parametrize(
    "name", ["two\nlines", "esc\x1b[31mred", "bell\x07"], ids=["newline", "escape", "bell"]
)
def test_subcommand_name_with_control_characters(
    name: str, plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """A file name with a control character must neither be pasted into the README nor
    split a diagnostic over several lines: docgen skips it with a warning or stops."""
    root = plugin(subcommands={name: script("x", "do x")})
    code, out, err = run(capsys, "--stdout", root)
    assert code in (0, 2), (code, err)
    bad = [c for c in name if ord(c) < 32 and c != "\n"]
    assert not any(c in out for c in bad), "a control character reached the README"
    assert name not in out and f"mini:{name.splitlines()[0]}" not in out
    assert err, "docgen said nothing about the odd file name"
    for line in err:
        assert line.startswith(f"{root}/subcommands/"), err
        assert ": error: " in line or ": warning: " in line, err


def test_subcommand_name_that_is_not_utf8(
    plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """A name with a byte that is not UTF-8 is skipped with a warning that shows the byte."""
    root = plugin()
    folder = os.fsencode(root / "subcommands")
    with open(os.path.join(folder, b"x\xffy"), "w", encoding="utf-8") as file:
        file.write(script("x", "do x"))
    code, out, err = run(capsys, "--stdout", root)
    assert code == 0
    assert "mini:x" not in out
    assert err == [
        f"{root}/subcommands/x\\xffy: warning: skipped: a file name with a control character "
        "or bytes that are not UTF-8"
    ]


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
