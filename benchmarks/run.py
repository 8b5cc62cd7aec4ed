#!/usr/bin/env python3
"""Whole-process benchmarks of docgen, run by hand (not part of the test suite).

Usage::

    python benchmarks/run.py [--reference-plugin DIR | --no-reference] [--runs N]
                             [--heavy-runs N] [--warmup N] [--mem-runs N]
                             [--sizes 100,1000,5000] [--docgen-cmd "python -m docgen"]
                             [--project-root DIR] [--label TEXT] [--cache-dir DIR]
                             [--no-hyperfine] [--json FILE] [--profile]

Every measurement is of a whole process, as a user runs it. Wall time comes from
``hyperfine`` (``--export-json``, the median is read) when it is on PATH, otherwise from
repeated runs timed with ``time.perf_counter``. Peak memory (maximum resident set size) comes
from ``/usr/bin/time -f %M`` when it exists, otherwise from ``os.wait4``'s rusage (the same
kernel counter); it is measured in separate runs, the maximum over them is reported.

Scenarios (see benchmarks/README.md):

1. ``docgen --check sample-plugin``, plus the interpreter floor (``python -c pass``) and
   ``docgen --version`` (the CLI's import cost) for context;
2. ``docgen --stdout`` on synthetic plugins of 100 / 1,000 / 5,000 subcommands that this
   script generates into a temporary folder (default and ``--no-compat`` mode);
3. one ``docgen --check`` over 20 copies of the sample plugin versus 20 separate runs;
4. with a reference plugin: its ``bin/generate`` and ``docgen --check`` on the same plugin,
   same interpreter; and 20 script runs versus one docgen over 20 copies;
5. for context, ``python -S`` rows: interpreter start-up without ``site`` (and so without
   any ``.pth`` start-up hook of the machine), docgen's dependencies found via PYTHONPATH.

Scenarios 1-4 run twice: with a warm docgen cache (steady state) and with a cold one (the
cache folder deleted before every run, as on a fresh CI machine).

docgen runs as ``--docgen-cmd`` (default: this interpreter ``-m docgen``) with the project
root (``--project-root``, default: the checkout holding this script) as working directory,
so ``-m docgen`` imports that checkout's docgen. The reference script runs as ``sys.executable bin/generate``
inside a temporary copy of the plugin (it reads its inputs from the working directory and
writes README.md next to its bin/). Nothing is written inside the project or the plugin.

Steady state: before measuring, docgen is run once in ``--no-compat`` mode so that its
bashlex table cache (``$DOCGEN_CACHE_DIR``, default ``~/.cache/docgen``) exists, and every
command is run ``--warmup`` times before it is timed (which also writes ``__pycache__``).
``PYTHONDONTWRITEBYTECODE`` is removed from the environment of the measured processes.

Only the standard library is used.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import platform
import re
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REFERENCE = Path("/work/scratch/plugins/dokku-postgres")
DEFAULT_GENERATE = Path("/work/scratch/generate.py")
PLUGIN_FILES = ("Dockerfile", "config", "plugin.toml", "subcommands", "docs", "README.md")
COPIES = 20
DEFAULT_DOCGEN = [sys.executable, "-m", "docgen"]
MIB = 1024 * 1024

# Targets from the issue.
TARGET_SINGLE_RATIO = 1.5  # docgen --check one plugin <= 1.5x the reference script
TARGET_BATCH_SPEEDUP = 5.0  # one docgen over 20 plugins >= 5x faster than 20 script runs
TARGET_SYNTHETIC_S = 2.0  # 1,000-subcommand plugin < 2 s
TARGET_PEAK_MIB = 60.0  # peak RSS < 60 MiB everywhere


# --- the synthetic plugin ---------------------------------------------------------------

# The commands that the default README sections list (templates/sections.toml), so that a
# synthetic plugin has a full Usage part in compat mode as well; the rest get made-up names.
SECTION_COMMANDS = tuple(
    name
    for section in tomllib.loads(
        (Path(__file__).resolve().parent.parent / "templates" / "sections.toml").read_text(
            encoding="utf-8"
        )
    )["section"]
    for name in section["commands"]
)
VERBS = (
    "sync",
    "rotate",
    "audit",
    "tune",
    "scale",
    "snapshot",
    "vacuum",
    "reindex",
    "grant",
    "revoke",
)
NOUNS = ("replica", "index", "user", "role", "cache", "shard", "queue", "bucket", "plan", "key")

SYNTH_CONFIG = """\
#!/usr/bin/env bash
_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export SYNTH_IMAGE=${SYNTH_IMAGE:="$(awk -F '[ :]' '{print $2}' "${_DIR}/Dockerfile")"}
export SYNTH_IMAGE_VERSION=${SYNTH_IMAGE_VERSION:="$(awk -F '[ :]' '{print $3}' "${_DIR}/Dockerfile")"}
export SYNTH_ROOT=${SYNTH_ROOT:="$DOKKU_LIB_ROOT/services/synth"}
export DOKKU_LIB_HOST_ROOT=${DOKKU_LIB_HOST_ROOT:=$DOKKU_LIB_ROOT}
export SYNTH_HOST_ROOT=${SYNTH_HOST_ROOT:="$DOKKU_LIB_HOST_ROOT/services/synth"}
export PLUGIN_UNIMPLEMENTED_SUBCOMMANDS=("backup-auth" "backup-deauth")
export PLUGIN_COMMAND_PREFIX="synth"
export PLUGIN_CONFIG_ROOT=${PLUGIN_CONFIG_ROOT:="$DOKKU_LIB_ROOT/config/$PLUGIN_COMMAND_PREFIX"}
export PLUGIN_DATA_ROOT=$SYNTH_ROOT
export PLUGIN_DATA_HOST_ROOT=$SYNTH_HOST_ROOT
export PLUGIN_DATASTORE_PORTS=(5432 5433)
export PLUGIN_DATASTORE_WAIT_PORT=5432
export PLUGIN_DEFAULT_ALIAS="SYNTH"
export PLUGIN_DISABLE_PULL=${SYNTH_DISABLE_PULL:=}
export PLUGIN_DISABLE_PULL_VARIABLE="SYNTH_DISABLE_PULL"
export PLUGIN_ALT_ALIAS="DOKKU_SYNTH"
export PLUGIN_IMAGE=$SYNTH_IMAGE
export PLUGIN_IMAGE_VERSION=$SYNTH_IMAGE_VERSION
export PLUGIN_SCHEME="synth"
export PLUGIN_SERVICE="Synth"
export PLUGIN_VARIABLE="SYNTH"
export PLUGIN_BASE_PATH="$PLUGIN_PATH"
export PLUGIN_CONFIG_SUFFIX="config"
if [[ -n $DOKKU_API_VERSION ]]; then
  export PLUGIN_BASE_PATH="$PLUGIN_ENABLED_PATH"
fi
export PLUGIN_BUSYBOX_IMAGE=${PLUGIN_BUSYBOX_IMAGE:=busybox:1.36.1-uclibc}
export PLUGIN_AMBASSADOR_IMAGE=${PLUGIN_AMBASSADOR_IMAGE:=dokku/ambassador:0.8.2}
export SYNTH_CONFIG_OPTIONS=${SYNTH_CONFIG_OPTIONS:=" --max-connections=100 "}
"""

SCRIPT_HEAD = """\
#!/usr/bin/env bash
source "$(dirname "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)")/config"
set -eo pipefail
[[ $DOKKU_TRACE ]] && set -x
source "$PLUGIN_CORE_AVAILABLE_PATH/common/functions"
source "$(dirname "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)")/functions"
"""

# (declare line variables, the #A annotations that go with them)
ARGUMENT_SHAPES = (
    ('SERVICE="$1"', ("service, name of the service",)),
    ('SERVICE="$1" APP="$2"', ("service, name of the service", "app, name of the app")),
    (
        'SERVICE="$1" NEW_SERVICE="$2" CLONE_FLAGS_LIST=("${@:3}")',
        ("service, name of the service", "new-service, name of the new service"),
    ),
    (
        'SERVICE="$1" KEY="$2" VALUE_OPTIONAL="$3"',
        (
            "service, name of the service",
            "key, the setting to change",
            "value, the new value (unset when empty)",
        ),
    ),
    (
        'SERVICE="$1" TAIL_FLAG="$2" TAIL_NUM_OPTIONAL="${3:-all}"',
        ("service, name of the service",),
    ),
    (
        'SERVICE="$1" BUCKET_NAME="$2" USE_IAM_OPTIONAL_FLAG="$3"',
        ("service, name of the service", "bucket-name, name of the s3 bucket"),
    ),
)
FLAG_LINES = (
    '-c|--config-options "--args --go=here", extra arguments to pass to the container create command',
    "-i|--image IMAGE, the image to start the service with",
    "-I|--image-version IMAGE_VERSION, the image tag to start the service with",
    '-a|--alias "BLUE_DATABASE", an alternative alias to use for linking to an app via environment variable',
    '-R|--restart-apps "true", whether or not to force an app restart (default: false)',
    "-u|--use-iam, use the IAM profile associated with the current server",
    "--dry-run, print what would change and change nothing",
)


def command_names(count: int) -> list[str]:
    names = list(SECTION_COMMANDS[:count])
    index = 0
    while len(names) < count:
        verb, noun = VERBS[index % len(VERBS)], NOUNS[(index // len(VERBS)) % len(NOUNS)]
        names.append(f"{verb}-{noun}-{index:04d}")
        index += 1
    return names


def subcommand_script(name: str, index: int) -> str:
    variables, arguments = ARGUMENT_SHAPES[index % len(ARGUMENT_SHAPES)]
    words = name.replace("-", " ")
    examples = [
        f"#E {words} the 'lollipop' $PLUGIN_COMMAND_PREFIX service",
        f"#E dokku $PLUGIN_COMMAND_PREFIX:{name} lollipop",
    ]
    if index % 3 == 0:
        examples += [
            "#E the image can be changed with the ${PLUGIN_VARIABLE}_IMAGE variable.",
            '#E export ${PLUGIN_VARIABLE}_IMAGE="${PLUGIN_IMAGE}"',
            f"#E dokku $PLUGIN_COMMAND_PREFIX:{name} lollipop --dry-run",
        ]
    if index % 4 == 1:
        examples += [
            "#E the linked app sees the following environment:",
            "#E",
            "#E     DOKKU_${PLUGIN_VARIABLE}_LOLLIPOP_PORT_${PLUGIN_DATASTORE_PORTS[0]}_TCP_ADDR=172.17.0.5",
            "#E     ${PLUGIN_DEFAULT_ALIAS}_URL=${PLUGIN_SCHEME}://lollipop:SOME_PASSWORD@dokku-${PLUGIN_COMMAND_PREFIX}-lollipop:${PLUGIN_DATASTORE_PORTS[0]}/lollipop",
        ]
    if index % 5 == 2:
        examples.append(
            "#E > NOTE: this restarts the AWS-backed container; don't run it during a backup."
        )
    flags = [FLAG_LINES[(index + k) % len(FLAG_LINES)] for k in range(index % 4)]
    body = [f"service-{name}-cmd() {{"]
    body += [f"  {line}" for line in examples]
    body += [f"  #A {line}" for line in arguments]
    body += [f"  #F {line}" for line in flags]
    body += [
        f'  declare desc="{words} a $PLUGIN_SERVICE service (command {index})"',
        f'  local cmd="$PLUGIN_COMMAND_PREFIX:{name}" argv=("$@")',
        '  [[ ${argv[0]} == "$cmd" ]] && shift 1',
        f"  declare {variables}",
        '  is_implemented_command "$cmd" || dokku_log_fail "Not yet implemented"',
        "",
        '  [[ -z "$SERVICE" ]] && dokku_log_fail "Please specify a valid name for the service"',
        '  verify_service_name "$SERVICE"',
        f'  service_{name.replace("-", "_")} "$SERVICE" "${{@:2}}"',
        "}",
        "",
        f'service-{name}-cmd "$@"',
    ]
    return SCRIPT_HEAD + "\n" + "\n".join(body) + "\n"


def fragment(name: str) -> str:
    return (
        f"The `{name}` command talks to the running container, so the service has to be "
        "started first. It prints nothing on success.\n\n"
        "```shell\n"
        f"dokku synth:{name} lollipop && echo done\n"
        "```\n"
    )


def make_plugin(root: Path, count: int) -> Path:
    """Write a synthetic datastore plugin of ``count`` subcommands into ``root``."""
    (root / "subcommands").mkdir(parents=True)
    (root / "docs").mkdir()
    (root / "Dockerfile").write_text("FROM synth/synthdb:16.2\n")
    (root / "config").write_text(SYNTH_CONFIG)
    (root / "plugin.toml").write_text(
        '[plugin]\ndescription = "dokku synth service plugin"\nversion = "1.0.0"\n'
        'sponsors = ["some-org","another-org"]\n[plugin.config]\n'
    )
    (root / "docs" / "README.md").write_text("# Extra Documentation\n\nFragments for the README.\n")
    for index, name in enumerate(command_names(count)):
        path = root / "subcommands" / name
        path.write_text(subcommand_script(name, index))
        path.chmod(0o755)
        if index % 10 == 0:  # one command in ten has a docs fragment
            (root / "docs" / f"{name}.md").write_text(fragment(name))
    return root


# --- measuring ---------------------------------------------------------------------------


@dataclass
class Measurement:
    key: str
    scenario: str
    command: str
    runs: int
    median_ms: float
    mean_ms: float
    min_ms: float
    max_ms: float
    cpu_ms: float  # mean user + system time of the process and its children
    peak_mib: float
    exit_code: int
    notes: list[str] = field(default_factory=list)


@dataclass
class Bench:
    runs: int
    heavy_runs: int
    warmup: int
    mem_runs: int
    env: dict[str, str]  # DOCGEN_CACHE_DIR is the warm cache
    hyperfine: str | None
    time_tool: str | None
    workdir: Path
    cold_cache: Path  # DOCGEN_CACHE_DIR of cold runs, deleted before each of them
    results: dict[str, Measurement] = field(default_factory=dict)
    extra_env: dict[str, str] = field(default_factory=dict)  # of the measurement under way

    def environment(self, cold: bool) -> dict[str, str]:
        env = {**self.env, **self.extra_env}
        if cold:
            env["DOCGEN_CACHE_DIR"] = str(self.cold_cache)
        return env

    def clear_cold_cache(self) -> None:
        shutil.rmtree(self.cold_cache, ignore_errors=True)

    def check(self, argv: Sequence[str], cwd: Path, ok: Sequence[int], cold: bool = False) -> int:
        """Run once, untimed: the command must exit with one of ``ok``."""
        if cold:
            self.clear_cold_cache()
        proc = subprocess.run(
            list(argv),
            cwd=cwd,
            env=self.environment(cold),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            check=False,
        )
        if proc.returncode not in ok:
            sys.exit(
                f"error: {shlex.join(argv)} (in {cwd}) exited {proc.returncode}:\n"
                + proc.stderr.decode(errors="replace")[-2000:]
            )
        return proc.returncode

    def wall_times(
        self, argv: Sequence[str], cwd: Path, runs: int, failing: bool, cold: bool
    ) -> tuple[list[float], float]:
        """Wall seconds per run, after ``warmup`` untimed runs, and the mean CPU seconds
        (user + system) per run; ``cold``: the cache folder is deleted before every run
        (untimed)."""
        env = self.environment(cold)
        if self.hyperfine:
            export = self.workdir / "hyperfine.json"
            command = [
                self.hyperfine,
                "-N",
                "--style",
                "none",
                "--warmup",
                str(self.warmup),
                "--runs",
                str(runs),
                "--export-json",
                str(export),
            ]
            if failing:
                command.append("--ignore-failure")
            if cold:
                command += ["--prepare", shlex.join(["rm", "-rf", str(self.cold_cache)])]
            command += ["--", shlex.join(argv)]
            subprocess.run(command, cwd=cwd, env=env, check=True, stdin=subprocess.DEVNULL)
            result = json.loads(export.read_text())["results"][0]
            return [float(t) for t in result["times"]], float(result["user"]) + float(
                result["system"]
            )
        times, cpu = [], []
        for index in range(self.warmup + runs):
            if cold:
                self.clear_cold_cache()
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(
                list(argv),
                cwd=cwd,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                check=False,
            )
            elapsed = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if index >= self.warmup:
                times.append(elapsed)
                cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        return times, statistics.fmean(cpu)

    def peak_kib(self, argv: Sequence[str], cwd: Path, runs: int, cold: bool) -> int:
        """Maximum resident set size, KiB, over ``runs`` runs."""
        env = self.environment(cold)
        peaks = []
        for _ in range(runs):
            if cold:
                self.clear_cold_cache()
            if self.time_tool:
                out = self.workdir / "time.out"
                subprocess.run(
                    [self.time_tool, "-f", "%M", "-o", str(out), "--", *argv],
                    cwd=cwd,
                    env=env,
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    check=False,
                )
                peaks.append(int(out.read_text().strip().splitlines()[-1]))
            else:
                proc = subprocess.Popen(
                    list(argv),
                    cwd=cwd,
                    env=env,
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
                _, _, usage = os.wait4(proc.pid, 0)
                proc.returncode = 0
                peaks.append(int(usage.ru_maxrss))
        return max(peaks)

    def measure(
        self,
        key: str,
        scenario: str,
        argv: Sequence[str],
        cwd: Path,
        *,
        heavy: bool = False,
        ok: Sequence[int] = (0,),
        shown: str | None = None,
        cold: bool = False,
        env: dict[str, str] | None = None,
    ) -> Measurement:
        """Time and measure one command. ``cold``: every run starts with no docgen cache;
        ``env``: variables added to the environment of this command."""
        self.extra_env = env or {}
        runs = self.heavy_runs if heavy else self.runs
        if cold:
            key, scenario = f"{key}_cold", f"{scenario} [cold cache]"
        print(f"  {scenario} ({runs} runs) ...", file=sys.stderr, flush=True)
        code = self.check(argv, cwd, ok, cold)
        times, cpu = self.wall_times(argv, cwd, runs, failing=code != 0, cold=cold)
        peak = self.peak_kib(argv, cwd, min(self.mem_runs, 3) if heavy else self.mem_runs, cold)
        result = Measurement(
            key=key,
            scenario=scenario,
            command=shown or shlex.join(argv),
            runs=len(times),
            median_ms=statistics.median(times) * 1000,
            mean_ms=statistics.fmean(times) * 1000,
            min_ms=min(times) * 1000,
            max_ms=max(times) * 1000,
            cpu_ms=cpu * 1000,
            peak_mib=peak / 1024,
            exit_code=code,
        )
        if code != 0:
            result.notes.append(f"exits {code}")
        self.results[key] = result
        return result


def loop_command(inner: Sequence[str], dirs: Sequence[Path], *, chdir: bool) -> list[str]:
    """``bash -c`` that runs ``inner`` once per folder, sequentially, stopping at a failure.
    With ``chdir`` the command runs inside each folder, otherwise the folder is its last
    argument."""
    run = shlex.join(inner)
    body = f'cd "$d" && {run} || exit 1' if chdir else f'{run} "$d" >/dev/null || exit 1'
    return ["bash", "-c", f'for d in "$@"; do {body}; done', "_", *map(str, dirs)]


def copy_plugin(src: Path, dst: Path, generate: Path | None = None) -> Path:
    dst.mkdir(parents=True)
    for name in PLUGIN_FILES:
        path = src / name
        if path.is_dir():
            shutil.copytree(path, dst / name, symlinks=True)
        elif path.exists():
            shutil.copy2(path, dst / name)
    if generate is not None:
        (dst / "bin").mkdir()
        shutil.copy2(generate, dst / "bin" / "generate")
    return dst


DESC = re.compile(r'(declare desc="[^"]*)"')


def make_distinct(root: Path, number: int) -> None:
    """Change one command description of a plugin copy (`` (copy NN)`` is appended), so that
    no two copies render the same README: a batch of copies then costs what a batch of
    different plugins costs, with no help from docgen's render cache."""
    for script in sorted((root / "subcommands").iterdir()):
        text = script.read_text()
        changed, count = DESC.subn(rf'\1 (copy {number:02d})"', text, count=1)
        if count:
            script.write_text(changed)
            return
    raise SystemExit(f"error: no declare desc= line in {root}/subcommands")


# --- machine info ------------------------------------------------------------------------


def machine_info(args: argparse.Namespace, bench: Bench) -> dict[str, str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "unknown"
    try:
        match = re.search(r"MemTotal:\s+(\d+) kB", Path("/proc/meminfo").read_text())
        if match:
            memory = f"{int(match.group(1)) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    info = {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": cpu,
        "cores": f"{os.cpu_count()} ({usable} usable)",
        "memory": memory,
        "os": f"{platform.system()} {platform.release()}",
        "python": f"{platform.python_version()} ({sys.executable})",
        "timer": f"hyperfine {hyperfine_version(bench.hyperfine)}"
        if bench.hyperfine
        else "time.perf_counter",
        "memory tool": "/usr/bin/time -f %M (max RSS)" if bench.time_tool else "os.wait4 ru_maxrss",
        "niceness of the measured runs": str(os.nice(0)),
        "docgen command": args.docgen_cmd,
        "docgen source": f"{args.project_root} ({args.label or git_commit(args.project_root)})",
    }
    versions = []
    for package in ("click", "jinja2", "markupsafe", "bashlex", "mistune"):
        try:
            from importlib.metadata import version

            versions.append(f"{package} {version(package)}")
        except Exception:
            versions.append(f"{package} ?")
    info["packages"] = ", ".join(versions)
    return info


def hyperfine_version(path: str | None) -> str:
    if not path:
        return ""
    out = subprocess.run([path, "--version"], capture_output=True, text=True, check=False).stdout
    return out.strip().split()[-1] if out.strip() else "?"


def git_commit(root: Path) -> str:
    def git(*args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=root, capture_output=True, text=True, check=True
        ).stdout.strip()

    try:
        dirty = git("status", "--porcelain", "--untracked-files=no")
        return git("rev-parse", "--short", "HEAD") + (
            " (with uncommitted changes)" if dirty else ""
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def cache_state(env: dict[str, str]) -> str:
    """What docgen's cache folder holds (``$DOCGEN_CACHE_DIR``, empty = off; default
    ``$XDG_CACHE_HOME/docgen`` or ``~/.cache/docgen``): the bashlex tables and, where docgen
    keeps them, compiled templates."""
    chosen = env.get("DOCGEN_CACHE_DIR")
    if chosen == "":
        return "caching off (DOCGEN_CACHE_DIR is empty): bashlex tables are built every run"
    if chosen is None:
        base = env.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        chosen = str(Path(base) / "docgen")
    folder = Path(chosen)
    tables = sorted(folder.rglob("bashlex-*.pickle")) if folder.is_dir() else []
    if not tables:
        return f"COLD: no bashlex table in {folder} (every run that parses bash builds them)"
    others = [
        p
        for p in folder.rglob("*")
        if p.is_file() and p not in tables and not p.name.endswith(".tmp")
    ]
    extra = f", and {len(others)} other cached file(s) (e.g. compiled templates)" if others else ""
    return f"warm: {tables[-1]}{extra}"


# --- profile (--profile) -----------------------------------------------------------------

IMPORTTIME = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")
IMPORT_PACKAGES = ("docgen", "click", "jinja2", "markupsafe", "bashlex", "mistune")

PROFILE_SNIPPET = r"""
import cProfile, contextlib, importlib, io, pstats, sys, time
mode, modules, argv = sys.argv[1], sys.argv[2].split(","), sys.argv[3:]
for name in modules:  # everything the run imports, so that the profile has no imports in it
    try:
        importlib.import_module(name)
    except Exception:
        pass
before = set(sys.modules)
from docgen.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    if mode == "time":
        start = time.perf_counter()
        main(argv)
        print(f"{(time.perf_counter() - start) * 1000:.1f}", file=sys.stderr)
        raise SystemExit(0)
    profiler = cProfile.Profile()
    profiler.enable()
    code = main(argv)
    profiler.disable()
print(f"modules imported during the profiled call: {sorted(set(sys.modules) - before) or 'none'}", file=sys.stderr)
stats = pstats.Stats(profiler, stream=sys.stderr)
stats.sort_stats("cumulative").print_stats(30)
stats.sort_stats("tottime").print_stats(15)
print("exit", code, file=sys.stderr)
"""

MODULES_SNIPPET = r"""
import contextlib, io, sys
from docgen.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    main(sys.argv[1:])
print(",".join(sorted(n for n in sys.modules if n != "__main__")))
"""


def _importtime(
    root: Path, argv: Sequence[str], env: dict[str, str], repeats: int
) -> tuple[dict[str, tuple[float, float]], set[str]]:
    """Median (self, cumulative) microseconds per module over ``repeats`` runs of
    ``python -X importtime ARGV`` (after one run that only warms the bytecode caches), and
    the modules imported before ``docgen`` (interpreter start-up: site and .pth hooks)."""
    samples: dict[str, list[tuple[int, int]]] = {}
    startup: set[str] = set()
    for run in range(repeats + 1):
        proc = subprocess.run(
            [sys.executable, "-X", "importtime", *argv],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if run == 0:
            continue
        seen_docgen = False
        for line in proc.stderr.splitlines():
            match = IMPORTTIME.match(line)
            if not match:
                continue
            name = match.group(4)
            seen_docgen = seen_docgen or name.split(".")[0] == "docgen"
            if not seen_docgen:
                startup.add(name)
            samples.setdefault(name, []).append((int(match.group(1)), int(match.group(2))))
    medians = {
        name: (statistics.median(s for s, _ in v), statistics.median(c for _, c in v))
        for name, v in samples.items()
    }
    return medians, startup


def _import_table(rows: list[tuple[str, float, float]], limit: int = 15) -> None:
    print("| module | self µs | cumulative µs |")
    print("|---|---:|---:|")
    for name, own, cumulative in sorted(rows, key=lambda r: -r[2])[:limit]:
        print(f"| {name} | {own:,.0f} | {cumulative:,.0f} |")


def profile(args: argparse.Namespace, env: dict[str, str], repeats: int = 9) -> None:
    """Import-time breakdown and a cProfile of one run without its imports (this
    interpreter, docgen imported from the project root)."""
    root = args.project_root
    target = [*shlex.split(args.profile_args), str(root / "sample-plugin")]
    print(
        f"# Profile of `docgen {shlex.join(target)}` (docgen {args.label or git_commit(root)}, "
        f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M UTC}, Python {platform.python_version()})\n"
    )
    print(f"## Import time: python -X importtime -m docgen {shlex.join(target)}\n")
    print(f"Median over {repeats} runs, after one run that warms __pycache__ and docgen's cache.")
    print(
        f"DOCGEN_CACHE_DIR={env.get('DOCGEN_CACHE_DIR', '(unset: the default folder)')!r}, "
        f"niceness {os.nice(0)}.\n"
    )
    medians, startup = _importtime(root, ["-m", "docgen", *target], env, repeats)
    rows = [(name, own, cumulative) for name, (own, cumulative) in medians.items()]
    run_rows = [row for row in rows if row[0] not in startup]
    startup_total = sum(own for name, own, _ in rows if name in startup)
    run_total = sum(own for _, own, _ in run_rows)
    print(
        f"- interpreter start-up imports (before docgen; site and its .pth hooks): "
        f"{startup_total / 1000:.1f} ms self time summed, {len(startup)} modules"
    )
    print(
        f"- imports from `-m docgen` on: {run_total / 1000:.1f} ms self time summed, "
        f"{len(run_rows)} modules\n"
    )
    print("Top 15 by cumulative time, every import of the run:\n")
    _import_table(rows)
    print("\nTop 15 by cumulative time, imports from `-m docgen` on (start-up excluded):\n")
    _import_table(run_rows)
    print("\nSelf time summed by top-level package, imports from `-m docgen` on:\n")
    groups: dict[str, float] = {}
    for name, own, _ in run_rows:
        top = name.split(".")[0]
        groups[top] = groups.get(top, 0.0) + own
    print("| package | self µs (sum) | modules |")
    print("|---|---:|---:|")
    counts: dict[str, int] = {}
    for name, _, _ in run_rows:
        counts[name.split(".")[0]] = counts.get(name.split(".")[0], 0) + 1
    for top, own in sorted(groups.items(), key=lambda g: -g[1])[:15]:
        print(f"| {top} | {own:,.0f} | {counts[top]} |")
    for package in IMPORT_PACKAGES:
        if package not in groups and package not in {n.split(".")[0] for n in startup}:
            print(f"\n{package}: not imported by this run")
    already = sorted(
        n for n in startup if "." not in n and n in {r[0] for r in rows} and n in _STDLIB_HEAVY
    )
    if already:
        print(
            f"\nImported at start-up already (so not charged to docgen here): {', '.join(already)}"
        )

    print(f"\n## cProfile of main({target}), every module it uses imported beforehand\n")

    listed = (
        subprocess.run(
            [sys.executable, "-c", MODULES_SNIPPET, *target],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    plain = []
    for _ in range(repeats):
        timed = subprocess.run(
            [sys.executable, "-c", PROFILE_SNIPPET, "time", listed, *target],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        plain.append(float(timed.stderr.strip().splitlines()[-1]))
    print(
        f"main() alone, imports done beforehand, no profiler: median {statistics.median(plain):.1f} ms "
        f"over {repeats} processes (min {min(plain):.1f}, max {max(plain):.1f})\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", PROFILE_SNIPPET, "profile", listed, *target],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    site_packages = str(Path(shutil.__file__).parent)
    print("```")
    print(proc.stderr.replace(str(root) + "/", "").replace(site_packages + "/", "").rstrip())
    print("```")


_STDLIB_HEAVY = frozenset(
    (
        "pathlib",
        "tempfile",
        "zipfile",
        "importlib",
        "inspect",
        "typing",
        "enum",
        "re",
        "shutil",
        "email",
        "contextlib",
        "dataclasses",
        "functools",
        "collections",
        "textwrap",
    )
)


# --- report ------------------------------------------------------------------------------


def fmt_ms(value: float) -> str:
    return f"{value:,.1f}" if value < 100 else f"{value:,.0f}"


def report(
    bench: Bench, info: dict[str, str], args: argparse.Namespace, cache: str
) -> list[tuple[str, str, str]]:
    r = bench.results
    print("\n## Machine\n")
    for key, text in info.items():
        print(f"- {key}: {text}")
    print(f"- bashlex table cache: {cache}")
    print(
        f"- runs: {bench.runs} (heavy scenarios {bench.heavy_runs}), warmup {bench.warmup}, "
        f"peak memory = max over {bench.mem_runs} separate runs "
        f"({min(bench.mem_runs, 3)} for heavy scenarios)"
    )

    ratios: dict[str, str] = {}
    for cold in ("", "_cold"):
        one, loop = r.get(f"check_20_one{cold}"), r.get(f"check_20_loop{cold}")
        if one and loop:
            ratios[one.key] = f"{loop.median_ms / one.median_ms:.1f}x faster than 20 runs"
        single, script = r.get(f"ref_docgen{cold}"), r.get("ref_script")
        if single and script:
            ratios[single.key] = f"docgen/script = {single.median_ms / script.median_ms:.2f}"
        batch, scripts = r.get(f"ref_docgen_20{cold}"), r.get("ref_script_20")
        if batch and scripts:
            ratios[batch.key] = (
                f"{scripts.median_ms / batch.median_ms:.1f}x faster than 20 script runs"
            )
    single_s, script_s = r.get("ref_docgen_S"), r.get("ref_script_S")
    if single_s and script_s:
        ratios[single_s.key] = (
            f"docgen/script = {single_s.median_ms / script_s.median_ms:.2f} (both -S)"
        )
    for key, m in r.items():
        if key.startswith("synth_"):
            count = int(key.split("_")[2])
            ratios.setdefault(key, f"{m.median_ms / count:.3f} ms/command")

    print("\n## Results\n")
    print("median/min/max: wall time of the runs; CPU: mean user+system time per run (the process")
    print("and its children); peak: maximum resident set size.\n")
    print("| scenario | runs | median ms | min-max ms | CPU ms | peak MiB | ratio |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for key, m in r.items():
        notes = f" ({'; '.join(m.notes)})" if m.notes else ""
        print(
            f"| {m.scenario}{notes} | {m.runs} | {fmt_ms(m.median_ms)} | "
            f"{fmt_ms(m.min_ms)}-{fmt_ms(m.max_ms)} | {fmt_ms(m.cpu_ms)} | {m.peak_mib:.1f} | "
            f"{ratios.get(key, '')} |"
        )

    # Linear growth of the synthetic plugin: marginal cost per command between sizes.
    for mode in ("compat", "nocompat"):
        sizes = sorted(
            int(k.split("_")[2])
            for k in r
            if k.startswith(f"synth_{mode}_") and not k.endswith("_cold")
        )
        if len(sizes) > 1:
            print(
                f"\nsynthetic plugin, {'default (compat)' if mode == 'compat' else '--no-compat'} mode, warm cache:"
            )
            for small, large in itertools.pairwise(sizes):
                a, b = r[f"synth_{mode}_{small}"], r[f"synth_{mode}_{large}"]
                per = (b.median_ms - a.median_ms) / (large - small)
                print(f"  {small} -> {large} commands: +{per:.3f} ms per extra command")

    print("\n## Targets\n")
    verdicts: list[tuple[str, str, str]] = []

    def target(name: str, measured: str, passed: bool | None) -> None:
        verdict = "SKIP" if passed is None else ("PASS" if passed else "FAIL")
        verdicts.append((name, measured, verdict))

    for cold, state in (("", "warm cache"), ("_cold", "cold cache")):
        if f"check_sample{cold}" not in r:
            continue
        name = f"single plugin: docgen --check <= {TARGET_SINGLE_RATIO}x script ({state})"
        single, script = r.get(f"ref_docgen{cold}"), r.get("ref_script")
        if single and script:
            ratio_ = single.median_ms / script.median_ms
            cpu = single.cpu_ms / script.cpu_ms
            target(name, f"{ratio_:.2f}x (CPU time {cpu:.2f}x)", ratio_ <= TARGET_SINGLE_RATIO)
        else:
            target(name, "no reference plugin", None)
        name = f"20 plugins, one docgen >= {TARGET_BATCH_SPEEDUP:g}x faster than 20 script runs ({state})"
        batch, scripts = r.get(f"ref_docgen_20{cold}"), r.get("ref_script_20")
        if batch and scripts:
            ratio_ = scripts.median_ms / batch.median_ms
            cpu = scripts.cpu_ms / batch.cpu_ms
            target(name, f"{ratio_:.1f}x (CPU time {cpu:.1f}x)", ratio_ >= TARGET_BATCH_SPEEDUP)
        else:
            target(name, "no reference plugin", None)
        for mode in ("compat", "nocompat"):
            synth = r.get(f"synth_{mode}_1000{cold}")
            label = "" if mode == "compat" else " --no-compat"
            if synth:
                seconds = synth.median_ms / 1000
                target(
                    f"1,000-subcommand plugin{label} < {TARGET_SYNTHETIC_S:g} s ({state})",
                    f"{seconds:.3f} s",
                    seconds < TARGET_SYNTHETIC_S,
                )
    not_docgen = ("python_floor", "floor_S", "ref_script", "ref_script_20", "ref_script_S")
    docgen_rows = [m for k, m in r.items() if k not in not_docgen]
    worst = max(docgen_rows, key=lambda m: m.peak_mib)
    target(
        f"peak memory < {TARGET_PEAK_MIB:g} MiB in every docgen scenario",
        f"max {worst.peak_mib:.1f} MiB ({worst.scenario})",
        worst.peak_mib < TARGET_PEAK_MIB,
    )

    print("Verdicts use the median wall times; the CPU-time ratio is shown for comparison.\n")
    print("| target | measured | verdict |")
    print("|---|---|---|")
    for name, measured, verdict in verdicts:
        print(f"| {name} | {measured} | {verdict} |")
    return verdicts


# --- main --------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--reference-plugin",
        type=Path,
        default=None,
        help=f"plugin checkout to compare with its bin/generate (default: {DEFAULT_REFERENCE} if it exists)",
    )
    parser.add_argument("--no-reference", action="store_true", help="skip the reference scenarios")
    parser.add_argument(
        "--generate",
        type=Path,
        default=None,
        help=f"reference script when the plugin has no bin/generate (default: {DEFAULT_GENERATE})",
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=20,
        help="timed runs of the small scenarios (default 20, at least 10)",
    )
    parser.add_argument(
        "--heavy-runs",
        type=int,
        default=None,
        help="timed runs of the 20-plugin and 5,000-command scenarios (default: runs/2, at least 5)",
    )
    parser.add_argument(
        "--warmup", type=int, default=3, help="untimed runs before each measurement (default 3)"
    )
    parser.add_argument(
        "--mem-runs", type=int, default=5, help="separate runs for peak memory (default 5)"
    )
    parser.add_argument(
        "--sizes", default="100,1000,5000", help="synthetic plugin sizes (default 100,1000,5000)"
    )
    parser.add_argument(
        "--docgen-cmd",
        default=shlex.join(DEFAULT_DOCGEN),
        help="how to run docgen (run from the project root); default: this interpreter -m docgen",
    )
    parser.add_argument(
        "--project-root",
        type=Path,
        default=PROJECT_ROOT,
        help="docgen checkout to measure: the working folder of every docgen run, "
        "and its sample-plugin (default: this script's project)",
    )
    parser.add_argument(
        "--label",
        default="",
        help="what the measured source is, for the report (default: its git commit)",
    )
    parser.add_argument(
        "--cache-dir",
        type=Path,
        default=None,
        help="DOCGEN_CACHE_DIR of the warm runs (default: a fresh folder, warmed first)",
    )
    parser.add_argument(
        "--no-site-rows",
        dest="site_rows",
        action="store_false",
        help="skip the python -S rows (start-up without site and .pth hooks)",
    )
    parser.add_argument(
        "--no-cold",
        dest="cold",
        action="store_false",
        help="skip the cold-cache runs (every run with an empty DOCGEN_CACHE_DIR)",
    )
    parser.add_argument(
        "--nice",
        type=int,
        default=0,
        help="add N to this process's niceness, inherited by every measured run "
        "(negative needs root; e.g. -10 on a machine that other jobs share)",
    )
    parser.add_argument(
        "--no-hyperfine",
        action="store_true",
        help="time with perf_counter even if hyperfine is on PATH",
    )
    parser.add_argument(
        "--json", type=Path, default=None, help="also write the results as JSON to FILE"
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="instead of the benchmarks, print the import-time breakdown and a cProfile of one run",
    )
    parser.add_argument(
        "--profile-args", default="--stdout", help="docgen options for --profile (default --stdout)"
    )
    args = parser.parse_args(argv)
    if args.runs < 1 or args.warmup < 0 or args.mem_runs < 1:
        parser.error("--runs and --mem-runs must be positive, --warmup not negative")
    args.project_root = args.project_root.resolve()
    if args.heavy_runs is None:
        args.heavy_runs = max(5, args.runs // 2)
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.nice:
        try:
            os.nice(args.nice)
        except OSError as error:
            sys.exit(f"error: --nice {args.nice}: {error}")
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["NO_COLOR"] = "1"
    if args.profile:
        if args.cache_dir is not None:
            env["DOCGEN_CACHE_DIR"] = str(args.cache_dir.resolve())
        profile(args, env)
        return 0

    docgen = shlex.split(args.docgen_cmd)
    project = args.project_root
    sample = project / "sample-plugin"
    if not (sample / "subcommands").is_dir():
        sys.exit(f"error: {sample} is not a plugin folder (see --project-root)")
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    reference = None
    if not args.no_reference:
        reference = args.reference_plugin or (
            DEFAULT_REFERENCE if DEFAULT_REFERENCE.is_dir() else None
        )
    generate = None
    if reference is not None:
        reference = reference.resolve()
        generate = reference / "bin" / "generate"
        if not generate.is_file():
            generate = args.generate or DEFAULT_GENERATE
        if not generate.is_file():
            sys.exit(f"error: {reference} has no bin/generate; pass --generate FILE")

    with tempfile.TemporaryDirectory(prefix="docgen-bench-") as temporary:
        work = Path(temporary)
        warm_cache = args.cache_dir.resolve() if args.cache_dir is not None else work / "cache"
        env["DOCGEN_CACHE_DIR"] = str(warm_cache)
        bench = Bench(
            runs=args.runs,
            heavy_runs=args.heavy_runs,
            warmup=args.warmup,
            mem_runs=args.mem_runs,
            env=env,
            hyperfine=None if args.no_hyperfine else shutil.which("hyperfine"),
            time_tool="/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None,
            workdir=work,
            cold_cache=work / "cold-cache",
        )
        # Warm the bashlex table cache: a --no-compat render imports bashlex.
        bench.check([*docgen, "--stdout", "--no-compat", str(sample)], project, (0,))
        cache = cache_state(env)
        load_start = os.getloadavg()
        print(f"bashlex table cache: {cache}", file=sys.stderr)

        # Inputs: synthetic plugins, and 20 copies of the sample and of the reference plugin,
        # each copy with one description changed and its README brought up to date.
        for count in sizes:
            make_plugin(work / f"synth-{count}", count)
        copies = []
        for i in range(COPIES):
            copy = copy_plugin(sample, work / "samples" / f"sample-{i:02d}")
            make_distinct(copy, i)
            bench.check([*docgen, str(copy)], project, (0, 1))  # rewrites its README
            copies.append(copy)
        refs: list[Path] = []
        script = [sys.executable, "bin/generate"]
        if reference is not None and generate is not None:
            for i in range(COPIES):
                copy = copy_plugin(reference, work / "refs" / f"{reference.name}-{i:02d}", generate)
                make_distinct(copy, i)
                bench.check(script, copy, (0,))  # the reference script rewrites its README
                refs.append(copy)

        print("measuring:", file=sys.stderr)
        for cold in (False, True) if args.cold else (False,):
            if not cold:
                bench.measure(
                    "python_floor",
                    "python -c pass (interpreter start, for context)",
                    [sys.executable, "-c", "pass"],
                    project,
                )
                bench.measure(
                    "version",
                    "docgen --version (CLI import, for context)",
                    [*docgen, "--version"],
                    project,
                )
            bench.measure(
                "check_sample",
                "docgen --check sample-plugin",
                [*docgen, "--check", str(sample)],
                project,
                cold=cold,
            )
            bench.measure(
                "nocompat_sample",
                "docgen --stdout --no-compat sample-plugin (bashlex)",
                [*docgen, "--stdout", "--no-compat", str(sample)],
                project,
                cold=cold,
            )
            for mode, extra in (("compat", []), ("nocompat", ["--no-compat"])):
                for count in sizes if not cold else [c for c in sizes if c == 1000]:
                    label = f"docgen --stdout {' '.join(extra) + ' ' if extra else ''}synthetic {count:,} commands"
                    bench.measure(
                        f"synth_{mode}_{count}",
                        label,
                        [*docgen, "--stdout", *extra, str(work / f"synth-{count}")],
                        project,
                        heavy=count > 1000,
                        cold=cold,
                    )
            bench.measure(
                "check_20_one",
                f"docgen --check {COPIES} sample copies, one process",
                [*docgen, "--check", *map(str, copies)],
                project,
                heavy=True,
                cold=cold,
                shown=f"{shlex.join(docgen)} --check sample-00 … sample-19",
            )
            bench.measure(
                "check_20_loop",
                f"{COPIES} x docgen --check sample copy, sequential",
                loop_command([*docgen, "--check"], copies, chdir=False),
                project,
                heavy=True,
                cold=cold,
                shown=f"bash -c 'for d …; do {shlex.join(docgen)} --check $d; done'",
            )
            if refs and reference is not None:
                name = reference.name
                if not cold:
                    bench.measure(
                        "ref_script", f"{name}: bin/generate (reference script)", script, refs[0]
                    )
                bench.measure(
                    "ref_docgen",
                    f"{name}: docgen --check",
                    [*docgen, "--check", str(refs[0])],
                    project,
                    ok=(0, 1),
                    cold=cold,
                )
                if not cold:
                    bench.measure(
                        "ref_script_20",
                        f"{name}: {COPIES} x bin/generate, sequential",
                        loop_command(script, refs, chdir=True),
                        project,
                        heavy=True,
                        shown=f"bash -c 'for d …; do cd $d && {shlex.join(script)}; done'",
                    )
                bench.measure(
                    "ref_docgen_20",
                    f"{name}: docgen --check {COPIES} copies, one process",
                    [*docgen, "--check", *map(str, refs)],
                    project,
                    heavy=True,
                    ok=(0, 1),
                    cold=cold,
                    shown=f"{shlex.join(docgen)} --check {name}-00 … {name}-19",
                )

        if args.site_rows and docgen == DEFAULT_DOCGEN:
            # Interpreter start-up without site (-S): what the same commands cost where
            # start-up runs no .pth hooks. docgen finds its dependencies via PYTHONPATH.
            import site

            paths = [str(project), *site.getsitepackages(), site.getusersitepackages()]
            no_site = {"PYTHONPATH": os.pathsep.join(p for p in paths if Path(p).is_dir())}
            bench.measure(
                "floor_S",
                "python -S -c pass (no site, for context)",
                [sys.executable, "-S", "-c", "pass"],
                project,
            )
            bench.measure(
                "check_sample_S",
                "python -S -m docgen --check sample-plugin",
                [sys.executable, "-S", "-m", "docgen", "--check", str(sample)],
                project,
                env=no_site,
            )
            if refs and reference is not None:
                bench.measure(
                    "ref_script_S",
                    f"{reference.name}: python -S bin/generate",
                    [sys.executable, "-S", "bin/generate"],
                    refs[0],
                )
                bench.measure(
                    "ref_docgen_S",
                    f"{reference.name}: python -S -m docgen --check",
                    [sys.executable, "-S", "-m", "docgen", "--check", str(refs[0])],
                    project,
                    ok=(0, 1),
                    env=no_site,
                )

        info = machine_info(args, bench)
        load_end = os.getloadavg()
        info["load average (1, 5, 15 min)"] = (
            f"{' / '.join(f'{x:.2f}' for x in load_start)} at start, "
            f"{' / '.join(f'{x:.2f}' for x in load_end)} at end"
        )
        verdicts = report(bench, info, args, cache)
        if args.json is not None:
            args.json.write_text(
                json.dumps(
                    {
                        "machine": info,
                        "bashlex_cache": cache,
                        "results": {k: asdict(m) for k, m in bench.results.items()},
                        "targets": [
                            {"target": t, "measured": m, "verdict": v} for t, m, v in verdicts
                        ],
                    },
                    indent=2,
                )
                + "\n"
            )
    return 1 if any(v == "FAIL" for _, _, v in verdicts) else 0


if __name__ == "__main__":
    raise SystemExit(main())
