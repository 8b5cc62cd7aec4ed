"""Line endings and encodings: UTF-8 whatever the locale, CRLF and BOM."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.conftest import (
    REPO,
    rendered,
    run,
)
from tests.plugin_factory import CONFIG, DOCKERFILE, PLUGIN_TOML, make_plugin, script

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
    assert (code, out, err) == (0, "1 current, 0 rewritten, 0 errors\n", [])
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
