"""What happened to each plugin of one command line: counts, warnings, errors, exit code.

``Report.each`` is the one place where a DocgenError (or an unexpected OSError) is caught:
one bad plugin is reported on one line and the others still run.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from docgen.cli.console import echo
from docgen.errors import Diagnostic, DocgenError
from docgen.read.files import cannot_read

EXIT_CURRENT, EXIT_STALE, EXIT_ERROR = 0, 1, 2


class Report:
    def __init__(self, *, strict: bool = False) -> None:
        self.strict = strict
        self.current = self.stale = self.errors = 0

    def each(self, paths: Sequence[Path], action: Callable[[Path], None]) -> None:
        """``action`` on each plugin folder; an error is printed and counted, never raised."""
        for path in paths:
            try:
                action(path)
            except DocgenError as error:
                echo(str(error), err=True)
                self.errors += 1
            except BrokenPipeError:  # the reader of stdout went away: console_entry's case
                raise
            except OSError as error:  # a file no reader expected to fail (a template, say)
                shown = os.fsdecode(error.filename) if error.filename else str(path)
                echo(str(cannot_read(shown, error)), err=True)
                self.errors += 1

    def warnings_stop(self, path: Path, warnings: Sequence[Diagnostic]) -> bool:
        """Print the warnings; with --strict, end with one error line and return True."""
        for warning in warnings:
            echo(str(warning), err=True)
        if not (warnings and self.strict):
            return False
        count = f"{len(warnings)} warning" + ("s" if len(warnings) != 1 else "")
        error = DocgenError(f"{count} and --strict", path=str(path), hint="fix the warnings above")
        echo(str(error), err=True)
        self.errors += 1
        return True

    def summary(self, stale: str) -> str:
        """``1 current, 0 out of date, 0 errors``; ``stale`` says what happened to a stale
        README: "out of date" (--check) or "rewritten" (write mode)."""
        errors = f"{self.errors} error" + ("s" if self.errors != 1 else "")
        return f"{self.current} current, {self.stale} {stale}, {errors}"

    def exit_code(self) -> int:
        if self.errors:
            return EXIT_ERROR
        return EXIT_STALE if self.stale else EXIT_CURRENT
