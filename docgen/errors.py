"""The one fatal error type, and the non-fatal diagnostics that travel with the model.

Every message names the file (and line, where there is one) and says what to do, so that
the CLI can print it as a single line: ``path:line: error: what is wrong (fix)``.
"""

from typing import NamedTuple


def _location(path: str | None, line: int | None) -> str:
    if path is None:
        return ""
    return f"{path}:{line}: " if line is not None else f"{path}: "


class DocgenError(Exception):
    """A problem with the input or the usage: reported on one line, exit code 2."""

    def __init__(
        self, message: str, *, path: str | None = None, line: int | None = None, hint: str = ""
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.hint = hint

    def __str__(self) -> str:
        hint = f" ({self.hint})" if self.hint else ""
        return f"{_location(self.path, self.line)}error: {self.message}{hint}"

    def __repr__(self) -> str:
        """Every field: records keep errors (a script that cannot be read), and the render
        memo's key is the records' repr (docgen/render/memo.py)."""
        fields = f"path={self.path!r}, line={self.line!r}, hint={self.hint!r}"
        return f"{type(self).__name__}({self.message!r}, {fields})"


class Diagnostic(NamedTuple):
    """A warning: docgen could go on, but the source probably does not say what was meant."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        return f"{_location(self.path, self.line)}warning: {self.message}"
