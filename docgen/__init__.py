"""docgen: render and check the README.md of a Dokku datastore plugin from its source.

``docgen.generate(path)`` renders the plugin in a folder; ``docgen.from_source(source)``
renders records already read (see docgen/pipeline.py). Both are imported on first use, so
that the command line starts without them.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["__version__", "from_source", "generate"]


def __getattr__(name: str) -> Any:
    if name in ("generate", "from_source"):
        from docgen import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'docgen' has no attribute {name!r}")
