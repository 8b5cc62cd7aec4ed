"""Import bashlex once, quickly.

bashlex 0.18 ships a ``parsetab.py`` beside its parser, but its vendored copy of PLY's yacc
never reads it (nor writes one): ``bashlex.yacc.yacc()`` builds the LALR tables from the
grammar at every import, which costs far more than the rest of a docgen run. Rather than
patching the installed package, docgen wraps the table builder while bashlex imports:
the first import builds the tables as usual and stores them in a cache file; every later
import loads them from there. The cache is keyed by bashlex's version and a hash of the grammar's
productions and precedence, so a changed grammar never meets stale tables. Any problem with the cache (no
writable folder, a corrupt file) falls back to the normal build.
"""

from __future__ import annotations

import os
import pickle
import sys
from typing import Any

from docgen.cache import cache_dir

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
            return _table(original, grammar, log)

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


def _table(build: Any, grammar: Any, log: Any) -> Any:
    import hashlib
    from importlib.metadata import version

    try:
        productions = "\n".join(str(p) for p in grammar.Productions)
        rules = f"{productions}\n{sorted(grammar.Precedence.items())}"
        digest = hashlib.sha256(rules.encode()).hexdigest()[:16]
        key = f"bashlex-{version('bashlex')}-{digest}.pickle"
    except Exception:
        return build(grammar, log)
    folder = cache_dir("bashlex")
    if folder is None:
        return build(grammar, log)
    path = folder / key
    try:
        with path.open("rb") as stream:
            action, goto = pickle.load(stream)
        return _Table(action, goto, grammar.Productions)
    except Exception:
        pass
    table = build(grammar, log)
    try:
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        with temporary.open("wb") as stream:
            pickle.dump((table.lr_action, table.lr_goto), stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:
        pass
    return table
