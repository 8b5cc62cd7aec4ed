"""The render memo: one file per distinct README in the cache folder (``readmes/``), named
by a digest of everything the text depends on: the plugin's records as the readers return
them (docgen/read/records.py), docgen's version and code, the templates and jinja2. An
unchanged plugin is then neither built nor rendered again, and jinja2 is not imported.

The folder keeps the ``LIMIT`` most recently used entries: a hit refreshes its entry's
modification time, and once a process has written ``SLACK`` entries beyond the limit, it
deletes the oldest ones. So the folder never holds more than LIMIT + SLACK entries, and
the folder is listed at most once per SLACK writes (and once per process that writes).

An entry's first line holds the digest of the README below it: an entry that a disk, an
interrupted copy or a cache restored from elsewhere has changed is a miss, never a README.
"""

from __future__ import annotations

import contextlib
import functools
import os
from pathlib import Path

import docgen
from docgen.cache import cache_dir
from docgen.read.records import PluginSource
from docgen.render import templates
from docgen.templates_dir import default_templates

LIMIT = 256
SLACK = 32

try:  # the interpreter's own BLAKE2: `import hashlib` would first load OpenSSL (about 2 ms)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter built without it
    from hashlib import blake2b

_entries: dict[Path, int] = {}  # per folder: the entries it held when last counted, plus writes


def key(source: PluginSource, compat: bool | str | None) -> str | None:
    """A digest of everything the README of ``source`` depends on, with ``compat`` (the
    command line's choice of profile); None when a template folder cannot be read (the
    render then reports it). The records are written whole (repr), so that no field can be
    left out: the build and the render are pure functions of them, of docgen's code and of
    the templates. The scripts' texts go in as they are, each after its length: escaped by
    repr, they were nine tenths of the key's cost (0.49 against 0.07 ms a plugin over the
    18 official plugins)."""
    code = code_digest(Path(docgen.__file__).parent)
    digest = blake2b(f"{docgen.__version__}|{code}|{_jinja_stamp()}".encode(), digest_size=32)
    scripts = tuple(script._replace(text="") for script in source.subcommands)
    digest.update(f"{compat!r}|{source._replace(subcommands=scripts)!r}".encode())
    for script in source.subcommands:
        text = script.text.encode("utf-8", "surrogatepass")
        digest.update(b"\0%d\0" % len(text) + text)
    try:
        for folder in (default_templates(), source.settings.templates):
            if folder is not None:
                digest.update(templates.digest(folder).encode())
    except OSError:
        return None
    return digest.hexdigest()


@functools.lru_cache(maxsize=1)
def _jinja_stamp() -> str:
    """Which jinja2 is installed (its file and modification time), without importing it."""
    import importlib.util

    spec = importlib.util.find_spec("jinja2")
    origin = spec.origin if spec and spec.origin else ""
    return f"{origin}|{os.stat(origin).st_mtime_ns if origin else 0}"


@functools.lru_cache(maxsize=2)
def code_digest(package: Path) -> str:
    """A digest of the source of docgen's own modules (their paths and bytes): an editable
    install must never be served a README that older code rendered. Once per process;
    about 0.5 ms for the 40 modules."""
    digest = blake2b(digest_size=16)
    for path in sorted(_modules(str(package))):
        with open(path, "rb") as source:
            digest.update(f"{os.path.relpath(path, package)}\0".encode() + source.read())
    return digest.hexdigest()


def _modules(folder: str) -> list[str]:
    """The ``*.py`` files under ``folder``, without __pycache__ and prebuilt/ (compiled
    templates, which the templates' own digest already covers)."""
    found = []
    for entry in os.scandir(folder):
        if entry.is_dir(follow_symlinks=False):
            if entry.name not in ("__pycache__", "prebuilt"):
                found += _modules(entry.path)
        elif entry.name.endswith(".py"):
            found.append(entry.path)
    return found


def folder() -> Path | None:
    """The memo's folder in the cache folder; None when caching is off."""
    return cache_dir("readmes")


def read(folder: Path, key: str) -> str | None:
    """The README stored under ``key``; None when there is none, or when the entry is not
    what write() stored (truncated, altered, another format): the README is then rendered
    again, and the entry replaced."""
    path = folder / f"{key}.md"
    try:
        data = path.read_bytes()
    except OSError:
        return None
    header, _, body = data.partition(b"\n")
    if header != _header(body):
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # most recently used: kept when the folder is pruned
    return body.decode("utf-8")


def _header(body: bytes) -> bytes:
    """An entry's first line: the digest of the README below it."""
    return b"docgen-memo " + blake2b(body, digest_size=16).hexdigest().encode()


def write(folder: Path, key: str, text: str) -> None:
    """Store ``text`` under ``key`` (atomically: a temporary file, then a rename), and
    prune the folder when it has grown SLACK entries past LIMIT."""
    path = folder / f"{key}.md"
    try:
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        body = text.encode("utf-8")
        temporary.write_bytes(_header(body) + b"\n" + body)
        os.replace(temporary, path)
    except OSError:
        return
    if folder not in _entries:
        _entries[folder] = _count(folder)
    else:
        _entries[folder] += 1
    if _entries[folder] >= LIMIT + SLACK:
        _entries[folder] = prune(folder)


def _count(folder: Path) -> int:
    try:
        return sum(1 for _ in os.scandir(folder))
    except OSError:
        return 0


def prune(folder: Path, keep: int = LIMIT) -> int:
    """Delete all but the ``keep`` most recently used entries; returns how many are left."""
    try:
        entries = sorted(os.scandir(folder), key=_age)
    except OSError:
        return 0
    for entry in entries[keep:]:
        with contextlib.suppress(OSError):  # gone already: another docgen pruned it
            os.unlink(entry.path)
    return min(len(entries), keep)


def _age(entry: os.DirEntry[str]) -> int:
    """Newest first: minus the modification time (an entry that vanished counts as old)."""
    try:
        return -entry.stat(follow_symlinks=False).st_mtime_ns
    except OSError:
        return 0
