"""The one output step: compare the rendered README with the one on disk, then write it
(write mode) or report the difference (check mode). Nothing else in docgen writes.

Line endings and encoding: the committed README is read as UTF-8; a BOM and CRLF line
endings are ignored when comparing, so a README checked out with ``core.autocrlf`` is not
stale. When docgen writes, it writes what it rendered: UTF-8, LF, no BOM.
"""

import os
import stat
from pathlib import Path
from typing import NamedTuple

from docgen.errors import Diagnostic, DocgenError
from docgen.read.files import cannot_read, inside, outside_link

README = "README.md"
_REPLACE_LINK = "replace the link with the file itself"
START = "<!-- docgen:start -->"
END = "<!-- docgen:end -->"


class Comparison(NamedTuple):
    path: Path
    current: str | None  # the README on disk, normalised; None when there is none
    wanted: str  # what it should be
    warnings: tuple[Diagnostic, ...] = ()

    @property
    def stale(self) -> bool:
        return self.current != self.wanted

    def diff(self) -> list[str]:
        import difflib

        return list(
            difflib.unified_diff(
                (self.current or "").splitlines(keepends=True),
                self.wanted.splitlines(keepends=True),
                f"{README} (committed)",
                f"{README} (generated)",
            )
        )


def _normalise(data: bytes, shown: str) -> tuple[str, tuple[Diagnostic, ...]]:
    """The README's text, and a warning when it is not valid UTF-8. Such a README is
    docgen's own output gone wrong: it reads as stale (the bad bytes as U+FFFD), and write
    mode replaces it. Not when it has markers: the text around them is the maintainer's."""
    text = data.decode("utf-8-sig", errors="replace")
    warnings: tuple[Diagnostic, ...] = ()
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        if START.encode() in data or END.encode() in data:
            raise DocgenError(
                f"not valid UTF-8 (byte 0x{data[error.start]:02x})",
                path=shown,
                line=line,
                hint="docgen keeps the text around its markers as it is: save the file as UTF-8",
            ) from None
        message = (
            f"not valid UTF-8 (byte 0x{data[error.start]:02x}); "
            "docgen takes the README as stale and writes it anew as UTF-8"
        )
        warnings = (Diagnostic(shown, line, message),)
    return text.replace("\r\n", "\n"), warnings


def _existing(root: Path, path: Path) -> tuple[str | None, tuple[Diagnostic, ...]]:
    """The README on disk. A symlink is followed only inside the plugin folder: a diff must
    not show a file of the machine."""
    if path.is_symlink():
        if not inside(root, path):
            raise outside_link(path)
        if not path.exists():
            raise DocgenError(
                "is a symlink that points nowhere", path=str(path), hint=_REPLACE_LINK
            )
    elif not path.exists():
        return None, ()
    if not path.is_file():
        raise DocgenError(
            "is not a regular file", path=str(path), hint="remove it so docgen can write the README"
        )
    try:
        return _normalise(path.read_bytes(), str(path))
    except OSError as error:
        raise cannot_read(str(path), error) from None


def committed(root: Path) -> str | None:
    """The README.md of a plugin folder, normalised; None when there is none."""
    return _existing(root, root / README)[0]


def inject(current: str, generated: str, shown: str) -> str:
    """Replace what stands between the markers with ``generated``; keep the rest."""
    starts, ends = current.count(START), current.count(END)
    if starts != 1 or ends != 1:
        raise DocgenError(
            f"needs exactly one {START} and one {END} line (found {starts} and {ends})",
            path=shown,
            hint="fix the markers, or remove both to let docgen write the whole README",
        )
    head, _, rest = current.partition(START)
    if END not in rest:
        line = head.count("\n") + 1
        raise DocgenError(
            f"{END} comes before {START}", path=shown, line=line, hint="swap the markers"
        )
    _, _, tail = rest.partition(END)
    return f"{head}{START}\n{generated}{END}{tail}"


def compare(root: Path, generated: str) -> Comparison:
    path = root / README
    current, warnings = _existing(root, path)
    wanted = generated
    if current is not None and (START in current or END in current):
        wanted = inject(current, generated, str(path))
    return Comparison(path, current, wanted, warnings)


def _denied(error: OSError, hint: str) -> str:
    """``hint`` for a permission error; no hint for others (a full disk, say)."""
    return hint if isinstance(error, PermissionError) else ""


def write_new(path: Path, text: str, *, force: bool) -> None:
    """Write a file docgen creates (docgen.toml): never over an existing one without
    ``force``; atomically, as the README."""
    if (path.exists() or path.is_symlink()) and not force:
        raise DocgenError("exists already", path=str(path), hint="use --force to replace it")
    write(Comparison(path, None, text))


def write(comparison: Comparison) -> None:
    """Atomically replace the README (temp file in the same folder, then rename), keeping
    its permission bits. Only called when the content changed."""
    path = comparison.path
    import tempfile

    if path.is_symlink():
        raise DocgenError(
            "is a symlink; docgen will not write through it", path=str(path), hint=_REPLACE_LINK
        )
    mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o644
    try:
        descriptor, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
        )
    except OSError as error:
        raise DocgenError(
            f"cannot write here: {error.strerror}",
            path=str(path.parent),
            hint=_denied(
                error,
                f"docgen writes {path.name} through a temporary file in its folder: "
                "make the folder writable, or use --check",
            ),
        ) from None
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(comparison.wanted)
        os.chmod(temporary, mode)
        # The mode bits too: as root, os.access() says every file is writable.
        if path.exists() and (not mode & 0o222 or not os.access(path, os.W_OK)):
            raise DocgenError(
                "is read-only", path=str(path), hint="make it writable, or use --check"
            )
        os.replace(temporary, path)
    except OSError as error:
        raise DocgenError(
            f"cannot be written: {error.strerror}",
            path=str(path),
            hint=_denied(error, "make it and its folder writable, or use --check"),
        ) from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
