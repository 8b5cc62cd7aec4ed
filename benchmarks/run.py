#!/usr/bin/env python3
"""Time docgen against each plugin's own ``bin/generate``, with hyperfine:
``python benchmarks/run.py [--runs N] [--rounds N] [--nice N] [--json FILE] PLUGIN...``.

Each PLUGIN is a checkout of an official plugin; dokku-postgres (or the first) is the
single-plugin case. The interpreter running this script is the one measured, for the
scripts and for docgen. See benchmarks/README.md for the cases, targets and figures.
"""

from __future__ import annotations

import argparse
import collections
import functools
import itertools
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from synthetic import make_plugin

INPUTS = ("Dockerfile", "config", "plugin.toml", "subcommands", "docs", "bin")
SIZES = (100, 1000, 5000)  # synthetic commands
BATCH = 200  # plugins in one run
SCRIPT = (sys.executable, "bin/generate")
JINJA2 = [sys.executable, "-c", "import jinja2"]
# (case, numerator, denominator, comparison, limit): a ratio of median wall times.
TARGETS = (
    ("single-off", "docgen", "script", "<=", 2.5),
    ("official-off", "scripts", "docgen", ">=", 3.0),
    ("official-warm", "scripts", "docgen", ">=", 7.0),
    ("corrected-off", "no-compat", "compat", "<=", 1.5),
    ("single-warm", "docgen", "script", "<=", 1.6),
)
PEAK_LIMIT_MIB = 60.0


@dataclass
class Row:
    case: str
    key: str
    median_ms: float
    min_ms: float
    max_ms: float
    cpu_ms: float  # mean user + system time of the process and its children
    peak_mib: float


Rows = dict[str, dict[str, Row]]  # per case, per command


def docgen(*args: str | Path) -> list[str]:
    """docgen as CI runs it: the ``docgen`` script of the measured interpreter's environment
    (``python -m docgen`` where there is none, which also imports runpy)."""
    script = Path(sys.executable).with_name("docgen")
    command = [str(script)] if script.is_file() else [sys.executable, "-m", "docgen"]
    return [*command, *map(str, args)]


def run(argv: Sequence[str], cwd: Path, env: dict[str, str], ok: Sequence[int] = (0,)) -> None:
    """Run once, untimed, and stop the benchmark unless it exits with one of ``ok``."""
    done = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if done.returncode not in ok:
        sys.exit(f"error: {shlex.join(argv)}: exit {done.returncode}\n{done.stderr[-2000:]}")


@functools.cache
def gnu_time() -> bool:
    """Whether /usr/bin/time is GNU time, whose ``-f %M`` prints the peak RSS in KiB."""
    try:
        done = subprocess.run(["/usr/bin/time", "-f", "%M", "true"], capture_output=True, text=True)
    except OSError:
        return False
    return done.returncode == 0 and done.stderr.strip().isdigit()


def peak_kib(argv: Sequence[str], cwd: Path, env: dict[str, str], prepare: str) -> int:
    """The peak resident set size of one run: GNU time's ``%M``, else ``os.wait4``'s."""
    subprocess.run(prepare or "true", shell=True, check=True)
    options: dict[str, Any] = {"cwd": cwd, "env": env, "stdout": subprocess.DEVNULL}
    if gnu_time():
        command = ["/usr/bin/time", "-f", "%M", *argv]
        return int(subprocess.run(command, **options, stderr=subprocess.PIPE).stderr.split()[-1])
    child = subprocess.Popen(argv, **options)
    _, _, usage = os.wait4(child.pid, 0)
    child.returncode = 0
    return usage.ru_maxrss


class Bench:
    def __init__(self, work: Path, runs: int, warmup: int, rounds: int) -> None:
        self.work, self.runs, self.warmup, self.rounds = work, runs, warmup, rounds
        self.env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        self.env.update(NO_COLOR="1", DOCGEN_CACHE_DIR="")
        self.times: dict[tuple[str, str], list[float]] = collections.defaultdict(list)
        self.cpu: dict[tuple[str, str], list[float]] = collections.defaultdict(list)
        self.peaks: dict[tuple[str, str], float] = {}

    def state(self, name: str) -> tuple[dict[str, str], str]:
        """The environment and the hyperfine --prepare command of a case's cache state, the
        end of its name: ``off`` (``DOCGEN_CACHE_DIR=``), ``empty`` (a folder emptied before
        every run) or ``warm`` (a folder that the warm-up runs filled)."""
        cache = name.rpartition("-")[2]
        folder = self.work / f"cache-{cache}"
        env = {**self.env, "DOCGEN_CACHE_DIR": "" if cache == "off" else str(folder)}
        return env, f"rm -rf {shlex.quote(str(folder))}" if cache == "empty" else ""

    def check(self, name: str, cwd: Path, commands: dict[str, list[str]]) -> None:
        """Each command succeeds, untimed; its peak memory is the largest of three runs."""
        env, prepare = self.state(name)
        for key, argv in commands.items():
            run(argv, cwd, env)
            self.peaks[name, key] = max(peak_kib(argv, cwd, env, prepare) for _ in range(3))

    def measure(self, name: str, cwd: Path, commands: dict[str, list[str]], runs: int) -> None:
        """One hyperfine run of related commands, one after the other."""
        env, prepare = self.state(name)
        export = self.work / f"{name}.json"
        hyperfine = ["hyperfine", "-N", "--style", "basic", "--export-json", str(export)]
        hyperfine += ["--warmup", str(self.warmup), "--runs", str(runs)]
        hyperfine += ["--prepare", prepare] if prepare else []
        for key, argv in commands.items():
            hyperfine += [f"--command-name={key}", shlex.join(argv)]
        print(f"== {name}", file=sys.stderr, flush=True)
        subprocess.run(hyperfine, cwd=cwd, env=env, check=True, stdout=sys.stderr)
        for key, result in zip(commands, json.loads(export.read_text())["results"], strict=True):
            self.times[name, key] += [1000 * t for t in result["times"]]
            self.cpu[name, key].append(1000 * (result["user"] + result["system"]))

    def rows(self) -> Rows:
        found: Rows = collections.defaultdict(dict)
        for (name, key), times in self.times.items():
            cpu, peak = statistics.fmean(self.cpu[name, key]), self.peaks[name, key] / 1024
            median = statistics.median(times)
            found[name][key] = Row(name, key, median, min(times), max(times), cpu, peak)
        return found


def copy_plugin(source: Path, target: Path) -> Path:
    target.mkdir(parents=True)
    for name in INPUTS:
        if (source / name).is_dir():
            shutil.copytree(source / name, target / name, symlinks=True)
        elif (source / name).is_file():
            shutil.copy2(source / name, target / name)
    return target


def make_distinct(root: Path, number: int) -> None:
    """Append `` (copy N)`` to one ``declare desc=``: no two copies render the same README,
    so docgen's render cache cannot serve one copy from another."""
    for script in sorted((root / "subcommands").iterdir()):
        text = script.read_text(encoding="utf-8")
        text, count = re.subn(r'(declare desc="[^"]*)"', rf'\1 (copy {number})"', text, count=1)
        if count:
            script.write_text(text, encoding="utf-8")
            return


def loop(argv: Sequence[str], folders: Sequence[Path]) -> list[str]:
    """``bash -c`` running ``argv`` inside each folder in turn, as a CI loop would."""
    body = f'for d in "$@"; do cd "$d" && {shlex.join(argv)} || exit 1; done'
    return ["bash", "-c", body, "_", *map(str, folders)]


def inputs(bench: Bench, plugins: Sequence[Path]) -> tuple[list[Path], list[Path]]:
    """Copies of the plugins, each README written by its own bin/generate; BATCH distinct
    copies (READMEs written by docgen); the synthetic plugins."""
    official = [copy_plugin(p, bench.work / "official" / p.name) for p in plugins]
    for copy in official:
        run(SCRIPT, copy, bench.env)
    batch = []
    for number, plugin in zip(range(BATCH), itertools.cycle(plugins), strict=False):
        batch.append(copy_plugin(plugin, bench.work / "batch" / f"{plugin.name}-{number:03d}"))
        make_distinct(batch[-1], number)
    run(docgen(*batch), bench.work, bench.env, ok=(1,))
    for size in SIZES:
        make_plugin(bench.work / f"synth-{size}", size)
    return official, batch


Case = tuple[str, Path, dict[str, list[str]], int]  # name, folder, commands, timed runs


def cases(bench: Bench, single: Path, official: list[Path], batch: list[Path]) -> list[Case]:
    runs, few = bench.runs, max(bench.rounds, bench.runs // 4)
    found: list[Case] = []
    for cache in ("off", "empty", "warm"):
        commands = {"script": [*SCRIPT], "docgen": docgen("--check", ".")}
        if cache == "off":  # what any Python process costs, and one that imports jinja2
            commands |= {"python": [sys.executable, "-c", "pass"], "jinja2": JINJA2}
        found.append((f"single-{cache}", single, commands, runs))
        commands = {"scripts": loop(SCRIPT, official), "docgen": docgen("--check", *official)}
        found.append((f"official-{cache}", bench.work, commands, runs // 2))
    for cache in ("off", "warm"):
        compat, corrected = docgen("--stdout", "."), docgen("--stdout", "--no-compat", ".")
        found.append(
            (f"corrected-{cache}", single, {"compat": compat, "no-compat": corrected}, runs)
        )
        found.append(
            (f"batch{BATCH}-{cache}", bench.work, {"docgen": docgen("--check", *batch)}, few)
        )
    synthetic = {}
    for mode, size in itertools.product(("--compat", "--no-compat"), SIZES):
        synthetic[f"{mode[2:]} {size}"] = docgen("--stdout", mode, bench.work / f"synth-{size}")
    return [*found, ("synthetic-off", bench.work, synthetic, few)]


def run_cases(bench: Bench, found: list[Case]) -> None:
    """Every case in turn, ``rounds`` times over: a burst of load on the machine then
    falls on several cases, not on one."""
    for name, cwd, commands, _ in found:
        bench.check(name, cwd, commands)
    for _ in range(bench.rounds):
        for name, cwd, commands, runs in found:
            bench.measure(name, cwd, commands, max(1, runs // bench.rounds))


def verdicts(rows: Rows) -> list[tuple[str, str, bool]]:
    found = []
    for case, top, bottom, comparison, limit in TARGETS:
        wall = rows[case][top].median_ms / rows[case][bottom].median_ms
        cpu = rows[case][top].cpu_ms / rows[case][bottom].cpu_ms
        passed = wall <= limit if comparison == "<=" else wall >= limit
        name = f"{case}: {top} / {bottom} {comparison} {limit}"
        found.append((name, f"{wall:.2f} (CPU time {cpu:.2f})", passed))
    peak = max(rows[f"batch{BATCH}-{c}"]["docgen"].peak_mib for c in ("off", "warm"))
    name = f"{BATCH} plugins: peak < {PEAK_LIMIT_MIB:g} MiB"
    return [*found, (name, f"{peak:.1f} MiB", peak < PEAK_LIMIT_MIB)]


def growth(rows: Rows, plugins: int) -> list[str]:
    """The cost of one more command (synthetic) and of one more plugin (a batch)."""
    synthetic, lines = rows["synthetic-off"], []
    for mode in ("compat", "no-compat"):
        for small, large in itertools.pairwise(SIZES):
            extra = synthetic[f"{mode} {large}"].median_ms - synthetic[f"{mode} {small}"].median_ms
            lines.append(f"{mode}, {small} -> {large} commands: {extra / (large - small):.3f} ms")
    for cache in ("off", "warm"):
        extra = rows[f"batch{BATCH}-{cache}"]["docgen"].median_ms
        extra -= rows[f"official-{cache}"]["docgen"].median_ms
        lines.append(f"{cache}, {plugins} -> {BATCH} plugins: {extra / (BATCH - plugins):.2f} ms")
    return [f"per extra command or plugin: {line}" for line in lines]


def machine() -> list[str]:
    from importlib.metadata import version

    cpu = re.findall(r"model name\s*:\s*(.*)", Path("/proc/cpuinfo").read_text()) or ["?"]
    memory = int(re.findall(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text())[0])
    hyperfine = subprocess.run(["hyperfine", "--version"], capture_output=True, text=True).stdout
    packages = ", ".join(
        f"{p} {version(p)}" for p in ("dokku-docgen", "jinja2", "bashlex", "click")
    )
    return [
        f"{cpu[0]}, {os.cpu_count()} cores, {memory / 2**20:.1f} GiB, {platform.platform()}",
        f"Python {platform.python_version()} ({sys.executable}); {packages}",
        f"{hyperfine.strip()}; peak memory from {'GNU time' if gnu_time() else 'os.wait4'}",
        f"niceness {os.nice(0)}; load average {os.getloadavg()[0]:.2f} at the start",
    ]


def report(rows: Rows, found: list[tuple[str, str, bool]], notes: list[str]) -> str:
    lines = [f"- {note}" for note in notes]
    lines += ["", "| case | command | median ms | min-max ms | CPU ms | peak MiB |"]
    lines += ["|---|---|---:|---:|---:|---:|"]
    for r in (r for case in rows.values() for r in case.values()):
        lines.append(
            f"| {r.case} | {r.key} | {r.median_ms:.1f} | {r.min_ms:.1f}-{r.max_ms:.1f} "
            f"| {r.cpu_ms:.1f} | {r.peak_mib:.1f} |"
        )
    lines += ["", "| target | measured | verdict |", "|---|---|---|"]
    lines += [f"| {name} | {value} | {'PASS' if ok else 'FAIL'} |" for name, value, ok in found]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("plugins", nargs="+", type=Path, help="official plugin checkouts")
    parser.add_argument("--runs", type=int, default=20, help="timed runs per command")
    parser.add_argument("--warmup", type=int, default=2, help="untimed runs first, per round")
    parser.add_argument("--rounds", type=int, default=4, help="times over every case")
    parser.add_argument("--nice", type=int, default=0, help="add N to the niceness (-10: root)")
    parser.add_argument("--json", type=Path, help="also write every row and verdict here")
    args = parser.parse_args(argv)
    os.nice(args.nice)
    plugins = [p.resolve() for p in args.plugins if (p / "bin" / "generate").is_file()]
    if not plugins or shutil.which("hyperfine") is None:
        sys.exit("error: needs hyperfine on PATH and plugin folders with a bin/generate")
    single = next((p for p in plugins if p.name == "dokku-postgres"), plugins[0])
    with tempfile.TemporaryDirectory(prefix="docgen-bench-") as work:
        bench = Bench(Path(work), args.runs, args.warmup, args.rounds)
        official, batch = inputs(bench, plugins)
        notes = machine()
        run_cases(bench, cases(bench, bench.work / "official" / single.name, official, batch))
        rows = bench.rows()
        notes += [f"load average {os.getloadavg()[0]:.2f} at the end", *growth(rows, len(plugins))]
        found = verdicts(rows)
        print(report(rows, found, notes))
    if args.json:
        table = [asdict(r) for case in rows.values() for r in case.values()]
        targets = [{"target": n, "measured": m, "pass": ok} for n, m, ok in found]
        args.json.write_text(json.dumps({"notes": notes, "rows": table, "targets": targets}))
    return 0 if all(ok for _, _, ok in found) else 1


if __name__ == "__main__":
    raise SystemExit(main())
