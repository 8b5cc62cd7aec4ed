"""Bad input files: one clear error line (exit 2) or a warning, and the README untouched."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from tests.cli.conftest import (
    DESCRIPTION,
    MODES,
    SENTINEL,
    argv_for,
    assert_fails,
    config_with,
    description_line,
    rendered,
    run,
    with_readme,
)
from tests.plugin_factory import CONFIG, DOCKERFILE, PLUGIN_TOML, make_plugin, script

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
    assert_fails(
        capsys,
        mode,
        missing,
        line=f"{missing}: error: does not exist (give the path of a plugin checkout)",
    )
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


@pytest.mark.parametrize(
    ("mode", "word"),
    [*((mode, "lnt") for mode in MODES), ("write", "lnit"), ("check", "lint"), ("stdout", "lint")],
)
def test_missing_path_close_to_a_subcommand(
    mode: str,
    word: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`docgen lnt` (a typo of the subcommand, read as a PATH) suggests the subcommand;
    so does `docgen --check lint`, where lint comes too late to be the subcommand."""
    monkeypatch.chdir(tmp_path)
    line = f"{word}: error: does not exist (did you mean docgen lint?)"
    assert_fails(capsys, mode, word, line=line)


@pytest.mark.parametrize("word", ["lnt", "sub/lnt", "render"])
def test_missing_path_far_from_a_subcommand_gets_no_suggestion(
    word: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    if word == "lnt":
        (tmp_path / "lnt").mkdir()  # it exists: a folder, not a typo
        line = "lnt: error: is not a Dokku datastore plugin (no config, no subcommands/) (run docgen on the plugin's root folder)"
    else:
        line = f"{word}: error: does not exist (give the path of a plugin checkout)"
    assert_fails(capsys, "check", word, line=line)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("inner", "given", "shown"),
    [
        ("subcommands", ".", ".."),
        ("docs/deep", ".", "../.."),
        ("subcommands", "../subcommands", ".."),
    ],
)
def test_run_inside_a_plugin_points_at_it(
    mode: str,
    inner: str,
    given: str,
    shown: str,
    plugin: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = plugin()
    (root / inner).mkdir(parents=True, exist_ok=True)
    monkeypatch.chdir(root / inner)
    assert_fails(
        capsys,
        mode,
        given,
        line=f"{given}: error: is not a Dokku datastore plugin (no config, no subcommands/) "
        f"(it is inside the plugin folder {shown}: give that path instead)",
    )


def test_run_inside_a_plugin_absolute_path(
    plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = plugin()
    assert_fails(
        capsys,
        "lint",
        root / "subcommands",
        line=f"{root}/subcommands: error: is not a Dokku datastore plugin (no config, no subcommands/) "
        f"(it is inside the plugin folder {root}: give that path instead)",
    )


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
    assert_fails(
        capsys,
        mode,
        root,
        line=f"{root}: error: no subcommands/ folder: this is not a Dokku datastore plugin "
        "(run docgen on the plugin's root folder)",
        readme_root=root,
    )


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
    ("dockerfile", "message", "compat"),
    [
        (
            "FROM\n",
            "Dockerfile: error: no FROM instruction "
            "(the Dockerfile's FROM names the plugin's default image)",
            True,
        ),
        (
            "RUN true\nFROM --platform=linux/amd64\n",
            "Dockerfile:2: error: FROM has no image (write FROM image:tag)",
            True,
        ),
        # bin/generate renders these (see test_dockerfile_variants): an error only in
        # corrected mode
        (
            "FROM :1.0\n",
            "Dockerfile:1: error: cannot read an image name in FROM :1.0 (write FROM image:tag)",
            False,
        ),
        (
            "FROM @sha256:00\n",
            "Dockerfile:1: error: cannot read an image name in FROM @sha256:00 (write FROM image:tag)",
            False,
        ),
    ],
    ids=["bare-from", "only-options", "no-name", "digest-only"],
)
def test_dockerfile_from_without_an_image(
    mode: str,
    dockerfile: str,
    message: str,
    compat: bool,
    plugin: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = with_readme(plugin(dockerfile=dockerfile))
    extra = () if compat else ("--no-compat",)
    assert_fails(capsys, mode, root, line=f"{root}/{message}", readme_root=root, extra=extra)


# --- Dockerfile variants --------------------------------------------------------------------

HEX = "0123456789abcdef" * 4


STOPS = ": bin/generate stops here; docgen reads the FROM instruction"


@pytest.mark.parametrize(
    ("dockerfile", "compat", "stop", "corrected"),
    [
        (
            "FROM registry:5000/team/image:tag\n",
            "[registry:5000/team/image tag](https://registry:5000/team/image)",
            "1: warning: 'registry:5000/team/image:tag' does not split into image:tag at one colon",
            "[registry:5000/team/image tag](https://registry:5000/team/image)",
        ),
        (
            "FROM registry:5000/db\n",  # one colon: the script reads image registry, tag 5000/db
            "[registry 5000/db](https://hub.docker.com/_/registry/)",
            None,
            "[registry:5000/db latest](https://registry:5000/db)",
        ),
        (
            f"FROM image@sha256:{HEX}\n",
            f"[image@sha256 {HEX}](https://hub.docker.com/_/image@sha256/)",
            None,
            f"[image sha256:{HEX}](https://hub.docker.com/_/image/)",
        ),
        (
            "FROM image:tag AS base\n",
            "[image tag](https://hub.docker.com/_/image/)",
            None,
            "[image tag](https://hub.docker.com/_/image/)",
        ),
        (
            "ARG V=1\nFROM image:${V}\n",
            "[image ${V}](https://hub.docker.com/_/image/)",
            None,
            "[image 1](https://hub.docker.com/_/image/)",
        ),
        (
            "ARG V\nFROM image:${V:-2.0}\n",
            "[image 2.0](https://hub.docker.com/_/image/)",
            "2: warning: 'image:${V:-2.0}' does not split into image:tag at one colon",
            "[image 2.0](https://hub.docker.com/_/image/)",
        ),
        (
            "FROM ghcr.io/owner/image:1.0\n",
            "[ghcr.io/owner/image 1.0](https://hub.docker.com/r/ghcr.io/owner/)",
            None,
            "[ghcr.io/owner/image 1.0](https://ghcr.io/owner/image)",
        ),
        (
            "FROM --platform=linux/amd64 image:tag\n",
            "[image tag](https://hub.docker.com/_/image/)",
            "1: warning: '--platform=linux/amd64' does not split into image:tag at one colon",
            "[image tag](https://hub.docker.com/_/image/)",
        ),
        (
            "FROM builder:1 AS build\nRUN make\nFROM final:2\n",
            "[final 2](https://hub.docker.com/_/final/)",
            None,
            "[final 2](https://hub.docker.com/_/final/)",
        ),
        (
            "FROM owner/image:3\n",
            "[owner/image 3](https://hub.docker.com/r/owner/image/)",
            None,
            "[owner/image 3](https://hub.docker.com/r/owner/image/)",
        ),
        (
            "FROM image:1\n# FROM old/image:0.1\n#FROM old/image:0.2\n",
            "[image 1](https://hub.docker.com/_/image/)",
            "2: warning: 'FROM' does not split into image:tag at one colon",
            "[image 1](https://hub.docker.com/_/image/)",
        ),
        (
            "FROM image:1\n#FROM old/image:0.2\n",
            "[old/image 0.2](https://hub.docker.com/r/old/image/)",
            None,
            "[image 1](https://hub.docker.com/_/image/)",
        ),
        (
            "from image:tag\n",
            "[image tag](https://hub.docker.com/_/image/)",
            ': warning: no line contains "FROM " (FROM and a space)',
            "[image tag](https://hub.docker.com/_/image/)",
        ),
        (
            "FROM image:1\nRUN x \\\n    from other:2\n",
            "[image 1](https://hub.docker.com/_/image/)",
            None,
            "[image 1](https://hub.docker.com/_/image/)",
        ),
        (
            "FROM image:\n",
            "[image ](https://hub.docker.com/_/image/)",
            None,
            "[image latest](https://hub.docker.com/_/image/)",
        ),
        ("FROM :1.0\n", "[ 1.0](https://hub.docker.com/_//)", None, None),
        ("FROM @sha256:00\n", "[@sha256 00](https://hub.docker.com/_/@sha256/)", None, None),
    ],
    ids=[
        "registry-port-tag",
        "registry-port",
        "digest",
        "stage-name",
        "arg",
        "arg-default",
        "ghcr",
        "platform",
        "multi-stage",
        "hub-owner",
        "comment-with-space",
        "comment-glued",
        "lowercase-from",
        "continuation",
        "empty-tag",
        "empty-image",
        "digest-only",
    ],
)
def test_dockerfile_variants(
    dockerfile: str,
    compat: str,
    stop: str | None,
    corrected: str | None,
    plugin: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Compat mode reads the Dockerfile as bin/generate does (A4, A17): where it renders,
    byte for byte; where it stops, docgen reads the FROM instruction and warns. Corrected
    mode reads it as Docker does."""
    root = plugin(dockerfile=dockerfile)
    text, err = rendered(capsys, root)
    expected = [f"{root}/Dockerfile:{stop}{STOPS}".replace(":: ", ": ")] if stop else []
    if corrected is not None and corrected.startswith("[image latest]"):
        expected = []
    assert err == expected
    assert description_line(text) == DESCRIPTION.format(compat)
    if corrected is None:
        return
    text, err = rendered(capsys, root, "--no-compat")
    assert description_line(text) == DESCRIPTION.format(corrected)
    if "latest" in corrected:
        assert err == [f"{root}/Dockerfile:1: warning: FROM names no tag; the README says latest"]


def test_dockerfile_crlf_variant(
    plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = plugin(dockerfile="ARG V=1\r\nFROM image:${V} AS base\r\n")
    text, err = rendered(capsys, root, "--no-compat")
    assert err == []
    assert description_line(text) == DESCRIPTION.format(
        "[image 1](https://hub.docker.com/_/image/)"
    )


@pytest.mark.parametrize("mode", MODES)
def test_dockerfile_without_tag_warns_latest(
    mode: str, plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """bin/generate stops at a FROM without a tag; docgen says latest, with two warnings."""
    root = plugin(dockerfile="FROM image\n")
    code, out, err = run(capsys, *argv_for(mode, root))
    assert err == [
        f"{root}/Dockerfile:1: warning: 'image' does not split into image:tag at one colon{STOPS}",
        f"{root}/Dockerfile:1: warning: FROM names no tag; the README says latest",
    ]
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
    """bin/generate needs the value in double quotes, else it stops: docgen reads it as
    bash does, and says so in compat mode."""
    baseline, _ = rendered(capsys, plugin())
    root = plugin(config=config_with(prefix_line))
    text, err = rendered(capsys, root)
    stops = '"mini"' not in prefix_line
    assert err == (
        [
            f"{root}/config:2: warning: PLUGIN_COMMAND_PREFIX has no value in double quotes: "
            "bin/generate stops here; docgen reads it as bash does"
        ]
        if stops
        else []
    )
    assert text == baseline
    assert rendered(capsys, root, "--no-compat")[1] == []


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
    text, err = rendered(capsys, root, "--no-compat")
    assert err == []
    assert "dokku mini:create lollipop 1234 5678\n" in text
    assert "mini:list" not in text
    assert "mini:create <service> # create a mini service\n" in text
    # bin/generate reads each line alone: no unimplemented names (so list is rendered), and
    # it stops at the ports (docgen then reads them as bash does)
    text, err = rendered(capsys, root)
    assert err[0] == (
        f"{root}/config:3: warning: PLUGIN_DATASTORE_PORTS has no (...) on its line: "
        "bin/generate stops here; docgen reads it as bash does"
    )
    assert "dokku mini:create lollipop 1234 5678\n" in text
    assert "mini:list             # list all mini services\n" in text


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
    assert_fails(
        capsys,
        mode,
        root,
        line=f'{root}/config: error: PLUGIN_COMMAND_PREFIX is not set (add export PLUGIN_COMMAND_PREFIX="name")',
        readme_root=root,
    )


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
        f'{root}/subcommands/create: warning: no declare desc="..."; the README says None'
    ]
    assert code == {"write": 1, "check": 1, "stdout": 0}[mode]
    if mode == "stdout":  # as bin/generate writes it (A9)
        assert "mini:create <service> # None\n" in out
        assert "\n### None\n" in out
    code, out, err = run(capsys, *argv_for(mode, "--no-compat", root))
    assert err == [
        f'{root}/subcommands/create: warning: no declare desc="..."; the README says create'
    ]
    if mode == "stdout":
        assert "mini:create <service> # create\n" in out
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
    assert err == (
        [
            f"{root}/subcommands/create:3: warning: declare desc has no value in double quotes: "
            "bin/generate stops here; docgen reads it as bash does"
        ]
        if compat == "--compat"
        else []
    )
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
def test_dotfile_subcommand(
    mode: str, plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """bin/generate lists a .gitkeep as a command (A7); corrected mode skips it."""
    root = plugin(subcommands={".gitkeep": ""})
    code, out, err = run(capsys, *argv_for(mode, root))
    assert err == [
        f'{root}/subcommands/.gitkeep: warning: no declare desc="..."; the README says None'
    ]
    assert code == {"write": 1, "check": 1, "stdout": 0}[mode]
    if mode == "stdout":
        assert "\nmini:.gitkeep         # None\n" in out
    code, out, err = run(capsys, *argv_for(mode, "--no-compat", root))
    assert err == [f"{root}/subcommands/.gitkeep: warning: skipped: a dotfile is not a command"]
    if mode == "stdout":
        assert "gitkeep" not in out
    if mode == "write":
        assert "gitkeep" not in (root / "README.md").read_text(encoding="utf-8")


def test_nul_bytes_are_text(
    plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """bin/generate reads a NUL as any character (A1): a script with one in a comment is
    rendered as usual, and so is one whose bytes are all UTF-8."""
    body = script("create", "create a service", annotations="# a comment \x00 with a NUL")
    root = plugin(subcommands={"create": body, "blob": b"\x7fELF\x02\x01\x01\x00\x00"})
    text, err = rendered(capsys, root)
    assert err == [f'{root}/subcommands/blob: warning: no declare desc="..."; the README says None']
    assert "\nmini:create <service> # create a service\n" in text
    assert "\nmini:blob             # None\n" in text


@pytest.mark.parametrize("mode", MODES)
def test_binary_subcommand_not_utf8_is_an_error(
    mode: str, plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = with_readme(plugin(subcommands={"blob": b"\x7fELF\xff\xfe\x00\x01"}))
    assert_fails(
        capsys,
        mode,
        root,
        line=f"{root}/subcommands/blob:1: error: not valid UTF-8 (byte 0xff) (save the file as UTF-8)",
        readme_root=root,
    )


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


SPONSORS_ERROR = ': error: sponsors must be a list of GitHub names (write sponsors = ["name"])'

# --- plugin.toml ----------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("toml", "message", "compat"),
    [
        (
            "[plugin\n",
            ":1: error: is not valid TOML: Expected ']' at the end of a table declaration",
            "renders",
        ),
        ('[plugin]\nsponsors = "acme"\n', SPONSORS_ERROR, "fails"),
        ("[plugin]\nsponsors = [1, 2]\n", SPONSORS_ERROR, "renders"),
        ("a = " + "[" * 5000 + "\n", ": error: is not valid TOML: nested too deeply", "renders"),
        (
            "a = " + "{b = " * 5000 + "\n",
            ": error: is not valid TOML: nested too deeply",
            "renders",
        ),
    ],
    ids=["unclosed-table", "sponsors-string", "sponsors-ints", "deep-array", "deep-inline-table"],
)
def test_bad_plugin_toml(
    mode: str,
    toml: str,
    message: str,
    compat: str,
    plugin: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """bin/generate reads only the sponsors line of plugin.toml (A17): where it renders,
    compat mode does too; corrected mode reads the file as TOML."""
    root = with_readme(plugin(plugin_toml=toml))
    line = f"{root}/plugin.toml{message}"
    assert_fails(capsys, mode, root, line=line, readme_root=root, extra=("--no-compat",))
    if compat == "fails":  # bin/generate stops at the sponsors line; TOML cannot read it
        assert_fails(capsys, mode, root, line=line, readme_root=root)
    else:
        code, out, err = run(capsys, *argv_for("stdout", root))
        assert (code, err) == (0, [])
        if "[1, 2]" in toml:  # split at commas, quotes stripped, no white space stripped
            assert "- [1](https://github.com/1)\n- [ 2](https://github.com/ 2)\n" in out


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ("compat = \n", ":1: error: is not valid TOML: Invalid value"),
        (
            "unknown_key = 1\n",
            ":1: error: unknown key unknown_key (see docgen's README, Customising the README)",
        ),
        ("a = " + "[" * 5000 + "\n", ": error: is not valid TOML: nested too deeply"),
    ],
    ids=["syntax", "unknown-key", "deep-array"],
)
def test_bad_docgen_toml(
    mode: str,
    settings: str,
    message: str,
    plugin: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = with_readme(plugin(files={"docgen.toml": settings}))
    assert_fails(capsys, mode, root, line=f"{root}/docgen.toml{message}", readme_root=root)


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


# --- file names that cannot be command names ------------------------------------------------


@pytest.mark.parametrize(
    "name", ["two\nlines", "esc\x1b[31mred", "bell\x07"], ids=["newline", "escape", "bell"]
)
def test_subcommand_name_with_control_characters(
    name: str, plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """bin/generate writes such a name raw (A7), and so does compat mode, with a warning
    whose path shows the character escaped (one line). Corrected mode skips it."""
    root = plugin(subcommands={name: script("x", "do x")})
    shown = name.replace("\n", "\\x0a").replace("\x1b", "\\x1b").replace("\x07", "\\x07")
    code, out, err = run(capsys, "--stdout", root)
    assert code == 0
    assert re.search(f"\nmini:{re.escape(name)} <service> +# do x\n", out)
    assert err == [
        f"{root}/subcommands/{shown}: warning: a file name with a control character, "
        "written into the README as it is"
    ]
    code, out, err = run(capsys, "--stdout", "--no-compat", root)
    assert code == 0
    assert name not in out and f"mini:{name.splitlines()[0]}" not in out
    assert err == [
        f"{root}/subcommands/{shown}: warning: skipped: a file name with a control character"
    ]


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
        f"{root}/subcommands/x\\xffy: warning: skipped: a file name with bytes that are not UTF-8"
    ]


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
