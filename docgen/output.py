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

from docgen.errors import DocgenError

README = "README.md"
START = "<!-- docgen:start -->"
END = "<!-- docgen:end -->"


class Comparison(NamedTuple):
    path: Path
    current: str | None  # the README on disk, normalised; None when there is none
    wanted: str  # what it should be

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


def _normalise(data: bytes, shown: str) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DocgenError(
            "is not valid UTF-8", path=shown, hint="docgen writes README.md as UTF-8"
        ) from None
    return text.replace("\r\n", "\n")


def _existing(path: Path) -> str | None:
    if path.is_symlink():
        raise DocgenError(
            "is a symlink; docgen will not write through it",
            path=str(path),
            hint="replace it with a file",
        )
    if not path.exists():
        return None
    if not path.is_file():
        raise DocgenError(
            "is not a regular file", path=str(path), hint="remove it so docgen can write the README"
        )
    try:
        return _normalise(path.read_bytes(), str(path))
    except OSError as error:
        raise DocgenError(f"cannot be read: {error.strerror}", path=str(path)) from None


def committed(root: Path) -> str | None:
    """The README.md of a plugin folder, normalised; None when there is none."""
    return _existing(root / README)


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
    current = _existing(path)
    wanted = generated
    if current is not None and (START in current or END in current):
        wanted = inject(current, generated, str(path))
    return Comparison(path, current, wanted)


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

    mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o644
    try:
        descriptor, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
        )
    except OSError as error:
        raise DocgenError(f"cannot write here: {error.strerror}", path=str(path.parent)) from None
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
        raise DocgenError(f"cannot be written: {error.strerror}", path=str(path)) from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
