"""The command line as click reads it: options, help texts, usage errors.

docgen.cli reads the most common command lines without click (see simple_invocation) and
sends every other one here. The behaviour lives in docgen.run.
"""

from pathlib import Path

import click

from docgen import __version__
from docgen.cli.render import (
    STDOUT_USAGE,
    Invocation,
    check_or_write,
    render_to_stdout,
    stdout_usage_ok,
)


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
    if to_stdout or fmt is not None:
        if not stdout_usage_ok(paths, check):
            raise click.UsageError(STDOUT_USAGE)
        return render_to_stdout(paths[0], fmt or "markdown", compat, strict)
    return check_or_write(Invocation(paths, check=check, quiet=quiet, compat=compat, strict=strict))


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def lint_command(paths: tuple[Path, ...], fmt: str) -> int:
    """List what the source of each plugin says that its README gets wrong or hides.

    Exit 1 when something was found, 0 when clean, 2 on bad input.
    """
    from docgen.lint import run_lint

    return run_lint(paths or (Path("."),), fmt)
