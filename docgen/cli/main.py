"""The command line. ``main(argv) -> int`` is the only place that turns a command line into
an exit code: 0 every README current, 1 a README was stale (rewritten, or reported by
--check / lint), 2 bad input or usage.

click (docgen.commands) is the parser. Importing it costs more than the whole of
bin/generate on a clean interpreter (benchmarks/README.md), so the most common command
lines, PATHs with the render command's on/off flags, are read here without it.
"""

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from docgen.cli.render import (
    EXIT_CURRENT,
    EXIT_ERROR,
    Invocation,
    check_or_write,
    render_to_stdout,
    stdout_usage_ok,
)


def simple_invocation(args: Sequence[str]) -> Invocation | None:
    """``args`` read as click reads them, if they are only PATHs and the on/off flags of
    the render command, each written out alone; None for anything else (``--help``,
    ``--format json``, ``-qv``, ``--``, ``lint``, a usage error...), which click then reads.
    tests/test_cli.py checks that click gives the same values wherever this answers."""
    if args and args[0] == "lint":
        return None
    check = quiet = stdout = strict = False
    compat: bool | None = None
    paths: list[Path] = []
    for arg in args:
        if arg == "--check":
            check = True
        elif arg in ("--quiet", "-q"):
            quiet = True
        elif arg == "--stdout":
            stdout = True
        elif arg == "--strict":
            strict = True
        elif arg in ("--compat", "--no-compat"):
            compat = arg == "--compat"
        elif arg.startswith("-") and arg != "-":
            return None
        else:
            paths.append(Path(arg))
    if stdout and not stdout_usage_ok(paths, check):
        return None  # a usage error, which click words
    return Invocation(tuple(paths), check, quiet, stdout, compat, strict)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    simple = simple_invocation(args)
    if simple is None:
        return _main_with_click(args)
    if simple.stdout:
        return render_to_stdout(simple.paths[0], "markdown", simple.compat, simple.strict)
    return check_or_write(simple)


def _main_with_click(args: list[str]) -> int:
    import click

    from docgen.cli.arguments import lint_command, render_command

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
    try:
        code = main()
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:  # the reader went away: exit 1 quietly, as click does then
        code = 1
    os._exit(code)
