"""Safe reading of one plugin file: inside the plugin, a regular file, UTF-8 text."""

from __future__ import annotations

import re
from pathlib import Path

from docgen.errors import DocgenError

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _printable(text: str) -> str:
    return _CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


def has_control_characters(name: str) -> bool:
    return _printable(name) != name


def display(root: Path, path: Path) -> str:
    """The path as the user should see it in a message: the plugin folder, then the file.
    Control characters are escaped, so that a message stays on one line."""
    try:
        shown = str(root / path.relative_to(root))
    except ValueError:
        shown = str(path)
    return _printable(shown)


def inside(root: Path, path: Path) -> bool:
    """Whether ``path``, symlinks resolved, stays inside the plugin folder."""
    try:
        path.resolve().relative_to(root.resolve())
    except (OSError, ValueError, RuntimeError):
        return False
    return True


def decode(data: bytes, shown: str) -> str:
    """UTF-8 whatever the locale; a BOM is dropped; CRLF and CR line endings become LF."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise DocgenError(
            f"not valid UTF-8 (byte 0x{data[error.start]:02x})",
            path=shown,
            line=line,
            hint="save the file as UTF-8",
        ) from None
    if "\x00" in text:
        raise DocgenError(
            "is a binary file, not text", path=shown, hint="remove it or replace it with text"
        )
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(root: Path, path: Path, *, what: str) -> str:
    shown = display(root, path)
    if not path.exists() and not path.is_symlink():
        raise DocgenError(
            f"missing {what}", path=shown, hint=f"a Dokku datastore plugin needs a {path.name}"
        )
    # Callers check each folder once (root, subcommands/, docs/), so an entry that is not a
    # symlink is inside the plugin; only links need resolving.
    if path.is_symlink() and not inside(root, path):
        raise DocgenError(
            "is a symlink that points outside the plugin folder; docgen will not read it",
            path=shown,
            hint="replace the link with the file itself",
        )
    if not path.is_file():
        raise DocgenError(f"is not a regular file (expected the {what})", path=shown)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DocgenError(f"cannot be read: {error.strerror}", path=shown) from None
    return decode(data, shown)
