"""Build hook: the wheel ships the default templates compiled to Python modules.

docgen/render/templates.py compiles ``templates/`` (and each profile's own layout) with
jinja2 (``compile_templates``) into a folder named after the templates' digest and jinja2's
version; the wheel carries it as ``docgen/compiled_templates/<name>/``, and a run with no
cache folder loads the modules instead of compiling the templates. Editable installs and
source checkouts compile them at run time, as before. See docgen/render/templates.py.
"""

from __future__ import annotations

import importlib.util
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompiledTemplates(BuildHookInterface):
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        root = Path(self.root)
        spec = importlib.util.spec_from_file_location(
            "docgen_templates_build", root / "docgen" / "render" / "templates.py"
        )
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        self._work = Path(tempfile.mkdtemp(prefix="docgen-compiled-"))
        for templates in (root / "templates", *module.layouts(root / "templates")):
            folder = module.compile_folder(templates, self._work)
            build_data["force_include"][str(folder)] = f"docgen/compiled_templates/{folder.name}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        work = getattr(self, "_work", None)
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)
