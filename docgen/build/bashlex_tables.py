"""Import bashlex once, quickly.

bashlex 0.18 ships a ``parsetab.py`` beside its parser, but its vendored copy of PLY's yacc
never reads it (nor writes one): ``bashlex.yacc.yacc()`` builds the LALR tables from the
grammar at every import, which costs far more than the rest of a docgen run. Rather than
patching the installed package, docgen wraps the table builder while bashlex imports and
looks for the tables first in the cache folder, then among the tables a wheel of docgen
ships (``docgen/prebuilt/``, written by hatch_build.py), and builds them only when neither
has them (then the cache folder keeps them).

The tables are plain JSON (the action and goto maps, indexed by state), keyed by a digest
of the grammar's productions, precedence and start symbol and of the installed
``bashlex/yacc.py`` (the algorithm that turns a grammar into tables): a changed grammar or
yacc never meets stale tables. A file read back is checked against the grammar (every
symbol known, every state and production in range) before it is used. The cache folder may
come from elsewhere (CI restores it with ``actions/cache``): reading a file never runs code,
as unpickling could, and a damaged or malformed one is ignored. (Like the rendered READMEs
in the same folder, well-formed content is trusted: tables altered with care could still
change how a corrected-mode line is read, never what runs.)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from docgen.cache import cache_dir

try:  # the interpreter's own BLAKE2: `import hashlib` would first load OpenSSL (about 2 ms)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter built without it
    from hashlib import blake2b

PREBUILT = Path(__file__).resolve().parent.parent / "prebuilt"

_loaded: Any = None


def load_bashlex() -> Any:
    global _loaded
    if _loaded is not None:
        return _loaded
    if "bashlex.parser" in sys.modules:
        import bashlex

        _loaded = bashlex
        return bashlex
    # ``import bashlex.yacc`` would run bashlex/__init__.py, which imports the parser and
    # builds the tables before the wrapper is in place. So the package module is created
    # first, its yacc imported and wrapped, and only then is __init__ executed.
    import importlib
    import importlib.util

    spec = importlib.util.find_spec("bashlex")
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError("bashlex")
    package = importlib.util.module_from_spec(spec)
    sys.modules["bashlex"] = package
    try:
        yacc: Any = importlib.import_module("bashlex.yacc")
        original = yacc.LRTable

        def cached_table(grammar: Any, log: Any = None) -> Any:
            return _table(original, grammar, log, yacc.__file__)

        yacc.LRTable = cached_table
        try:
            spec.loader.exec_module(package)
        finally:
            yacc.LRTable = original
    except BaseException:
        for name in [m for m in sys.modules if m == "bashlex" or m.startswith("bashlex.")]:
            del sys.modules[name]
        raise
    _loaded = package
    return package


class _Table:
    """What LRParser reads from an LRTable: the action and goto maps and the productions."""

    def __init__(self, action: Any, goto: Any, productions: Any) -> None:
        self.lr_action = action
        self.lr_goto = goto
        self.lr_productions = productions

    def bind_callables(self, pdict: dict[str, Any]) -> None:
        for production in self.lr_productions:
            production.bind(pdict)


def table_name(grammar: Any, yacc_file: str) -> str:
    """The file name of the tables of ``grammar`` built by the yacc in ``yacc_file``."""
    productions = "\n".join(str(p) for p in grammar.Productions)
    rules = f"{productions}\n{sorted(grammar.Precedence.items())}\n{grammar.Start}\n"
    digest = blake2b(rules.encode(), digest_size=16)
    digest.update(Path(yacc_file).read_bytes())
    return f"bashlex-{digest.hexdigest()}.json"


def _table(build: Any, grammar: Any, log: Any, yacc_file: str) -> Any:
    try:
        name = table_name(grammar, yacc_file)
    except Exception:  # an unexpected grammar object or an unreadable yacc.py
        return build(grammar, log)
    folder = cache_dir("bashlex")
    for candidate in (folder, PREBUILT):
        tables = _read(candidate / name, grammar) if candidate is not None else None
        if tables is not None:
            return _Table(tables[0], tables[1], grammar.Productions)
    table = build(grammar, log)
    if folder is not None:
        _write(folder / name, table)
    return table


_Rows = dict[int, dict[str, int]]


def _read(path: Path, grammar: Any) -> tuple[_Rows, _Rows] | None:
    """The action and goto maps stored in ``path``, or None when the file is missing or
    does not hold tables for this grammar."""
    import json

    try:
        action, goto = json.loads(path.read_bytes())
        if _valid(action, goto, grammar):
            return dict(enumerate(action)), dict(enumerate(goto))
    except Exception:  # missing, unreadable, not JSON, not two lists: not tables
        pass
    return None


def _valid(action: Any, goto: Any, grammar: Any) -> bool:
    """Tables a parser can follow: per state, a map from a known symbol to a state or
    production in range (shift > 0, reduce < 0, accept 0)."""
    states = len(action) if isinstance(action, list) and isinstance(goto, list) else -1
    return (
        0 < states == len(goto)
        and _rows_valid(action, {*grammar.Terminals, "$end"}, -len(grammar.Productions), states)
        and _rows_valid(goto, set(grammar.Nonterminals), -1, states)
    )


def _rows_valid(rows: list[Any], symbols: set[str], low: int, high: int) -> bool:
    """Every row a dict from one of ``symbols`` to an int strictly between low and high."""
    if not all(type(row) is dict for row in rows) or not set().union(*rows) <= symbols:
        return False
    values = [value for row in rows for value in row.values()]
    return {type(v) for v in values} <= {int} and all(low < v < high for v in values)


def _write(path: Path, table: Any) -> None:
    import json

    states = range(len(table.lr_action))
    rows = [[table.lr_action[s] for s in states], [table.lr_goto.get(s, {}) for s in states]]
    try:
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps(rows, separators=(",", ":")), encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        pass
