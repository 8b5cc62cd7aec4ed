"""Byte-for-byte parity of ``docgen --format help`` with a plugin's own help-functions.

Usage::

    python scripts/help_parity.py [--color] [--captures DIR] [--capture-script PATH]
                                  [--docgen-cmd "python -m docgen"] [--jobs N]
                                  [--timeout S] [--diff-lines N] PLUGIN_DIR...

For every plugin checkout (it needs its ``commands``, ``help-functions`` and
``common-functions``, which every official plugin has):

1. The expected outputs come from the reference capture script
   (``../shared/reference/help-capture/capture.sh PLUGIN_DIR OUT_DIR [--color]``), which runs
   the plugin's own ``commands`` against stub Dokku core files, with ``LC_ALL=C`` and colour off
   (``DOKKU_NO_COLOR=1 TERM=dumb``), or with ``--color`` on (``TERM=xterm-256color``). It writes
   ``overview.txt`` (``dokku <prefix>:help``) and ``sub/NAME.txt`` (``dokku <prefix>:help
   NAME``), each beside a ``.rc`` file holding the exit status. The script merges stderr into
   those files; the lines bash writes there about a command that failed (``...: line N: ...``,
   e.g. ``http: command not found``) are no output of the help and are dropped before comparing.
   With ``--captures DIR``, ``DIR/<name>/`` holds captures made before (``<name>`` is the
   plugin folder's name, without a ``dokku-`` prefix), and the capture script is not run.
2. docgen runs as ``<docgen-cmd> --format help [--command NAME] --no-color|--color PLUGIN_DIR``
   from the project root, and its stdout is compared byte for byte.

A command whose capture exits 0 must print the same bytes. One whose capture exits otherwise
(an unimplemented command: empty output, exit 1) must make docgen exit 2 with one error line,
and is counted as refused by both. Every mismatch is printed with a unified diff. The summary
reads ``N/M subcommand outputs + K/L overviews identical; U unimplemented refused by both``.
The exit status is 0 when everything is identical (or refused by both), 1 otherwise, 2 for bad
arguments. Only the standard library is used.

Examples::

    python scripts/help_parity.py ../plugins/dokku-*
    python scripts/help_parity.py --color ../plugins/dokku-postgres
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import shlex
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CAPTURE = PROJECT_ROOT.parent / "shared" / "reference" / "help-capture" / "capture.sh"
BASH_DIAGNOSTIC = re.compile(rb"^[^\n]*: line \d+: [^\n]*\n", re.M)


@dataclass
class Outcome:
    """The verdicts of one plugin, with the lines to print for it."""

    name: str
    overview: bool = False
    identical: int = 0
    compared: int = 0
    refused: int = 0
    lines: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return (
            not self.overview
            or self.identical != self.compared
            or any(line.startswith("FAIL") for line in self.lines)
        )


def _run(
    cmd: Sequence[str], cwd: Path, timeout: float, env: dict[str, str] | None = None
) -> tuple[int | None, bytes, str]:
    """(exit status or None on timeout, stdout, stderr)."""
    try:
        done = subprocess.run(
            list(cmd),
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return None, b"", "timed out"
    return done.returncode, done.stdout, done.stderr.decode(errors="replace")


def capture(plugin: Path, script: Path, out: Path, colour: bool, timeout: float) -> str:
    """Run the reference capture script; an error message, or "" when it worked."""
    cmd = ["bash", str(script), str(plugin), str(out), *(["--color"] if colour else [])]
    status, _, stderr = _run(cmd, PROJECT_ROOT, timeout * 60)
    if status != 0 or not (out / "overview.txt").is_file():
        return f"capture.sh failed (exit {status}): {stderr.strip()[:200]}"
    return ""


def expected(path: Path) -> tuple[bytes, int]:
    """A capture file without bash's diagnostics, and the exit status beside it."""
    status = int(path.with_suffix(".rc").read_text().strip() or "1")
    return BASH_DIAGNOSTIC.sub(b"", path.read_bytes()), status


def diff(want: bytes, got: bytes, limit: int) -> list[str]:
    lines = list(
        difflib.unified_diff(
            want.decode(errors="replace").splitlines(),
            got.decode(errors="replace").splitlines(),
            "help-functions",
            "docgen",
            n=2,
            lineterm="",
        )
    )
    if not lines:
        return ["  (no line difference: white space at the end of the output differs)"]
    return lines if len(lines) <= limit else [*lines[:limit], f"... ({len(lines) - limit} more)"]


class Checker:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.docgen = (
            shlex.split(args.docgen_cmd) if args.docgen_cmd else [sys.executable, "-m", "docgen"]
        )
        self.env = dict(os.environ)
        self.env["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(PROJECT_ROOT), self.env.get("PYTHONPATH", "")) if p
        )

    def docgen_help(self, plugin: Path, command: str | None) -> tuple[int | None, bytes, str]:
        cmd = [*self.docgen, "--format", "help", "--color" if self.args.color else "--no-color"]
        cmd += ["--command", command] if command is not None else []
        return _run([*cmd, str(plugin)], PROJECT_ROOT, self.args.timeout, self.env)

    def compare(self, outcome: Outcome, plugin: Path, captured: Path, command: str | None) -> bool:
        want, status = expected(captured)
        code, got, stderr = self.docgen_help(plugin, command)
        label = "overview" if command is None else command
        if status != 0:
            if code == 2 and len(stderr.splitlines()) == 1 and not got:
                outcome.refused += 1
                return True
            outcome.lines.append(f"FAIL {outcome.name} {label}: help exits {status}, docgen {code}")
            return False
        if code == 0 and got == want:
            return True
        detail = f"docgen exit {code}: {stderr.strip()[:200]}" if code != 0 else "differs"
        outcome.lines.append(f"DIFFERENT {outcome.name} {label}: {detail}")
        outcome.lines += diff(want, got, self.args.diff_lines) if code == 0 else []
        return False

    def check(self, plugin: Path) -> Outcome:
        name = plugin.name.removeprefix("dokku-")
        outcome = Outcome(name)
        with tempfile.TemporaryDirectory(prefix="help-parity-") as tmp:
            captured = Path(tmp)
            if self.args.captures:
                captured = Path(self.args.captures) / name
            else:
                problem = capture(
                    plugin, self.args.capture_script, captured, self.args.color, self.args.timeout
                )
                if problem:
                    outcome.lines.append(f"FAIL {name}: {problem}")
                    return outcome
            outcome.overview = self.compare(outcome, plugin, captured / "overview.txt", None)
            for path in sorted((captured / "sub").glob("*.txt")):
                command = path.name.removesuffix(".txt")
                if expected(path)[1] == 0:
                    outcome.compared += 1
                    outcome.identical += self.compare(outcome, plugin, path, command)
                else:
                    self.compare(outcome, plugin, path, command)
        verdict = "identical" if not outcome.failed else "DIFFERENT"
        outcome.lines.insert(
            0,
            f"{verdict} {name}: {outcome.identical}/{outcome.compared} subcommands, overview "
            f"{'identical' if outcome.overview else 'differs'}, {outcome.refused} refused by both",
        )
        return outcome


def summary(outcomes: Sequence[Outcome]) -> str:
    identical = sum(o.identical for o in outcomes)
    compared = sum(o.compared for o in outcomes)
    overviews = sum(o.overview for o in outcomes)
    refused = sum(o.refused for o in outcomes)
    return (
        f"{identical}/{compared} subcommand outputs + {overviews}/{len(outcomes)} overviews "
        f"identical; {refused} unimplemented refused by both"
    )


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="help_parity.py",
        description="Compare docgen --format help byte for byte with the plugins' help-functions.",
    )
    parser.add_argument("dirs", nargs="+", metavar="PLUGIN_DIR", help="plugin checkout(s)")
    parser.add_argument("--color", action="store_true", help="compare the output with colour")
    parser.add_argument("--captures", metavar="DIR", help="captures made before: DIR/<name>/")
    parser.add_argument("--capture-script", type=Path, default=CAPTURE, help=f"default: {CAPTURE}")
    parser.add_argument("--docgen-cmd", metavar="CMD", help='default: "<this python> -m docgen"')
    parser.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per docgen run")
    parser.add_argument("--diff-lines", type=int, default=40, help="longest diff printed")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    plugins = [Path(d).resolve() for d in args.dirs]
    for plugin in plugins:
        if not (plugin / "subcommands").is_dir():
            print(f"help_parity: error: {plugin} is no plugin checkout", file=sys.stderr)
            return 2
    if not args.captures and not args.capture_script.is_file():
        print(f"help_parity: error: no capture script {args.capture_script}", file=sys.stderr)
        return 2
    checker = Checker(args)
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        outcomes = list(pool.map(checker.check, plugins))
    for outcome in outcomes:
        print("\n".join(outcome.lines), flush=True)
    print(summary(outcomes))
    return 1 if any(o.failed for o in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
