"""The command line. ``main(argv) -> int`` is the only place that knows about exit codes:
0 every README current, 1 a README was stale (rewritten, or reported by --check / lint),
2 bad input or usage."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

import click

from docgen import __version__
from docgen.errors import Diagnostic, DocgenError

EXIT_CURRENT, EXIT_STALE, EXIT_ERROR = 0, 1, 2


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
        click.echo(str(warning), err=True)
    if warnings and strict:
        count = f"{len(warnings)} warning" + ("s" if len(warnings) != 1 else "")
        click.echo(
            str(
                DocgenError(f"{count} and --strict", path=str(path), hint="fix the warnings above")
            ),
            err=True,
        )
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
        click.echo(str(error), err=True)
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
        click.echo(f"{comparison.path} is out of date")
        if not report.quiet:
            painted = _colour(sys.stdout)
            for line in comparison.diff():
                click.echo(_paint(line.rstrip("\n"), painted))
                if not line.endswith("\n"):
                    click.echo("\\ No newline at end of file")
    else:
        output.write(comparison)
        click.echo(f"wrote {comparison.path}")


def _render_to_stdout(path: Path, fmt: str, compat: bool | None, strict: bool) -> int:
    from docgen.pipeline import generate

    result = generate(path, compat=compat)
    if _print_warnings(path, result.warnings, strict=strict):
        return EXIT_ERROR
    if fmt == "json":
        from docgen.formats import to_json

        click.echo(to_json(result.readme), nl=False)
    elif fmt == "html":
        from docgen.formats import to_html

        click.echo(to_html(result.text), nl=False)
    else:
        click.echo(result.text, nl=False)
    return EXIT_CURRENT


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--check", is_flag=True, help="Write nothing; exit 1 and show a diff if a README is stale."
)
@click.option(
    "--quiet", "-q", is_flag=True, help="With --check: name stale READMEs, without the diff."
)
@click.option(
    "--stdout",
    "to_stdout",
    is_flag=True,
    help="Print the rendered README of one plugin; write nothing.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "json", "html"]),
    default=None,
    help="With --stdout (implied): markdown, the extracted model as JSON, or an HTML preview.",
)
@click.option(
    "--compat/--no-compat",
    default=None,
    help="Reproduce bin/generate exactly (default), or render what it meant.",
)
@click.option("--strict", is_flag=True, help="Treat warnings as errors (exit 2).")
@click.version_option(__version__, "--version", prog_name="docgen")
def render_command(
    paths: tuple[Path, ...],
    check: bool,
    quiet: bool,
    to_stdout: bool,
    fmt: str | None,
    compat: bool | None,
    strict: bool,
) -> int:
    """Render README.md of each Dokku datastore plugin in PATHS (default: the current folder).

    Exit 0 when every README was current, 1 when one was stale (rewritten, or with --check
    reported), 2 on bad input or usage. `docgen lint --help` for the linter.
    """
    paths = paths or (Path("."),)
    if to_stdout or fmt is not None:
        if len(paths) != 1 or check:
            raise click.UsageError("--stdout and --format take exactly one PATH and no --check")
        try:
            return _render_to_stdout(paths[0], fmt or "markdown", compat, strict)
        except DocgenError as error:
            click.echo(str(error), err=True)
            return EXIT_ERROR
    report = Report(quiet=quiet, strict=strict)
    for path in paths:
        try:
            _run_one(path, report, check=check, compat=compat)
        except DocgenError as error:
            report.error(error)
    if check or len(paths) > 1:
        click.echo(report.summary())
    return report.exit_code()


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def lint_command(paths: tuple[Path, ...], fmt: str) -> int:
    """List what the source of each plugin says that its README gets wrong or hides.

    Exit 1 when something was found, 0 when clean, 2 on bad input.
    """
    from docgen.lint import run_lint

    return run_lint(paths or (Path("."),), fmt)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    command, name = render_command, "docgen"
    if args and args[0] == "lint":
        command, name, args = lint_command, "docgen lint", args[1:]
    try:
        result = command.main(args=args, prog_name=name, standalone_mode=False)
    except click.exceptions.Exit as done:
        return int(done.exit_code)
    except click.ClickException as error:
        error.show()
        return EXIT_ERROR
    except click.exceptions.Abort:
        return EXIT_ERROR
    return int(result) if isinstance(result, int) else EXIT_CURRENT


def console_entry() -> None:
    """The ``docgen`` command and ``python -m docgen``: main(), then a fast exit.

    A normal interpreter exit frees every object of every module it imported. For docgen
    that teardown took about 8 ms, as long as all of its own work on a plugin
    (benchmarks/README.md). Like mypy's fast exit, this flushes the output and ends the
    process at once: every file docgen writes is closed before main() returns, and docgen
    registers no exit handlers. Tests call main(), which returns normally.
    """
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:  # the reader went away: exit 1 quietly, as click does then
        code = 1
    os._exit(code)
