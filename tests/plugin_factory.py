"""Build tiny plugins for tests: a valid minimal plugin, with any file replaced or removed.

The minimal plugin has two commands, create and list; every other command of the default
usage sections is named in PLUGIN_UNIMPLEMENTED_SUBCOMMANDS, as bin/generate requires (it
stops at a listed command that is neither a file nor unimplemented).

``make_plugin(root, subcommands={"create": SCRIPT}, config=None)`` writes the plugin;
a value of None removes that file, a str replaces it, bytes are written raw.
``plugin_source(...)`` builds the same plugin in memory, as the records the readers would
return, for docgen.pipeline.from_source.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from docgen.read.config import parse_config
from docgen.read.dockerfile import parse_dockerfile
from docgen.read.metadata import parse_metadata
from docgen.read.records import DocFragment, PluginSource, SubcommandSource
from docgen.read.settings import default_settings, parse_settings

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "sample-plugin"

# The commands of the default usage sections (A8), in order.
LISTED = (
    *("create", "info", "list", "logs", "link", "unlink", "set"),
    *("connect", "enter", "expose", "unexpose", "promote", "start", "stop", "pause"),
    *("restart", "upgrade", "app-links", "clone", "exists", "linked", "links", "import"),
    *("export", "backup-auth", "backup-deauth", "backup", "backup-set-encryption"),
    *("backup-set-public-key-encryption", "backup-unset-encryption"),
    *("backup-unset-public-key-encryption", "backup-schedule", "backup-schedule-cat"),
    "backup-unschedule",
)
UNIMPLEMENTED = "@UNIMPLEMENTED@"  # make_plugin names there the listed commands it has not

CONFIG_TEMPLATE = """\
#!/usr/bin/env bash
export PLUGIN_COMMAND_PREFIX="mini"
export PLUGIN_DATASTORE_PORTS=(1234)
export PLUGIN_DEFAULT_ALIAS="MINI"
export PLUGIN_SCHEME="mini"
export PLUGIN_VARIABLE="MINI"
export PLUGIN_UNIMPLEMENTED_SUBCOMMANDS=(@UNIMPLEMENTED@)
export MINI_CONFIG_OPTIONS=${MINI_CONFIG_OPTIONS:=""}
"""


def with_unimplemented(config: str, commands: Iterable[str]) -> str:
    """The config with the listed commands that are not in ``commands`` named unimplemented."""
    names = " ".join(f'"{name}"' for name in LISTED if name not in set(commands))
    return config.replace(UNIMPLEMENTED, names)


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
# The config of the default plugin, as written.
CONFIG = with_unimplemented(CONFIG_TEMPLATE, DEFAULT_SUBCOMMANDS)


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
    config: str | bytes | None = CONFIG_TEMPLATE,
    dockerfile: str | bytes | None = DOCKERFILE,
    plugin_toml: str | bytes | None = PLUGIN_TOML,
    subcommands: dict[str, str | bytes | None] | None = None,
    docs: dict[str, str | bytes | None] | None = None,
    files: dict[str, str | bytes | None] | None = None,
) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    merged = {**DEFAULT_SUBCOMMANDS, **(subcommands or {})}
    if isinstance(config, str):
        config = with_unimplemented(config, [n for n, c in merged.items() if c is not None])
    _write(root / "config", config)
    _write(root / "Dockerfile", dockerfile)
    _write(root / "plugin.toml", plugin_toml)
    (root / "subcommands").mkdir(exist_ok=True)
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
    config: str = CONFIG_TEMPLATE,
    dockerfile: str = DOCKERFILE,
    plugin_toml: str = PLUGIN_TOML,
    subcommands: dict[str, str | None] | None = None,
    docs: dict[str, str] | None = None,
    settings: str | None = None,
) -> PluginSource:
    """The plugin of make_plugin, never written: parsed from the texts by the readers'
    own parse functions. ``settings`` is the text of a docgen.toml."""
    merged = {**DEFAULT_SUBCOMMANDS, **(subcommands or {})}
    config = with_unimplemented(config, [n for n, c in merged.items() if c is not None])
    scripts = tuple(
        SubcommandSource(name, f"{root}/subcommands/{name}", text=text)
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
        dockerfile=parse_dockerfile(dockerfile, f"{root}/Dockerfile"),
        metadata=parse_metadata(plugin_toml, f"{root}/plugin.toml"),
        subcommands=scripts,
        fragments=fragments,
        settings=default_settings()
        if settings is None
        else parse_settings(settings, f"{root}/docgen.toml", root),
    )
