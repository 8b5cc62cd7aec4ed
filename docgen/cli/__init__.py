"""The command line. ``main(argv) -> int`` is the only place that turns a command line into
an exit code: 0 every README current, 1 a README was stale (rewritten, or reported by
--check / lint), 2 bad input or usage.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from docgen.cli.arguments import fast_invocation


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    invocation = fast_invocation(args)
    if invocation is None:
        from docgen.cli.arguments import click_main

        return click_main(args)
    from docgen.cli.render import run_render

    return run_render(invocation)


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
