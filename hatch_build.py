"""Build hook: the wheel ships what a run would otherwise build on a fresh machine.

``docgen/prebuilt/templates/<name>/``: the default templates (and each profile's own layout)
compiled to Python modules by jinja2 (docgen/render/templates.py), loaded instead of
compiling the templates. ``docgen/prebuilt/bashlex-<key>.json``: bashlex's parser tables
(docgen/build/bashlex_tables.py), read instead of building them when the cache folder has
none. Each is named after what it was built from, and used only where that matches at run
time. Editable installs and source checkouts build both at run time, as before.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class Prebuilt(BuildHookInterface):
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        self._work = Path(tempfile.mkdtemp(prefix="docgen-prebuilt-"))
        sys.path.insert(0, self.root)  # docgen from this source tree
        os.environ["DOCGEN_CACHE_DIR"] = str(self._work / "cache")
        try:
            from docgen.build.bashlex_tables import load_bashlex
            from docgen.render.templates import compile_folder, layouts

            sources = Path(self.root) / "templates"
            folders = [
                compile_folder(f, self._work / "templates") for f in (sources, *layouts(sources))
            ]
            load_bashlex()  # builds the tables and writes them to the cache folder
        finally:
            sys.path.remove(self.root)
            del os.environ["DOCGEN_CACHE_DIR"]
        prebuilt = {folder: f"docgen/prebuilt/templates/{folder.name}" for folder in folders}
        for table in (self._work / "cache" / "bashlex").glob("bashlex-*.json"):
            prebuilt[table] = f"docgen/prebuilt/{table.name}"
        build_data["force_include"].update({str(k): v for k, v in prebuilt.items()})

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if hasattr(self, "_work"):
            shutil.rmtree(self._work, ignore_errors=True)
