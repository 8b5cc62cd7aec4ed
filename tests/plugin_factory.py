"""Build tiny plugins for tests: a valid minimal plugin, with any file replaced or removed.

``make_plugin(root, subcommands={"create": SCRIPT}, config=None)`` writes the plugin;
a value of None removes that file, a str replaces it, bytes are written raw.
``plugin_source(...)`` builds the same plugin in memory, as the records the readers would
return, for docgen.pipeline.from_source.
"""

from __future__ import annotations

from pathlib import Path

from docgen.read.config import parse_config
from docgen.read.dockerfile import parse_dockerfile
from docgen.read.metadata import parse_metadata
from docgen.read.records import DocFragment, PluginSource, SubcommandSource
from docgen.read.settings import default_settings, parse_settings
from docgen.read.subcommands import documentation_lines

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "sample-plugin"

CONFIG = """\
#!/usr/bin/env bash
export PLUGIN_COMMAND_PREFIX="mini"
export PLUGIN_DATASTORE_PORTS=(1234)
export PLUGIN_DEFAULT_ALIAS="MINI"
export PLUGIN_SCHEME="mini"
export PLUGIN_VARIABLE="MINI"
export PLUGIN_UNIMPLEMENTED_SUBCOMMANDS=()
export MINI_CONFIG_OPTIONS=${MINI_CONFIG_OPTIONS:=""}
"""

DOCKERFILE = "FROM mini/server:1.2.3\n"

PLUGIN_TOML = """\
[plugin]
description = "dokku mini service plugin"
version = "0.1.0"
[plugin.config]
"""


def script(
    name: str,
    desc: str = "do a thing",
    declare: str = 'declare SERVICE="$1"',
    annotations: str = "#A service, service to run command against",
) -> str:
    """A subcommand script in the standard style."""
    return f"""\
#!/usr/bin/env bash
source "$(dirname "$(cd "$(dirname "${{BASH_SOURCE[0]}}")" && pwd)")/config"
set -eo pipefail
[[ $DOKKU_TRACE ]] && set -x

service-{name}-cmd() {{
  {annotations}
  declare desc="{desc}"
  local cmd="$PLUGIN_COMMAND_PREFIX:{name}" argv=("$@")
  [[ ${{argv[0]}} == "$cmd" ]] && shift 1
  {declare}
  echo "$SERVICE"
}}

service-{name}-cmd "$@"
"""


DEFAULT_SUBCOMMANDS: dict[str, str | bytes | None] = {
    "create": script("create", "create a $PLUGIN_COMMAND_PREFIX service"),
    "list": script("list", "list all $PLUGIN_COMMAND_PREFIX services", declare="", annotations=""),
}


def _write(path: Path, content: str | bytes | None) -> None:
    if content is None:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")


def make_plugin(
    root: Path,
    *,
    config: str | bytes | None = CONFIG,
    dockerfile: str | bytes | None = DOCKERFILE,
    plugin_toml: str | bytes | None = PLUGIN_TOML,
    subcommands: dict[str, str | bytes | None] | None = None,
    docs: dict[str, str | bytes | None] | None = None,
    files: dict[str, str | bytes | None] | None = None,
) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    _write(root / "config", config)
    _write(root / "Dockerfile", dockerfile)
    _write(root / "plugin.toml", plugin_toml)
    (root / "subcommands").mkdir(exist_ok=True)
    merged = {**DEFAULT_SUBCOMMANDS, **(subcommands or {})}
    for name, content in merged.items():
        _write(root / "subcommands" / name, content)
    for name, content in (docs or {}).items():
        _write(root / "docs" / name, content)
    for name, content in (files or {}).items():
        _write(root / name, content)
    return root


def plugin_source(
    root: Path = Path("plugin"),
    *,
    config: str = CONFIG,
    dockerfile: str = DOCKERFILE,
    plugin_toml: str = PLUGIN_TOML,
    subcommands: dict[str, str | None] | None = None,
    docs: dict[str, str] | None = None,
    settings: str | None = None,
) -> PluginSource:
    """The plugin of make_plugin, never written: parsed from the texts by the readers'
    own parse functions. ``settings`` is the text of a docgen.toml."""
    merged = {**DEFAULT_SUBCOMMANDS, **(subcommands or {})}
    scripts = tuple(
        SubcommandSource(name, f"{root}/subcommands/{name}", documentation_lines(text))
        for name, text in sorted(merged.items())
        if isinstance(text, str)
    )
    fragments = tuple(
        DocFragment(name.removesuffix(".md"), f"{root}/docs/{name}", text)
        for name, text in sorted((docs or {}).items())
    )
    return PluginSource(
        root=root,
        config=parse_config(config, f"{root}/config"),
        image=parse_dockerfile(dockerfile, f"{root}/Dockerfile"),
        metadata=parse_metadata(plugin_toml, f"{root}/plugin.toml"),
        subcommands=scripts,
        fragments=fragments,
        settings=default_settings()
        if settings is None
        else parse_settings(settings, f"{root}/docgen.toml", root),
    )
