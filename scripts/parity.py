"""Byte-for-byte parity check of docgen against a plugin's reference ``bin/generate``.

Usage::

    python scripts/parity.py [--generate PATH] [--docgen-cmd "python -m docgen"]
                             [--history] [--jobs N] [--timeout S] [--diff-lines N] DIR...

Each DIR is a plugin checkout: a folder holding ``Dockerfile``, ``config``, ``plugin.toml``,
``subcommands/`` and ``docs/``, and normally ``bin/generate``. With ``--history`` each DIR is
instead a folder of such plugin trees (e.g. a corpus of historical snapshots), and every
subdirectory of it is checked, in name order.

For every plugin:

1. The expected README is produced by the reference script. The plugin's input files are copied
   into a fresh temporary directory (symlinks are copied as symlinks), ``bin/generate`` is added
   there (the plugin's own, or the ``--generate`` script for every plugin), and it is run with
   ``sys.executable``, with the copy as the working directory. The README.md that it writes next
   to its ``bin/`` is the expected output. The original folder is never written to.
2. docgen is run as ``<docgen-cmd> --stdout DIR`` (DIR made absolute), from the project root
   with the project root on PYTHONPATH. Its stdout is compared with the expected bytes.

One line is printed per plugin:

* ``identical  NAME``
* ``DIFFERENT NAME``, followed by the first differing byte offset and a unified diff
  (cut to ``--diff-lines`` lines)
* ``docgen-error NAME: <first line of stderr>`` (the last line of a traceback instead of its
  first line, which names nothing) when docgen exits non-zero, times out or prints a traceback
* ``script-crash NAME (docgen: exit N)`` when the reference script itself fails. There is then
  nothing to compare with; docgen only has to exit 0 or 2 without a traceback, otherwise the
  line ends with ``FAIL`` and the reason.

A final summary line reads ``N/M identical`` (M = plugins for which the script succeeded) with
the counts of the other verdicts. The exit status is 0 when every comparable plugin is
identical and docgen neither crashed nor exited outside {0, 2} on any script-crash input;
otherwise 1. Bad arguments exit 2. Only the standard library is used, and nothing touches the
network.

Examples::

    python scripts/parity.py ../plugins/dokku-*
    python scripts/parity.py --generate generate.py --history history/trees
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
INPUT_PATHS = ("Dockerfile", "config", "plugin.toml", "subcommands", "docs")
CLEAN_DOCGEN_EXITS = (0, 2)

IDENTICAL = "identical"
DIFFERENT = "DIFFERENT"
DOCGEN_ERROR = "docgen-error"
SCRIPT_CRASH = "script-crash"


@dataclass
class Result:
    """The verdict for one plugin, with the lines to print for it."""

    name: str
    verdict: str
    lines: list[str] = field(default_factory=list)
    failed: bool = False


@dataclass
class Run:
    """Outcome of one subprocess run; ``returncode`` is None on timeout."""

    returncode: int | None
    stdout: bytes
    stderr: str


def run(cmd: Sequence[str], cwd: Path, timeout: float, env: dict[str, str] | None = None) -> Run:
    """Run ``cmd`` without stdin, capturing its output; a timeout is not an exception."""
    try:
        proc = subprocess.run(
            list(cmd),
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout if isinstance(exc.stdout, bytes) else b""
        err = exc.stderr.decode(errors="replace") if isinstance(exc.stderr, bytes) else ""
        return Run(None, out, err)
    return Run(proc.returncode, proc.stdout, proc.stderr.decode(errors="replace"))


def copy_inputs(src: Path, dst: Path) -> None:
    """Copy the README-relevant inputs of plugin ``src`` into ``dst`` (missing ones skipped)."""
    for name in INPUT_PATHS:
        path = src / name
        target = dst / name
        if path.is_symlink():
            os.symlink(os.readlink(path), target)
        elif path.is_dir():
            shutil.copytree(path, target, symlinks=True)
        elif path.exists():
            shutil.copy2(path, target)


def last_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1].strip() if lines else ""


def describe_stderr(text: str) -> str:
    """First stderr line, or for a traceback its last line (the exception)."""
    if "Traceback" in text:
        return f"Traceback: {last_line(text)}"
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[0].strip() if lines else "(no stderr)"


def expected_readme(plugin: Path, generate: Path, timeout: float) -> tuple[bytes | None, str]:
    """Run the reference script on a copy of ``plugin``; return (README bytes, failure)."""
    with tempfile.TemporaryDirectory(prefix="parity-") as tmp:
        work = Path(tmp) / plugin.name
        work.mkdir()
        copy_inputs(plugin, work)
        (work / "bin").mkdir(exist_ok=True)
        script = work / "bin" / "generate"
        shutil.copyfile(generate, script)
        outcome = run([sys.executable, str(script)], cwd=work, timeout=timeout)
        readme = work / "README.md"
        if outcome.returncode is None:
            return None, f"timed out after {timeout:g} s"
        if outcome.returncode != 0 or not readme.is_file():
            return None, last_line(outcome.stderr) or f"exit {outcome.returncode}"
        return readme.read_bytes(), ""


def first_difference(expected: bytes, actual: bytes) -> str:
    """Say where two byte strings first differ, by offset and line number."""
    limit = min(len(expected), len(actual))
    offset = next((i for i in range(limit) if expected[i] != actual[i]), limit)
    line = expected[:offset].count(b"\n") + 1
    return (
        f"  first difference at byte {offset} (line {line}); "
        f"expected {len(expected)} bytes, docgen {len(actual)} bytes"
    )


def unified_diff(expected: bytes, actual: bytes, max_lines: int) -> list[str]:
    exp = expected.decode(errors="replace").splitlines()
    act = actual.decode(errors="replace").splitlines()
    diff = list(
        difflib.unified_diff(exp, act, "expected (bin/generate)", "docgen", n=3, lineterm="")
    )
    if not diff:
        return ["  (no line difference: line endings or final newline differ)"]
    if len(diff) > max_lines:
        rest = len(diff) - max_lines
        diff = [*diff[:max_lines], f"... ({rest} more diff lines)"]
    return diff


def check(
    plugin: Path,
    generate: Path | None,
    docgen_cmd: Sequence[str],
    timeout: float,
    diff_lines: int,
) -> Result:
    """Compare docgen with the reference script on one plugin folder."""
    name = plugin.name
    script = generate if generate is not None else plugin / "bin" / "generate"
    expected, failure = expected_readme(plugin, script, timeout)

    env = _docgen_env()
    got = run([*docgen_cmd, "--stdout", str(plugin)], cwd=PROJECT_ROOT, timeout=timeout, env=env)
    traceback = "Traceback" in got.stderr

    if expected is None:
        status = "timeout" if got.returncode is None else f"exit {got.returncode}"
        line = f"{SCRIPT_CRASH} {name} (docgen: {status})"
        failed = traceback or got.returncode not in CLEAN_DOCGEN_EXITS
        if failed:
            line += f" FAIL: {describe_stderr(got.stderr)}"
        return Result(name, SCRIPT_CRASH, [line, f"  script: {failure}"], failed)

    if got.returncode is None:
        return Result(name, DOCGEN_ERROR, [f"{DOCGEN_ERROR} {name}: timed out"], True)
    if got.returncode != 0 or traceback:
        detail = describe_stderr(got.stderr)
        if got.returncode != 0:
            detail = f"{detail} (exit {got.returncode})"
        return Result(name, DOCGEN_ERROR, [f"{DOCGEN_ERROR} {name}: {detail}"], True)
    return _compared(name, expected, got.stdout, diff_lines)


def _compared(label: str, expected: bytes, got: bytes, diff_lines: int) -> Result:
    """Identical, or different with the first difference and a unified diff."""
    if got == expected:
        return Result(label, IDENTICAL, [f"{IDENTICAL}  {label}"])
    lines = [f"{DIFFERENT} {label}", first_difference(expected, got)]
    lines += unified_diff(expected, got, diff_lines)
    return Result(label, DIFFERENT, lines, True)


def _docgen_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(PROJECT_ROOT), env.get("PYTHONPATH", "")) if p
    )
    return env


def check_own(
    plugin: Path, docgen_cmd: Sequence[str], timeout: float, diff_lines: int, hide_script: bool
) -> Result:
    """Migrate one tree as a maintainer would: its own bin/generate writes README.md, then
    ``docgen init`` picks a profile (with ``hide_script``, from the README alone), then
    ``docgen --stdout`` must write that README again, byte for byte."""
    name = plugin.name
    with tempfile.TemporaryDirectory(prefix="parity-own-") as tmp:
        work = Path(tmp) / plugin.name
        work.mkdir()
        copy_inputs(plugin, work)
        (work / "bin").mkdir()
        shutil.copyfile(plugin / "bin" / "generate", work / "bin" / "generate")
        script = run([sys.executable, "bin/generate"], cwd=work, timeout=timeout)
        if script.returncode != 0 or not (work / "README.md").is_file():
            return Result(
                name, SCRIPT_CRASH, [f"{SCRIPT_CRASH} {name}: {last_line(script.stderr)}"]
            )
        expected = (work / "README.md").read_bytes()
        if hide_script:
            shutil.rmtree(work / "bin")
        env = _docgen_env()
        init = run([*docgen_cmd, "init", str(work)], cwd=PROJECT_ROOT, timeout=timeout, env=env)
        chosen = re.search(rb'compat = "([^"]+)"', init.stdout)
        profile = chosen.group(1).decode() if chosen else "?"
        got = run([*docgen_cmd, "--stdout", str(work)], cwd=PROJECT_ROOT, timeout=timeout, env=env)
    label = f"{name} [{profile}]"
    if got.returncode != 0 or "Traceback" in init.stderr + got.stderr:
        detail = describe_stderr(init.stderr + got.stderr)
        return Result(label, DOCGEN_ERROR, [f"{DOCGEN_ERROR} {label}: {detail}"], True)
    return _compared(label, expected, got.stdout, diff_lines)


def per_profile(results: Sequence[Result]) -> str:
    """Identical trees per profile docgen init chose, for --own."""
    counts: dict[str, list[int]] = {}
    for result in results:
        profile = result.name.rsplit("[", 1)[-1].rstrip("]") if "[" in result.name else "?"
        row = counts.setdefault(profile, [0, 0])
        row[0] += result.verdict == IDENTICAL
        row[1] += result.verdict != SCRIPT_CRASH
    return "\n".join(f"  {p}: {ok}/{total}" for p, (ok, total) in sorted(counts.items()))


def collect(dirs: Sequence[str], history: bool) -> list[Path]:
    """Resolve the plugin folders named on the command line."""
    plugins: list[Path] = []
    for raw in dirs:
        path = Path(raw).resolve()
        if not path.is_dir():
            raise SystemExit(f"parity: error: not a directory: {raw}")
        if history:
            plugins.extend(sorted(p for p in path.iterdir() if p.is_dir()))
        else:
            plugins.append(path)
    return plugins


def synthetic_trees(folder: Path) -> list[Path]:
    """The trees of tests/compat_cases.py, written under ``folder``."""
    sys.path.insert(0, str(PROJECT_ROOT))
    from tests.compat_cases import CASES
    from tests.plugin_factory import make_plugin

    return [make_plugin(folder / name, **case.plugin) for name, case in sorted(CASES.items())]  # type: ignore[arg-type]


def summary(results: Sequence[Result]) -> str:
    count = {
        v: sum(r.verdict == v for r in results)
        for v in (IDENTICAL, DIFFERENT, DOCGEN_ERROR, SCRIPT_CRASH)
    }
    comparable = len(results) - count[SCRIPT_CRASH]
    crash_fail = sum(r.failed for r in results if r.verdict == SCRIPT_CRASH)
    return (
        f"{count[IDENTICAL]}/{comparable} identical; {count[DIFFERENT]} different, "
        f"{count[DOCGEN_ERROR]} docgen-error, {count[SCRIPT_CRASH]} script-crash "
        f"({crash_fail} with docgen traceback or exit outside 0/2)"
    )


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="parity.py",
        description="Compare docgen's README byte for byte with the reference bin/generate.",
    )
    parser.add_argument("dirs", nargs="*", metavar="DIR", help="plugin folder(s)")
    parser.add_argument(
        "--synthetic",
        action="store_true",
        help="also check the trees of tests/compat_cases.py (needs --generate)",
    )
    parser.add_argument(
        "--generate",
        metavar="PATH",
        help="reference script to use for every plugin instead of its own bin/generate",
    )
    parser.add_argument(
        "--docgen-cmd",
        metavar="CMD",
        help='docgen command line, split like a shell would (default: "<this python> -m docgen")',
    )
    parser.add_argument(
        "--history",
        action="store_true",
        help="each DIR is a folder of plugin trees; check every subdirectory",
    )
    parser.add_argument(
        "--own",
        action="store_true",
        help="run each tree's own bin/generate, then docgen init and docgen --stdout",
    )
    parser.add_argument(
        "--hide-script",
        action="store_true",
        help="with --own: remove bin/generate before docgen init (the profile from the README)",
    )
    parser.add_argument(
        "--jobs", "-j", type=int, default=os.cpu_count() or 1, help="plugins checked at once"
    )
    parser.add_argument(
        "--timeout", type=float, default=10.0, help="seconds per script or docgen run"
    )
    parser.add_argument(
        "--diff-lines", type=int, default=60, help="longest diff printed per plugin"
    )
    return parser.parse_args(argv)


class _Usage(Exception):
    """A bad combination of arguments: reported on one line, exit 2."""


def _script(generate: str | None) -> Path | None:
    if generate is None:
        return None
    found = Path(generate).resolve()
    if not found.is_file():
        raise _Usage(f"no such script: {generate}")
    return found


def _plugins(args: argparse.Namespace, generate: Path | None) -> list[Path]:
    """The plugin trees to check, each with a script to run."""
    plugins = collect(args.dirs, args.history)
    if args.synthetic:
        if generate is None:
            raise _Usage("--synthetic needs --generate")
        plugins += synthetic_trees(Path(tempfile.mkdtemp(prefix="parity-synthetic-")))
    if not plugins:
        raise _Usage("no plugin to check (give DIRs or --synthetic)")
    if generate is None or args.own:
        missing = [p for p in plugins if not (p / "bin" / "generate").is_file()]
        if missing:
            raise _Usage(f"{missing[0]} has no bin/generate (use --generate)")
    return plugins


def _check_all(
    args: argparse.Namespace, plugins: list[Path], generate: Path | None, docgen_cmd: list[str]
) -> list[Result]:
    """Every plugin checked, its lines printed as its result comes, in order."""
    results: list[Result] = []
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        if args.own:
            futures = [
                pool.submit(
                    check_own, p, docgen_cmd, args.timeout, args.diff_lines, args.hide_script
                )
                for p in plugins
            ]
        else:
            futures = [
                pool.submit(check, p, generate, docgen_cmd, args.timeout, args.diff_lines)
                for p in plugins
            ]
        for future in futures:
            result = future.result()
            results.append(result)
            print("\n".join(result.lines), flush=True)
    return results


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        generate = _script(args.generate)
        plugins = _plugins(args, generate)
    except _Usage as error:
        print(f"parity: error: {error}", file=sys.stderr)
        return 2
    docgen_cmd = (
        shlex.split(args.docgen_cmd) if args.docgen_cmd else [sys.executable, "-m", "docgen"]
    )
    results = _check_all(args, plugins, generate, docgen_cmd)
    print(summary(results))
    if args.own:
        print("identical per profile docgen init chose:")
        print(per_profile(results))
    return 1 if any(r.failed for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
