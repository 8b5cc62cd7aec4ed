"""Safe reading of one plugin file: inside the plugin, a regular file, UTF-8 text."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from docgen.errors import DocgenError

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _printable(text: str) -> str:
    return _CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


def _utf8(text: str) -> bool:
    """False for a name with bytes that are not UTF-8 (Python keeps them as surrogates)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def utf8_name(name: str) -> bool:
    """False for a file name with bytes that are not UTF-8: it cannot be written out."""
    return name.isascii() or _utf8(name)


def control_name(name: str) -> bool:
    """A file name with a control character (a tab, a newline, an escape...)."""
    return bool(_CONTROL.search(name))


def display(path: Path) -> str:
    """The path as the user should see it in a message. Readers build every path from the
    plugin folder given on the command line, so it shows that folder, then the file.
    Control characters and bytes that are not UTF-8 are escaped (``\\x1b``, ``\\xff``), so
    that a message stays on one line and can be printed."""
    shown = str(path)
    if not (shown.isascii() or _utf8(shown)):
        shown = shown.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return _printable(shown) if _CONTROL.search(shown) else shown


def listing(folder: Path, *, follow_symlinks: bool) -> list[tuple[str, bool]]:
    """The names in a folder, in code point order, each with whether it is a folder. The
    type comes with the listing: no extra system call per entry but for symlinks. A link
    that cannot be followed (dangling, a loop) is not a folder."""

    def is_dir(entry: os.DirEntry[str]) -> bool:
        try:
            return entry.is_dir(follow_symlinks=follow_symlinks)
        except OSError:
            return False

    with os.scandir(folder) as entries:
        return sorted((entry.name, is_dir(entry)) for entry in entries)


def folder_inside(root: Path, name: str) -> bool:
    """Whether the folder ``root/name`` stays inside the plugin folder: a folder that is
    not a symlink does, and only a link is resolved (resolving both folders and the root
    was a tenth of reading dokku-postgres)."""
    folder = root / name
    return not os.path.islink(folder) or inside(root, folder)


def inside(root: Path, path: Path) -> bool:
    """Whether ``path``, symlinks resolved, stays inside the plugin folder."""
    try:
        path.resolve().relative_to(root.resolve())
    except (OSError, ValueError, RuntimeError):
        return False
    return True


def outside_link(path: Path, *, folder: bool = False) -> DocgenError:
    """The error for a symlink that leaves the plugin folder: docgen never reads through it,
    so that a change cannot leak a file of the machine into a public README."""
    return DocgenError(
        "is a symlink that points outside the plugin folder; docgen will not read it",
        path=display(path),
        hint=f"replace the link with the {'folder' if folder else 'file'} itself",
    )


def cannot_read(shown: str, error: OSError) -> DocgenError:
    """The error for a file or folder that the system would not let docgen read; for a
    permission problem, the hint says how to give docgen's user access."""
    hint = ""
    if isinstance(error, PermissionError):
        import shlex

        bits = "a+rx" if os.path.isdir(shown) else "a+r"
        hint = f"let the user running docgen read it: chmod {bits} {shlex.quote(shown)}"
    return DocgenError(f"cannot be read: {error.strerror}", path=shown, hint=hint)


BOM = "\ufeff"


def decode(data: bytes, shown: str) -> str:
    """UTF-8 whatever the locale; CRLF and CR line endings become LF. A BOM is kept, as
    bin/generate keeps it (A1): the readers drop it where it means nothing, and the compat
    rules decide where it shows."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise DocgenError(
            f"not valid UTF-8 (byte 0x{data[error.start]:02x})",
            path=shown,
            line=line,
            hint="save the file as UTF-8",
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_bytes(root: Path, path: Path) -> bytes:
    """The bytes of a regular file of the plugin, not through a symlink out of it."""
    if path.is_symlink() and not inside(root, path):
        raise outside_link(path)
    try:
        return path.read_bytes()
    except OSError as error:
        raise DocgenError(f"cannot be read: {error.strerror}", path=display(path)) from None


def read_text(root: Path, path: Path, *, what: str, shown: str | None = None) -> str:
    """The text of one plugin file: a regular file, or a symlink to one inside the plugin.
    Callers check each folder once (root, subcommands/, docs/), so an entry that is not a
    symlink is inside the plugin; only links need resolving. ``shown``: display(path),
    when the caller has it."""
    shown = display(path) if shown is None else shown
    try:
        mode = os.lstat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        raise DocgenError(
            f"missing {what}", path=shown, hint=f"a Dokku datastore plugin needs a {path.name}"
        ) from None
    except OSError as error:
        raise cannot_read(shown, error) from None
    if stat.S_ISLNK(mode):
        try:
            mode = os.stat(path).st_mode
        except OSError:
            raise DocgenError(
                "is a dangling symlink (its target is missing, or a loop)",
                path=shown,
                hint="fix the link, or remove it",
            ) from None
        if not inside(root, path):
            raise outside_link(path)
    if not stat.S_ISREG(mode):
        raise DocgenError(f"is not a regular file (expected the {what})", path=shown)
    try:
        # Unbuffered: one read of the whole file, without a buffer object (measured on
        # the official plugins' scripts: 7.5 against 10 microseconds a file).
        with open(path, "rb", buffering=0) as file:
            data = file.readall()
    except OSError as error:
        raise cannot_read(shown, error) from None
    return decode(data, shown)
