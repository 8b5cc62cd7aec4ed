"""docgen.cli: the command lines read without click, and the process entry (exit codes,
complete output despite the fast exit)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from docgen.cli.arguments import SUBCOMMANDS, RenderInvocation, cli, fast_invocation
from tests.plugin_factory import REPO, SAMPLE


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], RenderInvocation()),
        (["--check", "a", "b"], RenderInvocation((Path("a"), Path("b")), check=True)),
        (
            ["-q", "--check", "--strict", "."],
            RenderInvocation((Path("."),), True, True, strict=True),
        ),
        (
            ["--stdout", "p", "--no-compat"],
            RenderInvocation((Path("p"),), stdout=True, compat=False),
        ),
        (["--no-compat", "p", "--compat"], RenderInvocation((Path("p"),), compat=True)),
        (["--compat", "--no-compat"], RenderInvocation(compat=False)),
        (["-"], RenderInvocation((Path("-"),))),
    ],
)
def test_fast_invocation(args: list[str], expected: RenderInvocation) -> None:
    assert fast_invocation(args) == expected


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["-h"],
        ["--version"],
        ["--stdout"],
        ["--stdout", "a", "b"],
        ["--stdout", "--check", "p"],
        ["--format", "json"],
        ["-qq"],
        ["--check=1"],
        ["--", "p"],
        ["lint"],
        ["lint", "p"],
        ["--chec"],
        ["p", "-x"],
    ],
)
def test_everything_else_goes_to_click(args: list[str]) -> None:
    assert fast_invocation(args) is None


_ARGS = st.lists(
    st.sampled_from(
        [
            "--check",
            "--quiet",
            "-q",
            "--strict",
            "--compat",
            "--no-compat",
            "--stdout",
            "-qq",
            "--",
            "-",
            "",
            "a",
            "b/c",
            "lint",
            "--help",
            "-x",
            "--check=",
            "--format",
            "json",
        ]
    ),
    max_size=6,
)


@settings(max_examples=300, deadline=None)
@given(_ARGS)
def test_click_reads_the_same(args: list[str]) -> None:
    """Wherever fast_invocation answers, click accepts the line and gives the same values."""
    simple = fast_invocation(args)
    if simple is None:
        return
    params = cli().commands["render"].make_context("docgen", list(args)).params
    assert (params.pop("fmt"), params.pop("profile")) == (None, None)
    assert simple == RenderInvocation(**params)


def _docgen(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "docgen", *args], cwd=REPO, capture_output=True, check=False
    )


def test_stdout_is_complete() -> None:
    """The whole README reaches the pipe before the process ends."""
    done = _docgen("--stdout", str(SAMPLE))
    assert (done.returncode, done.stderr) == (0, b"")
    assert done.stdout == (SAMPLE / "README.md").read_bytes()


def test_check_write_and_usage_exit_codes(tmp_path: Path) -> None:
    plugin = shutil.copytree(SAMPLE, tmp_path / "plugin")
    current = _docgen("--check", str(plugin))
    assert (current.returncode, current.stdout) == (0, b"1 current, 0 out of date, 0 errors\n")
    with (plugin / "README.md").open("a", encoding="utf-8") as readme:
        readme.write("stale\n")
    stale = _docgen("--check", "--quiet", str(plugin))
    assert stale.returncode == 1
    assert stale.stdout.decode().splitlines() == [f"{plugin}/README.md is out of date"]
    written = _docgen(str(plugin))  # the file is complete although the process ends at once
    assert written.returncode == 1
    assert written.stdout.decode().splitlines() == [
        f"wrote {plugin}/README.md",
        "0 current, 1 rewritten, 0 errors",
    ]
    assert (plugin / "README.md").read_bytes() == (SAMPLE / "README.md").read_bytes()
    usage = _docgen("--bogus")
    assert usage.returncode == 2
    assert usage.stderr.decode().splitlines()[-1] == "Error: No such option '--bogus'."


def test_a_closed_pipe_ends_quietly() -> None:
    """`docgen --stdout | true`: no traceback; exit 1, click's answer to a closed pipe."""
    process = subprocess.Popen(
        [sys.executable, "-m", "docgen", "--stdout", str(SAMPLE)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # before the interpreter has even started
    assert process.stderr.read() == b""
    assert process.wait(timeout=60) == 1


def test_fast_reading_knows_every_subcommand() -> None:
    """A first argument naming a subcommand never reaches the fast reading as a PATH."""
    visible = {name for name, command in cli().commands.items() if not command.hidden}
    assert set(SUBCOMMANDS) == visible


def test_help_lists_the_render_options_and_the_lint_command(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from docgen.cli import main

    assert main(["--help"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Usage: docgen [OPTIONS] [PATH]..."
    assert "  -h, --help                      Show this message and exit." in lines
    commands = lines[lines.index("Commands:") + 1 :]
    assert [line.split()[0] for line in commands] == ["init", "lint"]


@pytest.mark.parametrize("name", ["render", "lint"])
def test_a_folder_named_like_a_command(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`docgen render` is the plugin folder ./render; `docgen lint` is the lint command."""
    from docgen.cli import main

    shutil.copytree(SAMPLE, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    assert main(["--check", name]) == 0
    assert capsys.readouterr().out == "1 current, 0 out of date, 0 errors\n"
    assert main([name, "--check"]) == (0 if name == "render" else 2)


def test_compat_names_a_profile(capsys: pytest.CaptureFixture[str]) -> None:
    """--compat=NAME renders with a profile; a bare --compat keeps the next word a PATH."""
    from docgen.cli import main

    assert main(["--stdout", "--compat=2023-01", str(SAMPLE)]) == 0
    assert "Disabling `docker pull` calls" in capsys.readouterr().out
    assert main(["--stdout", "--compat", str(SAMPLE)]) == 0
    assert "Disabling `docker image pull` calls" in capsys.readouterr().out
    assert main(["--stdout", "--compat=2023-1", str(SAMPLE)]) == 2
    assert capsys.readouterr().err == ("error: no compat profile 2023-1 (did you mean 2023-12?)\n")
    assert main(["--stdout", "--compat=2023-01", "--no-compat", str(SAMPLE)]) == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "Error: --compat=NAME and --compat/--no-compat: give one of them"
    )
