"""What the render command does, apart from reading its command line: check or write the
README of each plugin, or print one README. docgen.cli reaches it with or without click.

Output goes through ``echo``, a plain write to stdout or stderr, so that the common
command lines never import click; docgen lint prints through it too.
"""

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple, TextIO

from docgen.errors import Diagnostic, DocgenError

EXIT_CURRENT, EXIT_STALE, EXIT_ERROR = 0, 1, 2


class Invocation(NamedTuple):
    """``docgen [--check] [--quiet] [--stdout] [--strict] [--compat/--no-compat] [PATHS]...``"""

    paths: tuple[Path, ...] = ()
    check: bool = False
    quiet: bool = False
    stdout: bool = False  # print the one plugin's README instead (markdown)
    compat: bool | None = None  # None: what each plugin's docgen.toml says (default compat)
    strict: bool = False


STDOUT_USAGE = "--stdout and --format take exactly one PATH and no --check"


def stdout_usage_ok(paths: Sequence[Path], check: bool) -> bool:
    return len(paths) == 1 and not check


def echo(text: str, *, err: bool = False, newline: bool = True) -> None:
    """Write a line to stdout (or stderr) as UTF-8, whatever the locale says, as click.echo
    does. A file name that is not valid UTF-8 is written back as the bytes it was."""
    stream = sys.stderr if err else sys.stdout
    text = f"{text}\n" if newline else text
    binary = getattr(stream, "buffer", None)
    if binary is None:  # a text-only stream (io.StringIO)
        stream.write(text)
    else:
        stream.flush()
        binary.write(text.encode("utf-8", "surrogateescape"))
    stream.flush()


def _colour(stream: TextIO) -> bool:
    return "NO_COLOR" not in os.environ and stream.isatty()


def _paint(line: str, enabled: bool) -> str:
    if not enabled:
        return line
    if line.startswith(("+++", "---")):
        return f"\x1b[1m{line}\x1b[0m"
    colour = {"+": "32", "-": "31", "@": "36"}.get(line[:1])
    return f"\x1b[{colour}m{line}\x1b[0m" if colour else line


def _print_warnings(path: Path, warnings: Sequence[Diagnostic], *, strict: bool) -> bool:
    """Print the warnings; with --strict, end with one error line. True if that failed."""
    for warning in warnings:
        echo(str(warning), err=True)
    if warnings and strict:
        count = f"{len(warnings)} warning" + ("s" if len(warnings) != 1 else "")
        error = DocgenError(f"{count} and --strict", path=str(path), hint="fix the warnings above")
        echo(str(error), err=True)
        return True
    return False


class Report:
    """Counts and prints what happened to each plugin."""

    def __init__(self, *, quiet: bool, strict: bool) -> None:
        self.quiet, self.strict = quiet, strict
        self.current = self.stale = self.errors = 0

    def warn(self, path: Path, warnings: Sequence[Diagnostic]) -> None:
        if _print_warnings(path, warnings, strict=self.strict):
            self.errors += 1

    def error(self, error: DocgenError) -> None:
        echo(str(error), err=True)
        self.errors += 1

    def summary(self) -> str:
        parts = [f"{self.current} current", f"{self.stale} out of date"]
        parts.append(f"{self.errors} error" + ("s" if self.errors != 1 else ""))
        return ", ".join(parts)

    def exit_code(self) -> int:
        if self.errors:
            return EXIT_ERROR
        return EXIT_STALE if self.stale else EXIT_CURRENT


def _run_one(path: Path, report: Report, *, check: bool, compat: bool | None) -> None:
    from docgen import output
    from docgen.pipeline import generate

    result = generate(path, compat=compat)
    comparison = output.compare(path, result.text)
    report.warn(path, result.warnings)
    if report.strict and result.warnings:
        return
    if not comparison.stale:
        report.current += 1
        return
    report.stale += 1
    if check:
        echo(f"{comparison.path} is out of date")
        if not report.quiet:
            painted = _colour(sys.stdout)
            for line in comparison.diff():
                echo(_paint(line.rstrip("\n"), painted))
                if not line.endswith("\n"):
                    echo("\\ No newline at end of file")
    else:
        output.write(comparison)
        echo(f"wrote {comparison.path}")


def check_or_write(invocation: Invocation) -> int:
    """Each plugin's README: rewritten when stale, or with --check compared and reported."""
    paths = invocation.paths or (Path("."),)
    report = Report(quiet=invocation.quiet, strict=invocation.strict)
    for path in paths:
        try:
            _run_one(path, report, check=invocation.check, compat=invocation.compat)
        except DocgenError as error:
            report.error(error)
    if invocation.check or len(paths) > 1:
        echo(report.summary())
    return report.exit_code()


def render_to_stdout(path: Path, fmt: str, compat: bool | None, strict: bool) -> int:
    """Print one plugin's README (markdown), its model (json) or an HTML preview."""
    try:
        return _render_to_stdout(path, fmt, compat, strict)
    except DocgenError as error:
        echo(str(error), err=True)
        return EXIT_ERROR


def _render_to_stdout(path: Path, fmt: str, compat: bool | None, strict: bool) -> int:
    from docgen.pipeline import generate

    result = generate(path, compat=compat)
    if _print_warnings(path, result.warnings, strict=strict):
        return EXIT_ERROR
    if fmt == "json":
        from docgen.render.formats import to_json

        echo(to_json(result.readme), newline=False)
    elif fmt == "html":
        from docgen.render.formats import to_html

        echo(to_html(result.text), newline=False)
    else:
        echo(result.text, newline=False)
    return EXIT_CURRENT
